import { ruleTester } from '../support/lint-harness.js';

// Spring Cloud Stream: an output binding written by a transactional producer, an input binding reading it.
const streamApp = (consumerConfiguration: string, destination = 'payments') => [
  'spring:',
  '  cloud:',
  '    stream:',
  '      bindings:',
  '        paymentsIn:',
  `          destination: ${destination}`,
  '          group: ledger',
  '        paymentsOut:',
  '          destination: payments',
  '      kafka:',
  '        bindings:',
  '          paymentsOut:',
  '            producer:',
  '              configuration:',
  '                transactional.id: payments-tx',
  '          paymentsIn:',
  '            consumer:',
  '              configuration:',
  `                ${consumerConfiguration}`,
  '',
].join('\n');

const transactionalSpringProducer = 'spring:\n  kafka:\n    producer:\n      transaction-id-prefix: orders-tx-\n    template:\n      default-topic: orders\n';
const sinkConnector = (topics: string, override = '"consumer.override.max.poll.records": "100"') =>
  `{\n  "name": "orders-sink",\n  "config": {\n    "connector.class": "io.example.SinkConnector",\n    "topics": "${topics}",\n    ${override}\n  }\n}\n`;

ruleTester('read-uncommitted-on-transactional-topic', {
  valid: [
    { name: 'the consumer reads committed records only', files: { 'application.yml': streamApp('isolation.level: read_committed') } },
    { name: 'the consumer reads another topic', files: { 'application.yml': streamApp('max.poll.records: 50', 'refunds') } },
    { name: 'a placeholder isolation level is not judged', files: { 'application.yml': streamApp('isolation.level: ${ISOLATION}') } },
    {
      name: 'the producer of the topic is not transactional',
      files: {
        'application.yml': 'spring:\n  kafka:\n    producer:\n      acks: all\n    template:\n      default-topic: orders\n',
        'orders-sink.json': sinkConnector('orders'),
      },
    },
    {
      name: 'a Connect sink with read_committed',
      files: {
        'application.yml': transactionalSpringProducer,
        'orders-sink.json': sinkConnector('orders', '"consumer.override.isolation.level": "read_committed"'),
      },
    },
  ],
  invalid: [
    {
      name: 'Spring Cloud Stream consumer on the Java default read_uncommitted',
      files: { 'application.yml': streamApp('max.poll.records: 50') },
      findings: [{
        line: 6, column: 24, messageId: 'readsUncommitted', severity: 'warning',
        message: 'Consumer reads topic payments, which a transactional producer writes (transactional.id set at line 15), with isolation.level=read_uncommitted (not set: Spring for Apache Kafka default',
      }],
    },
    {
      name: 'explicit read_uncommitted is reported at the setting',
      files: { 'application.yml': streamApp('isolation.level: read_uncommitted') },
      findings: [{ line: 19, message: 'isolation.level=read_uncommitted (set at line 19)' }],
    },
    {
      name: 'across files: a Spring transactional producer and a Connect sink reading its topic',
      files: {
        'application.yml': transactionalSpringProducer,
        'orders-sink.json': sinkConnector('audit, orders'),
      },
      findings: [{ file: 'orders-sink.json', line: 5, message: 'reads topic orders, which a transactional producer writes (transactional.id set at application.yml:4)' }],
    },
  ],
});
