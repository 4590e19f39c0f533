import { defineRule } from '../src/engine/rule.js';
import { isExplicit, judgeableNumber } from '../src/model/judgeable.js';
import { clientsWithRole } from '../src/model/queries.js';
import { describeEffective } from '../src/model/resolve.js';

// KafkaConsumer javadoc (detecting consumer failures): a consumer that does not call poll within max.poll.interval.ms
// leaves the group, its partitions are reassigned and its later commits fail. The thresholds are kafkalint's policy
// (research/rules-catalog.md §2.3): under a minute is tight for any real processing, and more than 1000 records per
// poll with less than the 300000 ms default leaves little time per record.
const MIN_POLL_INTERVAL_MS = 60000;
const DEFAULT_POLL_INTERVAL_MS = 300000;
const LARGE_POLL_RECORDS = 1000;

export default defineRule({
  id: 'max-poll-interval-too-low',
  meta: {
    category: 'consumer-groups',
    defaultSeverity: 'warning',
    description: 'A consumer allows little time between polls (max.poll.interval.ms under a minute, or many records per poll with less than the default interval), so slow processing makes it leave its group.',
    messages: {
      intervalTooLow: 'Consumer must poll again within {{interval}}, under a minute. If handling one poll\'s records takes longer (a slow database, a retry, a long GC pause), the consumer leaves the group, its partitions move to another member and its offset commits fail, so the records are processed again.',
      manyRecordsShortInterval: 'Consumer fetches up to {{records}} per poll but must poll again within {{interval}}: about {{perRecord}} ms per record. If a batch takes longer, the consumer leaves the group, its partitions move to another member and its offset commits fail, so the records are processed again.',
    },
    help: 'Raise max.poll.interval.ms to cover the slowest batch you expect (the default is 300000), or lower max.poll.records so each poll has less work.',
    inputs: ['properties', 'yaml', 'json', 'env', 'code'],
  },
  check({ model, report }) {
    for (const consumer of clientsWithRole(model, 'consumer')) {
      const interval = judgeableNumber(consumer, 'max.poll.interval.ms');
      if (!interval || interval.value <= 0) continue;
      if (isExplicit(interval.effective) && interval.value < MIN_POLL_INTERVAL_MS) {
        report({
          messageId: 'intervalTooLow',
          data: { interval: describeEffective(interval.effective) },
          location: interval.effective.setting!.location,
          subject: consumer,
          origin: interval.effective.origin,
          fingerprintKey: 'max.poll.interval.ms',
        });
        continue;
      }
      const records = judgeableNumber(consumer, 'max.poll.records');
      if (!records || !isExplicit(records.effective) || records.value <= LARGE_POLL_RECORDS) continue;
      if (interval.value >= DEFAULT_POLL_INTERVAL_MS) continue;
      report({
        messageId: 'manyRecordsShortInterval',
        data: {
          records: describeEffective(records.effective),
          interval: describeEffective(interval.effective),
          perRecord: Number((interval.value / records.value).toPrecision(2)),
        },
        location: records.effective.setting!.location,
        subject: consumer,
        origin: records.effective.origin,
        fingerprintKey: 'max.poll.records',
      });
    }
  },
});
