import { ruleTester } from '../support/lint-harness.js';

ruleTester('producer-acks-zero', {
  valid: [
    { name: 'acks=all', files: { 'producer.properties': 'bootstrap.servers=k:9092\nacks=all\n' } },
    { name: 'acks=1 is another rule', files: { 'producer.properties': 'acks=1\n' } },
    { name: 'no acks: the client default is never 0', files: { 'producer.properties': 'bootstrap.servers=k:9092\nlinger.ms=5\n' } },
    { name: 'a comment mentioning acks=0', files: { 'producer.properties': '# never acks=0 here\nacks=all\n' } },
    { name: 'acks=0 overridden by a later acks=all', files: { 'producer.properties': 'acks=0\nacks=all\n' } },
    { name: 'a placeholder is decided elsewhere', files: { 'producer.properties': 'acks=${PRODUCER_ACKS}\n' } },
    { name: 'acks in a consumer config is not a producer setting', files: { 'consumer.properties': 'group.id=g\nacks=0\n' } },
    { name: 'Spring application.yml with acks all', files: { 'application.yml': 'spring:\n  kafka:\n    producer:\n      acks: all\n' } },
    { name: 'a JSON producer with acks all', files: { 'kafka.json': '{ "producer": { "bootstrap.servers": "k:9092", "acks": "all" } }\n' } },
  ],
  invalid: [
    {
      name: 'explicit acks=0',
      files: { 'producer.properties': 'bootstrap.servers=k:9092\nacks=0\n' },
      findings: [{ line: 2, column: 1, messageId: 'noAcknowledgement', severity: 'error', message: 'acks=0 (set at line 2)' }],
    },
    {
      name: 'librdkafka alias request.required.acks=0',
      files: { 'client.config': 'metadata.broker.list=k:9092\nrequest.required.acks=0\n' },
      findings: [{ line: 2, messageId: 'noAcknowledgement' }],
    },
    {
      name: 'the last of two settings wins',
      files: { 'producer.properties': 'acks=all\nacks = 0\n' },
      findings: [{ line: 2 }],
    },
    {
      name: 'a JSON producer section with the number 0',
      files: { 'kafka.json': '{\n  "producer": {\n    "bootstrap.servers": "k:9092",\n    "acks": 0\n  }\n}\n' },
      findings: [{ line: 4, messageId: 'noAcknowledgement' }],
    },
    {
      name: 'Spring application.yml producer acks',
      files: { 'application.yml': 'spring:\n  kafka:\n    producer:\n      acks: 0\n' },
      findings: [{ line: 4, messageId: 'noAcknowledgement' }],
    },
    {
      name: 'Spring producer acks',
      files: { 'application.properties': 'spring.kafka.bootstrap-servers=k:9092\nspring.kafka.producer.acks=0\n' },
      findings: [{ line: 2, messageId: 'noAcknowledgement' }],
    },
  ],
});
