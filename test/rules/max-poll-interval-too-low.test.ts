import { ruleTester } from '../support/lint-harness.js';

ruleTester('max-poll-interval-too-low', {
  valid: [
    { name: 'exactly one minute', files: { 'consumer.properties': 'group.id=g\nmax.poll.interval.ms=60000\n' } },
    { name: 'defaults', files: { 'consumer.properties': 'group.id=g\n' } },
    { name: 'many records with the default interval', files: { 'consumer.properties': 'group.id=g\nmax.poll.records=2000\n' } },
    { name: '1000 records with a short interval is within the threshold', files: { 'consumer.properties': 'group.id=g\nmax.poll.records=1000\nmax.poll.interval.ms=120000\n' } },
    { name: 'a placeholder is not judged', files: { 'consumer.properties': 'group.id=g\nmax.poll.interval.ms=${POLL_INTERVAL}\n' } },
    { name: 'a comment mentioning a low value', files: { 'consumer.properties': 'group.id=g\n# max.poll.interval.ms=1000\n' } },
    { name: 'a producer file', files: { 'producer.properties': 'acks=all\nmax.poll.interval.ms=1000\n' } },
  ],
  invalid: [
    {
      name: 'explicit interval under a minute',
      files: { 'consumer.properties': 'group.id=g\nmax.poll.interval.ms=30000\n' },
      findings: [{ line: 2, column: 1, messageId: 'intervalTooLow', severity: 'warning', message: 'max.poll.interval.ms=30000 (set at line 2), under a minute' }],
    },
    {
      name: 'librdkafka interval under a minute',
      files: { 'consumer.config': 'metadata.broker.list=k:9092\ngroup.id=g\nmax.poll.interval.ms=10000\n' },
      findings: [{ line: 3, messageId: 'intervalTooLow' }],
    },
    {
      name: 'many records with a shortened interval, reported at the records',
      files: { 'consumer.properties': 'group.id=g\nmax.poll.interval.ms=120000\nmax.poll.records=5000\n' },
      findings: [{ line: 3, messageId: 'manyRecordsShortInterval', message: 'about 24 ms per record' }],
    },
    {
      name: 'a low interval is reported once even with many records',
      files: { 'consumer.properties': 'group.id=g\nmax.poll.records=5000\nmax.poll.interval.ms=20000\n' },
      findings: [{ line: 3, messageId: 'intervalTooLow' }],
    },
    {
      name: 'Spring max-poll-records with a pass-through interval',
      files: { 'application.yml': 'spring:\n  kafka:\n    consumer:\n      max-poll-records: 2000\n      properties:\n        max.poll.interval.ms: 100000\n' },
      findings: [{ line: 4, column: 7, messageId: 'manyRecordsShortInterval', message: 'max.poll.records=2000 (set at line 4)' }],
    },
  ],
});
