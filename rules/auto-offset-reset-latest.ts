import { defineRule } from '../src/engine/rule.js';
import { isExplicit, judgeableClientValue } from '../src/model/judgeable.js';
import { clientsWithRole } from '../src/model/queries.js';
import { describeEffective } from '../src/model/resolve.js';

// `latest` (Java), and librdkafka's synonyms `largest` and `end` (CONFIGURATION.md, auto.offset.reset).
const START_AT_END = new Set(['latest', 'largest', 'end']);

export default defineRule({
  id: 'auto-offset-reset-latest',
  meta: {
    category: 'delivery',
    defaultSeverity: 'info',
    description: 'A consumer sets auto.offset.reset to latest, so a group without a committed offset skips everything already in the partition.',
    messages: {
      startsAtEnd: 'Consumer starts at the end of the log when it has no committed offset: {{effective}}. A new group, a group whose committed offsets expired (offsets.retention.minutes), or a partition added while producers already write to it starts at the end, and the records written before that are never read by this group.',
    },
    help: 'Use auto.offset.reset=earliest (librdkafka also accepts smallest) unless skipping the backlog is intended; if it is, suppress this finding with that reason.',
    inputs: ['properties', 'yaml', 'json', 'env', 'code'],
  },
  check({ model, report }) {
    for (const consumer of clientsWithRole(model, 'consumer')) {
      const reset = judgeableClientValue(consumer, 'auto.offset.reset');
      if (!reset || !isExplicit(reset) || typeof reset.value !== 'string' || !START_AT_END.has(reset.value)) continue;
      report({
        messageId: 'startsAtEnd',
        data: { effective: describeEffective(reset) },
        location: reset.setting!.location,
        subject: consumer,
        origin: reset.origin,
        fingerprintKey: 'auto.offset.reset',
      });
    }
  },
});
