import { defineRule, type RelatedLocation } from '../src/engine/rule.js';
import { judgeableClientValue } from '../src/model/judgeable.js';
import { clientsWithRole } from '../src/model/queries.js';
import { describeEffective } from '../src/model/resolve.js';
import type { ClientFacts, CodeSite, ConsumerHandlerFacts } from '../src/model/types.js';

// When each library commits, relative to the handler (research/rules-catalog.md §1.3–1.6):
// - kafkajs resolves a message's offset once `eachMessage` resolves and auto-commits resolved offsets; with
//   `eachBatchAutoResolve` (default true) it resolves the batch's last offset once `eachBatch` returns without
//   throwing (kafkajs docs/Consuming.md). The KafkaJS API of @confluentinc/kafka-javascript stores the offset after
//   the handler too (lib/kafkajs/_consumer.js). Work the handler does not wait for is committed before it is done.
// - librdkafka (node-rdkafka, the callback API of @confluentinc/kafka-javascript) stores a message's offset when it
//   hands the message to the application (`enable.auto.offset.store`, default true) and commits stored offsets on a
//   timer (`enable.auto.commit`, default true): any side effect of the handler may still be running, or not yet
//   started, when its offset is committed (librdkafka INTRODUCTION.md, "At-least-once processing").
// - @platformatic/kafka with `autocommit` on queues a message's offset for commit when the fetch that brought it is
//   pushed into the stream, before the application reads it (src/clients/consumer/messages-stream.ts).

type MessageId = 'unawaited' | 'unsafeBatch' | 'storedOnDelivery' | 'committedOnFetch';

/** Why a batch-processing site is unsafe, from what it calls. */
function unsafeBatchReason(where: CodeSite): string {
  return where.description.startsWith('Promise.allSettled')
    ? 'allSettled never rejects, so eachBatch returns and eachBatchAutoResolve resolves the whole batch'
    : 'the callbacks run concurrently, so a later offset can be resolved before an earlier message is done, and a failure then commits past it';
}

function isLibrdkafkaApi(consumer: ClientFacts): boolean {
  return consumer.library === 'node-rdkafka' || consumer.library === 'librdkafka';
}

export default defineRule({
  id: 'auto-commit-with-side-effects',
  meta: {
    category: 'delivery',
    defaultSeverity: 'error',
    description: 'A consumer commits offsets automatically while its message handler has side effects that can finish after the offset is committed, so a crash loses those messages.',
    messages: {
      unawaited: 'The handler starts {{call}} without waiting for it while offsets are committed automatically ({{effective}}): the offset is marked as processed when the handler returns, before {{call}} has finished, so a crash in between loses the message.',
      unsafeBatch: 'In this eachBatch handler {{call}} lets offsets be resolved for messages that failed or are still running ({{why}}); auto-commit ({{effective}}) then commits them and those messages are lost.',
      storedOnDelivery: 'librdkafka stores this message\'s offset as it hands the message over and commits stored offsets on a timer ({{store}}; {{effective}}), so the offset can be committed before {{call}} has finished: a crash in between loses the message.',
      committedOnFetch: '@platformatic/kafka commits offsets as messages are fetched ({{effective}}), before the handler gets to {{call}}: a crash before it finishes loses the message.',
    },
    help: 'Await every side effect in the handler (at-least-once). For librdkafka consumers set enable.auto.offset.store=false and store or commit the offset after the work is done; for @platformatic/kafka turn autocommit off and call message.commit() after processing.',
    inputs: ['code'],
  },
  check({ model, report }) {
    for (const consumer of clientsWithRole(model, 'consumer')) {
      const handlers = consumer.code?.handlers ?? [];
      if (handlers.length === 0) continue;
      const autoCommit = judgeableClientValue(consumer, 'enable.auto.commit');
      if (autoCommit?.value !== true) continue;
      const effective = describeEffective(autoCommit);
      const reported = new Set<string>();
      const reportAt = (handler: ConsumerHandlerFacts, where: CodeSite, messageId: MessageId, data: Record<string, string>) => {
        const key = `${where.location.file}:${where.location.line}:${where.location.column}`;
        if (reported.has(key)) return;
        reported.add(key);
        const related: RelatedLocation[] = [{ message: `${handler.kind} handler`, location: handler.location }];
        if (autoCommit.setting) related.push({ message: 'auto-commit setting', location: autoCommit.setting.location });
        report({ messageId, data: { call: where.description, effective, ...data }, location: where.location, subject: consumer, origin: autoCommit.origin, related, fingerprintKey: where.description });
      };

      if (consumer.library === 'kafkajs' || consumer.library === 'confluent-kafka-javascript') {
        for (const handler of handlers) {
          for (const sideEffect of handler.unawaitedSideEffects) reportAt(handler, sideEffect, 'unawaited', {});
          for (const unsafe of handler.unsafeBatchProcessing) reportAt(handler, unsafe, 'unsafeBatch', { why: unsafeBatchReason(unsafe) });
        }
      } else if (isLibrdkafkaApi(consumer)) {
        const store = judgeableClientValue(consumer, 'enable.auto.offset.store');
        if (store?.value !== true) continue;
        for (const handler of handlers) {
          for (const sideEffect of handler.sideEffects) reportAt(handler, sideEffect, 'storedOnDelivery', { store: describeEffective(store) });
        }
      } else if (consumer.library === 'platformatic') {
        for (const handler of handlers) {
          for (const sideEffect of handler.sideEffects) reportAt(handler, sideEffect, 'committedOnFetch', {});
        }
      }
    }
  },
});
