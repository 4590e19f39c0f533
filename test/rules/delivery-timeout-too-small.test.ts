import { ruleTester } from '../support/lint-harness.js';

ruleTester('delivery-timeout-too-small', {
  valid: [
    { name: 'all defaults', files: { 'producer.properties': 'bootstrap.servers=k:9092\n' } },
    { name: 'delivery timeout equal to linger + request timeout is allowed', files: { 'producer.properties': 'delivery.timeout.ms=30100\nlinger.ms=100\nrequest.timeout.ms=30000\n' } },
    { name: 'delivery timeout above the sum', files: { 'producer.properties': 'delivery.timeout.ms=60000\nrequest.timeout.ms=20000\n' } },
    {
      name: 'defaulted delivery timeout: the client raises it itself instead of failing',
      files: { 'producer.properties': 'linger.ms=100000\nrequest.timeout.ms=30000\n' },
    },
    { name: 'a placeholder delivery timeout', files: { 'producer.properties': 'delivery.timeout.ms=${DELIVERY_TIMEOUT}\n' } },
    { name: 'a placeholder request timeout', files: { 'producer.properties': 'delivery.timeout.ms=1000\nrequest.timeout.ms=${REQUEST_TIMEOUT}\n' } },
    {
      name: 'librdkafka has no such check (message.timeout.ms is its delivery timeout)',
      files: { 'producer.config': 'metadata.broker.list=k:9092\nmessage.timeout.ms=1000\n' },
    },
    {
      name: 'Spring application.yml with a sufficient delivery timeout',
      files: { 'application.yml': 'spring:\n  kafka:\n    producer:\n      properties:\n        delivery.timeout.ms: 120000\n        linger.ms: 50\n' },
    },
    { name: 'a consumer with a short request timeout', files: { 'consumer.properties': 'group.id=g\ndelivery.timeout.ms=1000\n' } },
  ],
  invalid: [
    {
      name: 'explicit delivery timeout below the default request timeout',
      files: { 'producer.properties': 'bootstrap.servers=k:9092\ndelivery.timeout.ms=20000\n' },
      findings: [{
        line: 2,
        column: 1,
        messageId: 'belowLingerPlusRequest',
        severity: 'error',
        message: 'delivery.timeout.ms=20000 (set at line 2) < linger.ms=0 (not set: Java client default (client version unknown; assumed ≥ 3.0)) + request.timeout.ms=30000 (not set',
      }],
    },
    {
      name: 'explicit linger pushes the sum over an explicit delivery timeout',
      files: { 'producer.properties': 'delivery.timeout.ms=30000\nlinger.ms=50\n' },
      findings: [{ line: 1, message: '= 30050 ms' }],
    },
    {
      name: 'all three explicit',
      files: { 'producer.properties': 'linger.ms=10\nrequest.timeout.ms=60000\ndelivery.timeout.ms=45000\n' },
      findings: [{ line: 3, message: 'linger.ms=10 (set at line 1)' }],
    },
    {
      name: 'Spring application.yml pass-through',
      files: { 'application.yml': 'spring:\n  kafka:\n    producer:\n      properties:\n        delivery.timeout.ms: 30000\n        linger.ms: 50\n' },
      findings: [{ line: 5, message: '= 30050 ms' }],
    },
    {
      name: 'Spring producer properties pass-through',
      files: { 'application.properties': 'spring.kafka.producer.properties.delivery.timeout.ms=10000\n' },
      findings: [{ line: 1, messageId: 'belowLingerPlusRequest' }],
    },
  ],
});
