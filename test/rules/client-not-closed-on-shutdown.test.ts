import { ruleTester } from '../support/lint-harness.js';

const KAFKAJS = "import { Kafka } from 'kafkajs'\nconst kafka = new Kafka({ brokers: ['k:9092'] })\n";
const CONSUMER = "const consumer = kafka.consumer({ groupId: 'g' })\n";
const RUN = "await consumer.connect()\nawait consumer.subscribe({ topic: 't' })\nawait consumer.run({ eachMessage: async ({ message }) => { await handle(message) } })\n";

ruleTester('client-not-closed-on-shutdown', {
  valid: [
    {
      name: 'a SIGTERM handler that disconnects the consumer',
      files: { 'src/worker.ts': `${KAFKAJS}${CONSUMER}${RUN}process.on('SIGTERM', async () => {\n  await consumer.disconnect()\n  process.exit(0)\n})\n` },
    },
    {
      name: 'the kafkajs example: signal names in an array, process.once per name',
      files: {
        'src/worker.js': `${KAFKAJS}${CONSUMER}${RUN}const signalTraps = ['SIGTERM', 'SIGINT', 'SIGUSR2']\nsignalTraps.forEach((type) => {\n  process.once(type, async () => {\n    try { await consumer.disconnect() } finally { process.kill(process.pid, type) }\n  })\n})\n`,
      },
    },
    {
      name: 'a shutdown function that a signal handler calls',
      files: { 'src/worker.ts': `${KAFKAJS}${CONSUMER}const producer = kafka.producer()\n${RUN}async function shutdown() {\n  await consumer.disconnect()\n  await producer.disconnect()\n}\nprocess.on('SIGINT', () => shutdown().then(() => process.exit(0)))\nprocess.on('SIGTERM', shutdown)\n` },
    },
    {
      name: 'all clients in an array, closed in the handler',
      files: { 'src/worker.ts': `${KAFKAJS}${CONSUMER}const producer = kafka.producer()\nconst clients = [consumer, producer]\nprocess.on('SIGTERM', async () => { await Promise.all(clients.map((c) => c.disconnect())) })\n` },
    },
    {
      name: 'NestJS onModuleDestroy',
      files: { 'src/events.service.ts': `${KAFKAJS}export class EventsService {\n  private readonly producer = kafka.producer()\n  async onModuleInit() { await this.producer.connect() }\n  async onModuleDestroy() { await this.producer.disconnect() }\n}\n` },
    },
    {
      name: 'fastify onClose hook',
      files: { 'src/plugin.ts': `${KAFKAJS}const producer = kafka.producer()\nfastify.addHook('onClose', async () => { await producer.disconnect() })\n` },
    },
    {
      name: 'close-with-grace',
      files: { 'src/server.ts': `${KAFKAJS}${CONSUMER}${RUN}closeWithGrace({ delay: 500 }, async () => { await consumer.disconnect() })\n` },
    },
    {
      name: 'a wrapper class whose owner calls its disconnect()',
      files: { 'src/kafka.ts': `${KAFKAJS}export class Events {\n  producer = kafka.producer()\n  async disconnect() { await this.producer.disconnect() }\n}\n` },
    },
    {
      name: 'an exported stop function',
      files: { 'src/kafka.ts': `${KAFKAJS}const producer = kafka.producer()\nexport async function stopKafka() { await producer.disconnect() }\n` },
    },
    {
      name: 'an exported producer: whoever imports it owns its shutdown',
      files: { 'src/kafka.ts': `${KAFKAJS}export const producer = kafka.producer()\n` },
    },
    {
      name: 'a producer returned from a factory, and one put on module.exports',
      files: { 'src/kafka.js': `${KAFKAJS}function createProducer() { return kafka.producer() }\nconst shared = kafka.producer()\nmodule.exports = { createProducer, shared }\n` },
    },
    {
      name: 'a one-shot script that disconnects when its work is done',
      files: { 'scripts/seed.ts': `${KAFKAJS}const producer = kafka.producer()\nawait producer.connect()\nawait producer.send({ topic: 't', messages: [{ value: 'seed' }] })\nawait producer.disconnect()\n` },
    },
    {
      name: 'a main() with try/finally',
      files: { 'scripts/replay.ts': `${KAFKAJS}const producer = kafka.producer()\nasync function main() {\n  await producer.connect()\n  try { await replay(producer) } finally { await producer.disconnect() }\n}\nmain().catch((e) => { console.error(e); process.exitCode = 1 })\n` },
    },
    {
      name: 'test hooks',
      files: { 'test/orders.test.ts': `${KAFKAJS}const producer = kafka.producer()\nbeforeAll(() => producer.connect())\nafterAll(() => producer.disconnect())\n` },
    },
    {
      name: 'an admin client is not a long-lived producer or consumer',
      files: { 'scripts/topics.ts': `${KAFKAJS}const admin = kafka.admin()\nawait admin.connect()\nawait admin.createTopics({ topics: [{ topic: 't' }] })\n` },
    },
    {
      name: 'a producer created per request is left to producer-created-per-request',
      files: { 'src/app.ts': `${KAFKAJS}app.post('/x', async (req, res) => { const p = kafka.producer(); await p.connect(); res.end() })\n` },
    },
  ],
  invalid: [
    {
      name: 'a consumer service with no shutdown handling',
      files: { 'src/worker.ts': `${KAFKAJS}${CONSUMER}${RUN}` },
      findings: [{ line: 3, column: 18, messageId: 'consumer', severity: 'warning', message: 'session timeout' }],
    },
    {
      name: 'a producer shared by routes, never disconnected',
      files: { 'src/app.ts': `${KAFKAJS}const producer = kafka.producer()\nawait producer.connect()\napp.post('/o', async (req, res) => { await producer.send({ topic: 't', messages: [req.body] }); res.end() })\napp.listen(3000)\n` },
      findings: [{ line: 3, messageId: 'producer' }],
    },
    {
      name: 'a SIGTERM handler that exits without disconnecting',
      files: { 'src/worker.ts': `${KAFKAJS}${CONSUMER}${RUN}process.on('SIGTERM', () => process.exit(0))\n` },
      findings: [{ line: 3 }],
    },
    {
      name: 'disconnect only on crash paths (uncaughtException, the catch of start)',
      files: {
        'src/worker.ts': `${KAFKAJS}${CONSUMER}async function start() {\n${RUN}}\nstart().catch(async (e) => { console.error(e); await consumer.disconnect() })\nprocess.on('uncaughtException', async () => { await consumer.disconnect() })\n`,
      },
      findings: [{ line: 3 }],
    },
    {
      name: 'a shutdown function that nothing wires to a signal',
      files: { 'src/worker.ts': `${KAFKAJS}${CONSUMER}${RUN}async function shutdown() { await consumer.disconnect() }\n` },
      findings: [{ line: 3 }],
    },
    {
      name: 'a node-rdkafka consumer that is never disconnected',
      files: { 'src/worker.js': "const Kafka = require('node-rdkafka')\nconst consumer = new Kafka.KafkaConsumer({ 'group.id': 'g', 'metadata.broker.list': 'k:9092' }, {})\nconsumer.connect()\nconsumer.on('ready', () => { consumer.subscribe(['t']); consumer.consume() })\nconsumer.on('data', (m) => handle(m))\n" },
      findings: [{ line: 2, messageId: 'consumer' }],
    },
  ],
});
