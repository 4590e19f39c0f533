import { ruleTester } from '../support/lint-harness.js';

ruleTester('idempotence-silently-disabled', {
  valid: [
    { name: 'modern Java defaults', files: { 'producer.properties': 'bootstrap.servers=k:9092\nlinger.ms=5\n' } },
    { name: 'compatible explicit settings', files: { 'producer.properties': 'acks=all\nretries=3\nmax.in.flight.requests.per.connection=5\n' } },
    { name: 'idempotence explicitly off: a visible choice', files: { 'producer.properties': 'enable.idempotence=false\nacks=1\n' } },
    { name: 'idempotence explicitly on: the client refuses to start (another rule)', files: { 'producer.properties': 'enable.idempotence=true\nacks=1\n' } },
    { name: 'transactional: the client refuses to start (another rule)', files: { 'producer.properties': 'transactional.id=tx\nacks=1\n' } },
    { name: 'librdkafka has no idempotence default to lose', files: { 'producer.config': 'metadata.broker.list=k:9092\nrequest.required.acks=1\n' } },
    { name: 'a placeholder is not judged', files: { 'producer.properties': 'acks=${PRODUCER_ACKS}\n' } },
    { name: 'in-flight of exactly 5 is compatible', files: { 'producer.properties': 'max.in.flight.requests.per.connection=5\n' } },
    { name: 'consumer files are not producers', files: { 'consumer.properties': 'group.id=g\nacks=1\n' } },
    { name: 'Spring with acks all', files: { 'application.yml': 'spring:\n  kafka:\n    producer:\n      acks: all\n' } },
  ],
  invalid: [
    {
      name: 'acks=1 turns the default off',
      files: { 'producer.properties': 'bootstrap.servers=k:9092\nacks=1\n' },
      findings: [{
        line: 2, column: 1, messageId: 'silentlyDisabled', severity: 'warning',
        message: 'the Java client default (client version unknown; assumed ≥ 3.0) of true would apply, but acks=1 (set at line 2) is incompatible',
      }],
    },
    {
      name: 'several conflicts give one finding at the first',
      files: { 'producer.properties': 'linger.ms=5\nretries=0\nmax.in.flight.requests.per.connection=10\n' },
      findings: [{ line: 2, message: 'retries=0 (set at line 2) and max.in.flight.requests.per.connection=10 (set at line 3) are incompatible' }],
    },
    {
      name: 'Spring application.yml with acks 1',
      files: { 'application.yml': 'spring:\n  kafka:\n    producer:\n      acks: 1\n' },
      findings: [{ line: 4, column: 7, message: 'the Spring for Apache Kafka default (Java client ≥ 3.0 assumed) of true would apply, but acks=1 (set at line 4)' }],
    },
  ],
});
