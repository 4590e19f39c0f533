import { defineRule } from '../src/engine/rule.js';
import { isExplicit, judgeableClientValue } from '../src/model/judgeable.js';
import { clientsWithRole } from '../src/model/queries.js';
import { describeEffective } from '../src/model/resolve.js';

// Spring for Apache Kafka ≥ 2.3 sets enable.auto.commit=false unless it is set explicitly, and the listener container
// commits after the listener has handled the records (message-listener-container docs, "Committing Offsets").

export default defineRule({
  id: 'consumer-auto-commit-enabled',
  meta: {
    category: 'delivery',
    defaultSeverity: 'warning',
    description: 'A consumer turns on enable.auto.commit, so offsets are committed on a timer rather than after the records are processed.',
    messages: {
      autoCommit: 'Consumer commits offsets on a timer: {{effective}}. The client commits what it has handed to the application whether or not processing has finished, so records still in progress (or handed to another thread) when the process dies are skipped after the restart.',
      springReenabled: 'Consumer turns the Kafka client\'s auto-commit back on: {{effective}}. Spring for Apache Kafka (2.3 and later) switches it off so that the listener container commits after your listener has processed the records; with it on, the client also commits on its own timer, and records still being processed when the process dies can be skipped.',
    },
    help: 'Remove enable.auto.commit=true (Spring) or set it to false and commit after processing (commitSync/commitAsync, or librdkafka offsets_store after the work is done).',
    inputs: ['properties', 'yaml', 'json', 'env', 'code'],
  },
  check({ model, report }) {
    for (const consumer of clientsWithRole(model, 'consumer')) {
      // The KafkaJS API (kafkajs, and @confluentinc/kafka-javascript's) commits only offsets of messages whose handler
      // returned (kafkajs Consuming.md; CKJS _consumer.js stores offsets after the handler), so `autoCommit: true`
      // is not the timer-over-handed-out-records risk; auto-commit-with-side-effects judges what those handlers do.
      if (consumer.library === 'kafkajs' || consumer.library === 'confluent-kafka-javascript') continue;
      const autoCommit = judgeableClientValue(consumer, 'enable.auto.commit');
      if (!autoCommit || !isExplicit(autoCommit) || autoCommit.value !== true) continue;
      report({
        messageId: consumer.library === 'spring' ? 'springReenabled' : 'autoCommit',
        data: { effective: describeEffective(autoCommit) },
        location: autoCommit.setting!.location,
        subject: consumer,
        origin: autoCommit.origin,
        fingerprintKey: 'enable.auto.commit',
      });
    }
  },
});
