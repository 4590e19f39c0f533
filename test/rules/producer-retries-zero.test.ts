import { ruleTester } from '../support/lint-harness.js';

ruleTester('producer-retries-zero', {
  valid: [
    { name: 'no retries key: the client retries by default', files: { 'producer.properties': 'bootstrap.servers=k:9092\nacks=all\n' } },
    { name: 'retries=3', files: { 'producer.properties': 'retries=3\n' } },
    { name: 'retries=10 is not 0', files: { 'producer.properties': 'retries=10\n' } },
    { name: 'a comment mentioning retries=0', files: { 'producer.properties': '# retries=0 loses records\nretries=5\n' } },
    { name: 'retries=0 overridden later', files: { 'producer.properties': 'retries=0\nretries=2147483647\n' } },
    { name: 'a placeholder', files: { 'producer.properties': 'retries=${RETRIES}\n' } },
    { name: 'retries=0 in a consumer config', files: { 'consumer.properties': 'group.id=g\nretries=0\n' } },
    { name: 'reconnect settings are not retries', files: { 'producer.properties': 'acks=all\nretry.backoff.ms=0\n' } },
  ],
  invalid: [
    {
      name: 'Java producer: retries=0 also turns the default idempotence off',
      files: { 'producer.properties': 'bootstrap.servers=k:9092\nretries=0\n' },
      findings: [{ line: 2, column: 1, messageId: 'noRetriesNoIdempotence', severity: 'warning', message: 'retries=0 (set at line 2)' }],
    },
    {
      name: 'Java producer with idempotence set explicitly: no silent switch-off to mention',
      files: { 'producer.properties': 'enable.idempotence=false\nretries=0\n' },
      findings: [{ line: 2, messageId: 'noRetries' }],
    },
    {
      name: 'librdkafka alias message.send.max.retries=0',
      files: { 'producer.config': 'metadata.broker.list=k:9092\nmessage.send.max.retries=0\n' },
      findings: [{ line: 2, messageId: 'noRetries' }],
    },
    {
      name: 'Spring application.yml producer retries',
      files: { 'application.yml': 'spring:\n  kafka:\n    producer:\n      retries: 0\n' },
      findings: [{ line: 4, messageId: 'noRetriesNoIdempotence' }],
    },
    {
      name: 'a JSON librdkafka producer section',
      files: { 'kafka.json': '{\n  "producer": {\n    "metadata.broker.list": "k:9092",\n    "message.send.max.retries": 0\n  }\n}\n' },
      findings: [{ line: 4, messageId: 'noRetries' }],
    },
    {
      name: 'Spring producer retries',
      files: { 'application.properties': 'spring.kafka.producer.retries=0\n' },
      findings: [{ line: 1, messageId: 'noRetriesNoIdempotence' }],
    },
  ],
});
