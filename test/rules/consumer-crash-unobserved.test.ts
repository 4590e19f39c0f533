import { ruleTester } from '../support/lint-harness.js';

const kafka = "import { Kafka } from 'kafkajs'\nconst kafka = new Kafka({ brokers: ['k:9092'] })";
const kafkajs = (...lines: string[]) => [kafka, "const consumer = kafka.consumer({ groupId: 'g' })", ...lines, ''].join('\n');
const rdkafka = (...lines: string[]) => ["import Kafka from 'node-rdkafka'", "const consumer = new Kafka.KafkaConsumer({ 'group.id': 'g' }, {})", ...lines, ''].join('\n');

ruleTester('consumer-crash-unobserved', {
  valid: [
    {
      name: 'a CRASH listener and awaited start-up',
      files: { 'c.ts': kafkajs('consumer.on(consumer.events.CRASH, (event) => { logger.error(event); process.exit(1) })', 'await consumer.connect()', 'await consumer.run({ eachMessage: async () => {} })') },
    },
    { name: 'CRASH destructured from the events map', files: { 'c.ts': kafkajs('const { CRASH } = consumer.events', 'consumer.on(CRASH, () => process.exit(1))', 'await consumer.connect()') } },
    {
      name: 'a consumer kept in a class field, with its listener',
      files: {
        'c.ts': [
          kafka,
          'export class Worker {',
          "  private consumer = kafka.consumer({ groupId: 'g' })",
          '  async start() {',
          '    this.consumer.on(this.consumer.events.CRASH, () => process.exit(1))',
          '    await this.consumer.connect()',
          '  }',
          '}',
          '',
        ].join('\n'),
      },
    },
    { name: 'the crash event by name', files: { 'c.ts': kafkajs("consumer.on('consumer.crash', () => process.exit(1))", 'await consumer.connect()') } },
    {
      name: 'retry.restartOnFailure on the consumer',
      files: { 'c.ts': [kafka, "const consumer = kafka.consumer({ groupId: 'g', retry: { restartOnFailure: async () => true } })", 'await consumer.connect()', ''].join('\n') },
    },
    {
      name: 'retry.restartOnFailure on the Kafka client',
      files: {
        'c.ts': ["import { Kafka } from 'kafkajs'", "const kafka = new Kafka({ brokers: ['k:9092'], retry: { restartOnFailure: async () => true } })", "const consumer = kafka.consumer({ groupId: 'g' })", 'await consumer.connect()', ''].join('\n'),
      },
    },
    {
      name: 'start-up in an async function that ends with .catch',
      files: {
        'c.ts': kafkajs(
          "consumer.on(consumer.events.CRASH, () => process.exit(1))",
          'const run = async () => {',
          '  await consumer.connect()',
          "  await consumer.subscribe({ topics: ['orders'] })",
          '  await consumer.run({ eachMessage: async () => {} })',
          '}',
          'run().catch((e) => console.error(e))',
        ),
      },
    },
    { name: 'start-up promise caught with .catch', files: { 'c.ts': kafkajs("consumer.on(consumer.events.CRASH, () => process.exit(1))", 'consumer.connect().catch((e) => { console.error(e); process.exit(1) })') } },
    { name: 'a consumer exported to code that may listen', files: { 'c.ts': [kafka, "export const consumer = kafka.consumer({ groupId: 'g' })", ''].join('\n') } },
    { name: 'an unhandledRejection handler covers floating start-up', files: { 'c.ts': kafkajs("consumer.on(consumer.events.CRASH, () => process.exit(1))", 'consumer.connect()', "process.on('unhandledRejection', (e) => { console.error(e); process.exit(1) })") } },
    { name: 'node-rdkafka with an event.error listener', files: { 'c.ts': rdkafka("consumer.on('event.error', (err) => logger.error(err))", 'consumer.connect()') } },
    { name: 'a producer is not a consumer', files: { 'c.ts': [kafka, 'const producer = kafka.producer()', 'await producer.connect()', ''].join('\n') } },
    {
      name: 'the KafkaJS API of @confluentinc/kafka-javascript always restarts',
      files: { 'c.ts': ["import { KafkaJS } from '@confluentinc/kafka-javascript'", "const consumer = new KafkaJS.Kafka({ kafkaJS: { brokers: ['k:9092'] } }).consumer({ kafkaJS: { groupId: 'g' } })", 'await consumer.connect()', ''].join('\n') },
    },
  ],
  invalid: [
    {
      name: 'a kafkajs consumer with no CRASH listener',
      files: { 'c.ts': kafkajs('await consumer.connect()', 'await consumer.run({ eachMessage: async () => {} })') },
      findings: [{ line: 3, column: 18, messageId: 'noCrashListener', severity: 'warning' }],
    },
    {
      name: 'run() not awaited inside a function',
      files: { 'c.ts': kafkajs("consumer.on(consumer.events.CRASH, () => process.exit(1))", 'export async function start() {', '  await consumer.connect()', '  consumer.run({ eachMessage: async () => {} })', '}') },
      findings: [{ line: 7, messageId: 'unhandledPromise', message: 'consumer.run(…)' }],
    },
    {
      name: 'connect() left floating at the top level',
      files: { 'c.ts': kafkajs("consumer.on(consumer.events.CRASH, () => process.exit(1))", 'consumer.connect()') },
      findings: [{ line: 5, messageId: 'unhandledPromise', message: 'consumer.connect()' }],
    },
    {
      name: 'a node-rdkafka consumer without an event.error listener',
      files: { 'c.ts': rdkafka("consumer.on('ready', () => consumer.subscribe(['orders']))", 'consumer.connect()') },
      findings: [{ line: 2, messageId: 'noErrorListener' }],
    },
  ],
});
