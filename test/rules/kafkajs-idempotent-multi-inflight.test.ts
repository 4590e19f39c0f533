import { ruleTester } from '../support/lint-harness.js';

const kafkajs = (producerOptions: string) =>
  ["import { Kafka } from 'kafkajs'", "const kafka = new Kafka({ clientId: 'orders', brokers: ['kafka-1:9093'], ssl: true })", `export const producer = kafka.producer(${producerOptions})`, ''].join('\n');

ruleTester('kafkajs-idempotent-multi-inflight', {
  valid: [
    { name: 'idempotent with one request in flight', files: { 'producer.ts': kafkajs('{ idempotent: true, maxInFlightRequests: 1 }') } },
    { name: 'a producer without idempotence', files: { 'producer.ts': kafkajs('') } },
    { name: 'idempotent: false with no limit', files: { 'producer.ts': kafkajs('{ idempotent: false }') } },
    { name: 'the limit comes from the environment', files: { 'producer.ts': kafkajs('{ idempotent: true, maxInFlightRequests: Number(process.env.IN_FLIGHT) }') } },
    { name: 'idempotence comes from the environment', files: { 'producer.ts': kafkajs("{ idempotent: process.env.IDEMPOTENT === 'true' }") } },
    { name: 'producer options only run time knows', files: { 'producer.ts': kafkajs('loadProducerOptions()') } },
    {
      name: '@confluentinc/kafka-javascript: librdkafka limits in-flight requests of an idempotent producer itself',
      files: {
        'producer.ts': [
          "const { Kafka } = require('@confluentinc/kafka-javascript').KafkaJS",
          "const producer = new Kafka({ kafkaJS: { brokers: ['kafka-1:9093'], ssl: true } }).producer({ kafkaJS: { idempotent: true } })",
          '',
        ].join('\n'),
      },
    },
    { name: 'a comment showing the bad pattern', files: { 'notes.ts': "// kafkajs: never kafka.producer({ idempotent: true }) without maxInFlightRequests: 1\nexport {}\n" } },
  ],
  invalid: [
    {
      name: 'idempotent without a limit: kafkajs allows unlimited requests in flight',
      files: { 'producer.ts': kafkajs('{ idempotent: true }') },
      findings: [{ line: 3, column: 42, messageId: 'multiInflight', severity: 'error', message: 'max.in.flight.requests.per.connection=unlimited (not set: kafkajs default)' }],
    },
    {
      name: 'an explicit limit above one is where the finding points',
      files: { 'producer.ts': kafkajs('{\n  idempotent: true,\n  maxInFlightRequests: 5,\n}') },
      findings: [{ line: 5, column: 3, message: 'max.in.flight.requests.per.connection=5 (set at line 5)' }],
    },
    {
      name: 'maxInFlightRequests: null is no limit',
      files: { 'producer.ts': kafkajs('{ idempotent: true, maxInFlightRequests: null }') },
      findings: [{ line: 3, message: '=unlimited (set at line 3)' }],
    },
    {
      name: 'options kept in a module of their own',
      files: {
        'src/kafka-config.ts': 'export const producerConfig = {\n  idempotent: true,\n  allowAutoTopicCreation: false,\n}\n',
        'src/producer.ts': ["import { Kafka } from 'kafkajs'", "import { producerConfig } from './kafka-config'", "const kafka = new Kafka({ brokers: ['k:9092'] })", 'export const producer = kafka.producer(producerConfig)', ''].join('\n'),
      },
      findings: [{ file: 'src/kafka-config.ts', line: 2, column: 3 }],
    },
    {
      name: 'a producer chained on new Kafka, with require',
      files: { 'producer.js': "const { Kafka } = require('kafkajs')\nconst producer = new Kafka({ brokers: ['k:9092'] }).producer({ idempotent: true, maxInFlightRequests: 2 })\n" },
      findings: [{ line: 2, column: 82 }],
    },
  ],
});
