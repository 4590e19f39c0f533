import { ruleTester } from '../support/lint-harness.js';

ruleTester('retries-with-inflight-no-idempotence', {
  valid: [
    { name: 'modern Java defaults are idempotent', files: { 'producer.properties': 'bootstrap.servers=k:9092\nretries=10\n' } },
    { name: 'idempotence off with one request in flight', files: { 'producer.properties': 'enable.idempotence=false\nmax.in.flight.requests.per.connection=1\n' } },
    { name: 'idempotence off without retries', files: { 'producer.properties': 'enable.idempotence=false\nretries=0\n' } },
    { name: 'librdkafka all defaults: idempotence-disabled names the risk', files: { 'producer.config': 'metadata.broker.list=k:9092\nlinger.ms=10\n' } },
    { name: 'librdkafka idempotent', files: { 'producer.config': 'metadata.broker.list=k:9092\nenable.idempotence=true\nmax.in.flight=5\n' } },
    { name: 'placeholder in-flight is not judged', files: { 'producer.properties': 'enable.idempotence=false\nmax.in.flight.requests.per.connection=${IN_FLIGHT}\n' } },
    { name: 'Java silently disabled with only defaults for in-flight and retries', files: { 'producer.properties': 'acks=1\n' } },
    { name: 'a consumer file', files: { 'consumer.properties': 'group.id=g\nenable.idempotence=false\n' } },
    { name: 'Spring with idempotence off and one request in flight', files: { 'application.properties': 'spring.kafka.producer.properties.enable.idempotence=false\nspring.kafka.producer.properties.max.in.flight.requests.per.connection=1\n' } },
  ],
  invalid: [
    {
      name: 'Java explicit false with default in-flight and retries',
      files: { 'producer.properties': 'bootstrap.servers=k:9092\nenable.idempotence=false\n' },
      findings: [{
        line: 2, column: 1, messageId: 'reordering', severity: 'warning',
        message: 'enable.idempotence=false (set at line 2), with max.in.flight.requests.per.connection=5 (not set: Java client default (client version unknown; assumed ≥ 3.0)) and retries=2147483647',
      }],
    },
    {
      name: 'librdkafka explicit in-flight, reported there',
      files: { 'producer.config': 'metadata.broker.list=k:9092\nmax.in.flight=20\n' },
      findings: [{ line: 2, message: 'enable.idempotence=false (not set: librdkafka default), with max.in.flight.requests.per.connection=20 (set at line 2)' }],
    },
    {
      name: 'librdkafka explicit retries alias',
      files: { 'producer.config': 'metadata.broker.list=k:9092\nmessage.send.max.retries=3\n' },
      findings: [{ line: 2, message: 'retries=3 (set at line 2)' }],
    },
    {
      name: 'Java idempotence silently turned off by in-flight above 5',
      files: { 'producer.properties': 'max.in.flight.requests.per.connection=10\n' },
      findings: [{ line: 1, message: 'enable.idempotence=false (not set: the Java client default (client version unknown; assumed ≥ 3.0) is true, but max.in.flight.requests.per.connection=10 (set at line 1) turns it off)' }],
    },
    {
      name: 'Spring application.properties with idempotence off and retries',
      files: { 'application.properties': 'spring.kafka.producer.properties.enable.idempotence=false\nspring.kafka.producer.retries=3\n' },
      findings: [{ line: 2, message: 'enable.idempotence=false (set at line 1), with max.in.flight.requests.per.connection=5' }],
    },
  ],
});
