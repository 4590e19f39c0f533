import { ruleTester } from '../support/lint-harness.js';

ruleTester('producer-acks-one', {
  valid: [
    { name: 'acks=all', files: { 'producer.properties': 'bootstrap.servers=k:9092\nacks=all\n' } },
    { name: 'acks=-1 is all', files: { 'producer.properties': 'acks=-1\n' } },
    { name: 'no acks on a modern Java client defaults to all', files: { 'producer.properties': 'bootstrap.servers=k:9092\nlinger.ms=5\n' } },
    { name: 'acks=1 in a consumer file is not a producer setting', files: { 'consumer.properties': 'group.id=g\n# acks=1\n' } },
    { name: 'a comment mentioning acks=1', files: { 'producer.properties': '# do not use acks=1\nacks=all\n' } },
  ],
  invalid: [
    {
      name: 'explicit acks=1',
      files: { 'producer.properties': 'bootstrap.servers=k:9092\nacks=1\n' },
      findings: [{ line: 2, column: 1, messageId: 'leaderOnly', severity: 'warning', message: 'acks=1 (set at line 2)' }],
    },
    {
      name: 'librdkafka alias request.required.acks=1',
      files: { 'client.config': 'metadata.broker.list=k:9092\nrequest.required.acks=1\n' },
      findings: [{ line: 2, messageId: 'leaderOnly' }],
    },
    {
      name: 'the last of two settings wins',
      files: { 'producer.properties': 'acks=all\nacks=1\n' },
      findings: [{ line: 2 }],
    },
  ],
});
