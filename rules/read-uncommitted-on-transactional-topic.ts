import { defineRule } from '../src/engine/rule.js';
import { transactionalIdOf } from '../src/model/idempotence.js';
import { judgeableClientValue } from '../src/model/judgeable.js';
import { clientsWithRole } from '../src/model/queries.js';
import { isPlaceholder } from '../src/model/secrets.js';
import { describeEffective, formatLocation } from '../src/model/resolve.js';
import type { ClientFacts, Setting, TopicReference } from '../src/model/types.js';

// isolation.level defaults to read_uncommitted in the Java consumer (ConsumerConfig) and to read_committed in
// librdkafka, kafkajs and @confluentinc/kafka-javascript: a Java consumer of a transactional topic must opt in.

interface TransactionalWriter {
  producer: ClientFacts;
  transactionalId: Setting;
  reference: TopicReference;
}

/** Topic name → transactional producers that name it. Names that are placeholders cannot be joined. */
function transactionalWritersByTopic(producers: ClientFacts[]): Map<string, TransactionalWriter[]> {
  const writers = new Map<string, TransactionalWriter[]>();
  for (const producer of producers) {
    const transactionalId = transactionalIdOf(producer);
    if (!transactionalId) continue;
    for (const reference of producer.topics) {
      if (isPlaceholder(reference.name)) continue;
      const list = writers.get(reference.name) ?? [];
      list.push({ producer, transactionalId, reference });
      writers.set(reference.name, list);
    }
  }
  return writers;
}

export default defineRule({
  id: 'read-uncommitted-on-transactional-topic',
  meta: {
    category: 'delivery',
    defaultSeverity: 'warning',
    description: 'A consumer reads with isolation.level=read_uncommitted from a topic that a transactional producer writes, so it sees records of aborted and unfinished transactions.',
    messages: {
      readsUncommitted: 'Consumer reads topic {{topic}}, which a transactional producer writes ({{writer}}), with {{effective}}. It also receives records of transactions that are later aborted and of transactions not yet committed, which defeats the exactly-once writes of the producer.',
    },
    help: 'Set isolation.level=read_committed on consumers of transactionally written topics (the Java consumer defaults to read_uncommitted).',
    inputs: ['properties', 'yaml', 'json', 'env', 'code'],
  },
  check({ model, report }) {
    const writers = transactionalWritersByTopic(clientsWithRole(model, 'producer'));
    if (writers.size === 0) return;
    for (const consumer of clientsWithRole(model, 'consumer')) {
      const isolation = judgeableClientValue(consumer, 'isolation.level');
      if (isolation?.value !== 'read_uncommitted') continue;
      const reported = new Set<string>();
      for (const reference of consumer.topics) {
        const topicWriters = writers.get(reference.name);
        if (!topicWriters || reported.has(reference.name)) continue;
        reported.add(reference.name);
        const first = topicWriters[0];
        report({
          messageId: 'readsUncommitted',
          data: {
            topic: reference.name,
            writer: `transactional.id set at ${formatLocation(first.transactionalId.location)}`,
            effective: describeEffective(isolation),
          },
          location: isolation.setting?.location ?? reference.location,
          subject: consumer,
          origin: isolation.origin,
          related: topicWriters.map((writer) => ({ message: `transactional producer writing ${reference.name}`, location: writer.reference.location })),
          fingerprintKey: `isolation.level:${reference.name}`,
        });
      }
    }
  },
});
