import { ruleTester } from '../support/lint-harness.js';

const KAFKAJS = "import { Kafka } from 'kafkajs'\nconst kafka = new Kafka({ brokers: ['k:9092'] })\n";

ruleTester('producer-created-per-request', {
  valid: [
    {
      name: 'one producer at module level, shared by the route',
      files: { 'src/app.ts': `${KAFKAJS}const producer = kafka.producer()\nawait producer.connect()\napp.post('/o', async (req, res) => { await producer.send({ topic: 't', messages: [req.body] }); res.end() })\n` },
    },
    {
      name: 'created lazily once inside the handler (if (!producer))',
      files: { 'src/app.ts': `${KAFKAJS}let producer\napp.post('/o', async (req, res) => {\n  if (!producer) {\n    producer = kafka.producer()\n    await producer.connect()\n  }\n  res.end()\n})\n` },
    },
    {
      name: 'created lazily with ??= on a class member',
      files: { 'src/svc.ts': `${KAFKAJS}export class Svc {\n  private producer\n  handle = async (req, res) => {\n    this.producer ??= kafka.producer()\n  }\n}\n` },
    },
    {
      name: 'one producer per cluster, created in a startup loop and kept',
      files: { 'src/app.ts': `${KAFKAJS}const producers = new Map()\nfor (const cluster of clusters) {\n  const p = kafka.producer()\n  await p.connect()\n  producers.set(cluster.name, p)\n}\n` },
    },
    {
      name: 'producers mapped from a config list',
      files: { 'src/app.ts': `${KAFKAJS}export const producers = tenants.map((tenant) => kafka.producer({ transactionalId: tenant }))\n` },
    },
    {
      name: 'a retry loop assigning an outer variable',
      files: { 'src/app.ts': `${KAFKAJS}let producer\nwhile (!producer) {\n  try { producer = kafka.producer(); await producer.connect() } catch { producer = undefined }\n}\n` },
    },
    {
      name: 'a consumer created in a loop is not a producer',
      files: { 'src/app.ts': `${KAFKAJS}for (const g of groups) { const c = kafka.consumer({ groupId: g }); await c.connect() }\n` },
    },
    {
      name: 'app.get used as a settings getter, then a producer at module level',
      files: { 'src/app.ts': `${KAFKAJS}const port = app.get('port')\nconst producer = kafka.producer()\n` },
    },
    {
      name: 'the producer created in app.listen callback (once, at startup)',
      files: { 'src/app.ts': `${KAFKAJS}app.listen(3000, async () => { const producer = kafka.producer(); await producer.connect(); globalThis.producer = producer })\n` },
    },
  ],
  invalid: [
    {
      name: 'created and connected in an Express route',
      files: { 'src/app.ts': `${KAFKAJS}app.post('/orders', async (req, res) => {\n  const producer = kafka.producer()\n  await producer.connect()\n  await producer.send({ topic: 'orders', messages: [{ value: JSON.stringify(req.body) }] })\n  await producer.disconnect()\n  res.sendStatus(201)\n})\n` },
      findings: [{ line: 4, column: 20, messageId: 'perRequest', severity: 'error', message: 'created inside app.post(…), once per request' }],
    },
    {
      name: 'a fastify route handler option and a router middleware',
      files: {
        'src/routes.ts': `${KAFKAJS}fastify.route({ method: 'POST', url: '/x', handler: async (request, reply) => { const p = kafka.producer(); await p.connect() } })\nrouter.use(async (req, res, next) => { const p = kafka.producer(); next() })\n`,
      },
      findings: [{ line: 3, message: 'fastify.route' }, { line: 4, message: 'router.use' }],
    },
    {
      name: 'a (req, res) function exported as a handler',
      files: { 'src/api/orders.ts': `${KAFKAJS}export default async function handler(req, res) {\n  const producer = kafka.producer()\n  await producer.connect()\n}\n` },
      findings: [{ line: 4, message: 'once per request' }],
    },
    {
      name: 'created in eachMessage',
      files: { 'src/relay.ts': `${KAFKAJS}const consumer = kafka.consumer({ groupId: 'g' })\nawait consumer.run({ eachMessage: async ({ message }) => {\n  const producer = kafka.producer()\n  await producer.connect()\n  await producer.send({ topic: 'out', messages: [message] })\n} })\n` },
      findings: [{ line: 5, message: 'once per message' }],
    },
    {
      name: 'created per iteration of a loop over records',
      files: { 'src/job.ts': `${KAFKAJS}for (const record of records) {\n  const producer = kafka.producer()\n  await producer.connect()\n  await producer.send({ topic: 't', messages: [record] })\n  await producer.disconnect()\n}\n` },
      findings: [{ line: 4, message: 'for…of loop' }],
    },
    {
      name: 'node-rdkafka producer in a route',
      files: { 'src/app.js': "const Kafka = require('node-rdkafka')\napp.post('/x', (req, res) => {\n  const producer = new Kafka.Producer({ 'metadata.broker.list': 'k:9092' })\n  producer.connect()\n})\n" },
      findings: [{ line: 3 }],
    },
  ],
});
