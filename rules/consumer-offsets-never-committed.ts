import { defineRule } from '../src/engine/rule.js';
import { judgeableClientValue } from '../src/model/judgeable.js';
import { clientsWithRole } from '../src/model/queries.js';
import { describeEffective } from '../src/model/resolve.js';
import type { CodeSite } from '../src/model/types.js';

// What actually commits:
// - With auto-commit off, only an explicit commit does: kafkajs/CKJS `commitOffsets` (or eachBatch's
//   `commitOffsetsIfNecessary`), librdkafka `commit`/`commitSync`/`commitMessage`, platformatic `message.commit()`.
//   Resolving (`resolveOffset`, and kafkajs's own resolve after eachMessage or an auto-resolved batch) or storing
//   (`offsetsStore`, `storeOffsets`) an offset only marks it for a commit that auto-commit would have made.
// - With auto-commit on, kafkajs commits resolved offsets; an eachBatch handler with `eachBatchAutoResolve: false`
//   resolves nothing unless it calls `resolveOffset` (or commits itself), so nothing is ever committed.

/** The method a commit site calls: `consumer.commitOffsets(…)` → `commitOffsets`, `message.commit()` → `commit`. */
function methodOf(site: CodeSite): string {
  return /(\w+)\(…?\)$/.exec(site.description)?.[1] ?? site.description;
}

const MARKS_ONLY = new Set(['resolveOffset', 'offsetsStore', 'storeOffsets']);

export default defineRule({
  id: 'consumer-offsets-never-committed',
  meta: {
    category: 'delivery',
    defaultSeverity: 'warning',
    description: 'A consumer processes messages with auto-commit off (or an eachBatch handler that never resolves offsets) and nothing in its code commits, so the group never records progress.',
    messages: {
      neverCommitted: 'Auto-commit is off ({{effective}}) and no code commits this consumer\'s offsets{{marksOnly}}: the group\'s committed position never moves, so every restart or rebalance replays everything since the last commit.',
      batchNeverResolved: 'This eachBatch handler turns eachBatchAutoResolve off but never calls resolveOffset() or commits: auto-commit ({{effective}}) has nothing to commit, so every restart or rebalance replays the partitions from the last committed offset.',
    },
    help: 'Commit after processing (consumer.commitOffsets, consumer.commit, message.commit()), or call resolveOffset() for each processed message when eachBatchAutoResolve is false.',
    inputs: ['code'],
  },
  check({ model, report }) {
    for (const consumer of clientsWithRole(model, 'consumer')) {
      const code = consumer.code;
      // Without a handler we do not know where messages are processed; a client handed to other code may be committed there.
      if (!code || code.handlers.length === 0 || code.escapesAt) continue;
      const autoCommit = judgeableClientValue(consumer, 'enable.auto.commit');
      if (!autoCommit) continue;
      if (autoCommit.value === false) {
        const commits = code.commitCalls.filter((site) => !MARKS_ONLY.has(methodOf(site)));
        if (commits.length > 0) continue;
        const marks = [...new Set(code.commitCalls.map(methodOf))];
        report({
          messageId: 'neverCommitted',
          data: { effective: describeEffective(autoCommit), marksOnly: marks.length > 0 ? ` (${marks.join(', ')} only marks offsets for a commit that auto-commit would make)` : '' },
          location: autoCommit.setting?.location ?? consumer.location,
          subject: consumer,
          origin: autoCommit.origin,
          related: code.handlers.map((handler) => ({ message: `${handler.kind} handler`, location: handler.location })),
          fingerprintKey: 'enable.auto.commit',
        });
        continue;
      }
      if (autoCommit.value !== true || (consumer.library !== 'kafkajs' && consumer.library !== 'confluent-kafka-javascript')) continue;
      if (code.commitCalls.length > 0) continue;
      for (const handler of code.handlers) {
        if (handler.kind !== 'eachBatch' || handler.autoResolve !== false) continue;
        report({
          messageId: 'batchNeverResolved',
          data: { effective: describeEffective(autoCommit) },
          location: handler.location,
          subject: consumer,
          origin: autoCommit.origin,
          fingerprintKey: 'eachBatchAutoResolve',
        });
      }
    }
  },
});
