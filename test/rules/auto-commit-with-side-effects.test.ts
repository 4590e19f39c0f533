import { ruleTester } from '../support/lint-harness.js';

const kafkajs = (...lines: string[]) => ["import { Kafka } from 'kafkajs'", "const consumer = new Kafka({ brokers: ['k:9092'] }).consumer({ groupId: 'g' })", ...lines, ''].join('\n');
const confluent = (consumerOptions: string, ...lines: string[]) => ["import { KafkaJS } from '@confluentinc/kafka-javascript'", `const consumer = new KafkaJS.Kafka({ kafkaJS: { brokers: ['k:9092'] } }).consumer(${consumerOptions})`, ...lines, ''].join('\n');
const rdkafka = (conf: string, ...lines: string[]) => ["import Kafka from 'node-rdkafka'", `const consumer = new Kafka.KafkaConsumer({ 'group.id': 'g', 'metadata.broker.list': 'k:9092'${conf} }, {})`, ...lines, ''].join('\n');

ruleTester('auto-commit-with-side-effects', {
  valid: [
    {
      name: 'eachMessage awaits its side effect (at-least-once)',
      files: { 'consumer.ts': kafkajs('await consumer.run({ eachMessage: async ({ message }) => { await db.insert(JSON.parse(message.value!.toString())) } })') },
    },
    {
      name: 'eachMessage returns the promise of its side effect',
      files: { 'consumer.ts': kafkajs('await consumer.run({ eachMessage: ({ message }) => db.insert(message.value) })') },
    },
    {
      name: 'a .then chain that is awaited, with the work returned from the callback',
      files: { 'consumer.ts': kafkajs('await consumer.run({ eachMessage: async ({ message }) => { await fetch(url).then((r) => db.save(r)) } })') },
    },
    {
      name: 'Promise.all over mapped async callbacks, awaited',
      files: { 'consumer.ts': kafkajs('await consumer.run({ eachMessage: async ({ message }) => { await Promise.all(targets.map(async (t) => axios.post(t, message.value))) } })') },
    },
    {
      name: 'promises collected in an array and awaited together',
      files: {
        'consumer.ts': kafkajs(
          'await consumer.run({ eachMessage: async ({ message }) => {',
          '  const pending = []',
          '  for (const t of targets) pending.push(producer.send({ topic: t, messages: [message] }))',
          '  await Promise.all(pending)',
          '} })',
        ),
      },
    },
    {
      name: 'a callback API wrapped in an awaited promise',
      files: { 'consumer.ts': kafkajs('await consumer.run({ eachMessage: async ({ message }) => { await new Promise((resolve, reject) => db.insert(message.value, (err) => (err ? reject(err) : resolve()))) } })') },
    },
    {
      name: 'logging, parsing and local collections are not side effects',
      files: {
        'consumer.ts': kafkajs(
          'const seen = new Set<string>()',
          'await consumer.run({ eachMessage: async ({ message }) => {',
          '  const order = JSON.parse(message.value!.toString())',
          '  console.log(order.id); logger.info({ id: order.id })',
          '  seen.delete(order.id)',
          "  crypto.createHash('sha256').update(order.id).digest('hex')",
          "  events.emit('order', order)",
          '} })',
        ),
      },
    },
    {
      name: 'a Mongoose query awaited through .exec()',
      files: { 'consumer.ts': kafkajs('await consumer.run({ eachMessage: async ({ message }) => { await Order.updateOne({ _id: message.key }, { paid: true }).exec() } })') },
    },
    {
      name: 'a synchronous file write needs no await',
      files: { 'consumer.ts': kafkajs("import fs from 'node:fs'", "await consumer.run({ eachMessage: async ({ message }) => { fs.appendFileSync('audit.log', String(message.offset)) } })") },
    },
    {
      name: 'an unawaited side effect with run({ autoCommit: false })',
      files: { 'consumer.ts': kafkajs('await consumer.run({ autoCommit: false, eachMessage: async ({ message }) => { db.insert(message.value) } })') },
    },
    {
      name: 'eachBatch with eachBatchAutoResolve false and resolveOffset after each message',
      files: {
        'consumer.ts': kafkajs(
          'await consumer.run({',
          '  eachBatchAutoResolve: false,',
          '  eachBatch: async ({ batch, resolveOffset, heartbeat }) => {',
          '    for (const message of batch.messages) {',
          '      await db.insert(message.value)',
          '      resolveOffset(message.offset)',
          '      await heartbeat()',
          '    }',
          '  },',
          '})',
        ),
      },
    },
    {
      name: 'eachBatch awaiting Promise.all over the batch (a failure throws, nothing is resolved)',
      files: { 'consumer.ts': kafkajs('await consumer.run({ eachBatch: async ({ batch }) => { await Promise.all(batch.messages.map((m) => db.insert(m.value))) } })') },
    },
    {
      name: 'CKJS KafkaJS API with autoCommit off in the kafkaJS block',
      files: { 'consumer.ts': confluent("{ kafkaJS: { groupId: 'g', autoCommit: false } }", 'await consumer.run({ eachMessage: async ({ message }) => { db.insert(message.value) } })') },
    },
    {
      name: 'CKJS KafkaJS API awaiting its side effect (offsets are stored after the handler)',
      files: { 'consumer.ts': confluent("{ kafkaJS: { groupId: 'g' } }", 'await consumer.run({ eachMessage: async ({ message }) => { await db.insert(message.value) } })') },
    },
    {
      name: 'eachBatch without auto-resolve using allSettled and resolving in order up to the first failure',
      files: {
        'consumer.ts': kafkajs(
          'await consumer.run({ eachBatchAutoResolve: false, eachBatch: async ({ batch, resolveOffset }) => {',
          '  const results = await Promise.allSettled(batch.messages.map((m) => db.insert(m.value)))',
          '  for (const [i, result] of results.entries()) {',
          "    if (result.status === 'rejected') throw result.reason",
          '    resolveOffset(batch.messages[i].offset)',
          '  }',
          '} })',
        ),
      },
    },
    {
      name: 'node-rdkafka with enable.auto.commit false and commit after the query',
      files: {
        'consumer.ts': rdkafka(
          ", 'enable.auto.commit': false",
          "consumer.on('data', async (message) => {",
          '  await pg.query(\'INSERT INTO orders VALUES ($1)\', [message.value])',
          '  consumer.commitMessage(message)',
          '})',
        ),
      },
    },
    {
      name: 'the issue example: enable.auto.commit false and consumer.commit() after pg.query',
      files: {
        'consumer.js': [
          "const Kafka = require('node-rdkafka')",
          "const consumer = new Kafka.KafkaConsumer({ 'group.id': 'g', 'metadata.broker.list': 'k:9092', 'enable.auto.commit': false }, {})",
          "consumer.on('data', async (message) => {",
          "  await pg.query('INSERT INTO orders VALUES ($1)', [message.value])",
          '  consumer.commit()',
          '})',
          '',
        ].join('\n'),
      },
    },
    {
      name: 'node-rdkafka with enable.auto.offset.store false and offsetsStore after processing',
      files: {
        'consumer.ts': rdkafka(
          ", 'enable.auto.offset.store': false",
          "consumer.on('data', async (message) => {",
          '  await pg.query(\'INSERT INTO orders VALUES ($1)\', [message.value])',
          '  consumer.offsetsStore([{ topic: message.topic, partition: message.partition, offset: message.offset + 1 }])',
          '})',
        ),
      },
    },
    {
      name: 'node-rdkafka handler that only logs',
      files: { 'consumer.ts': rdkafka('', "consumer.on('data', (message) => { console.log(message.value.toString()) })") },
    },
    {
      name: 'auto-commit from an environment variable is not judged',
      files: { 'consumer.ts': rdkafka(", 'enable.auto.commit': process.env.AUTO_COMMIT", "consumer.on('data', (message) => { pg.query('INSERT 1') })") },
    },
  ],
  invalid: [
    {
      name: 'the issue example: db.insert not awaited in eachMessage',
      files: {
        'consumer.ts': kafkajs('await consumer.run({ eachMessage: async ({ message }) => { db.insert(JSON.parse(message.value!.toString())) } })'),
      },
      findings: [{ line: 3, column: 60, messageId: 'unawaited', severity: 'error', message: 'db.insert(…)' }],
    },
    {
      name: 'a .then chain that is not returned or awaited',
      files: { 'consumer.ts': kafkajs('await consumer.run({', '  eachMessage: async ({ message }) => {', '    axios.post(url, message.value).then(() => logger.info("sent"))', '  },', '})') },
      findings: [{ line: 5, messageId: 'unawaited', message: 'axios.post(…)' }],
    },
    {
      name: 'a .then callback that starts work without returning it',
      files: { 'consumer.ts': kafkajs('await consumer.run({ eachMessage: async ({ message }) => {', '  await fetch(url).then((r) => { db.save(r) })', '} })') },
      findings: [{ line: 4, messageId: 'unawaited', message: 'db.save(…)' }],
    },
    {
      name: 'forEach with an async callback',
      files: { 'consumer.ts': kafkajs('await consumer.run({ eachMessage: async ({ message }) => {', '  targets.forEach(async (t) => { await producer.send({ topic: t, messages: [message] }) })', '} })') },
      findings: [{ line: 4, messageId: 'unawaited', message: 'producer.send(…)' }],
    },
    {
      name: 'a timer and a void promise',
      files: {
        'consumer.ts': kafkajs(
          'await consumer.run({ eachMessage: async ({ message }) => {',
          '  setTimeout(() => repo.save(message), 0)',
          '  void redis.hset("k", "f", "v").catch(() => undefined)',
          '} })',
        ),
      },
      findings: [{ line: 4, message: 'repo.save(…)' }, { line: 5, message: 'redis.hset(…)' }],
    },
    {
      name: 'a Mongoose query started with .exec() and not awaited',
      files: { 'consumer.ts': kafkajs('await consumer.run({ eachMessage: async ({ message }) => {', '  Order.updateOne({ _id: message.key }, { paid: true }).exec()', '} })') },
      findings: [{ line: 4, message: 'Order.updateOne(…)' }],
    },
    {
      name: 'a local helper written inside the handler, called without await (one finding, at the work)',
      files: { 'consumer.ts': kafkajs('await consumer.run({ eachMessage: async ({ message }) => {', '  const store = async () => { await db.insert(message.value) }', '  store()', '} })') },
      findings: [{ line: 4, message: 'db.insert(…)' }],
    },
    {
      name: 'an async IIFE nobody awaits',
      files: { 'consumer.ts': kafkajs('await consumer.run({ eachMessage: async ({ message }) => {', '  ;(async () => { await prisma.order.create({ data: {} }) })()', '} })') },
      findings: [{ line: 4, message: 'prisma.order.create(…)' }],
    },
    {
      name: 'a handler passed by name, declared as a function',
      files: {
        'consumer.ts': kafkajs(
          'async function handleOrder({ message }) {',
          '  fetch("https://billing/charge", { method: "POST", body: message.value })',
          '}',
          'await consumer.run({ eachMessage: handleOrder })',
        ),
      },
      findings: [{ line: 4, message: 'fetch(…)' }],
    },
    {
      name: 'a handler imported from another module, and a helper it does not await',
      files: {
        'src/handlers.ts': ['import { saveOrder } from "./orders"', 'export async function onOrder({ message }) {', '  saveOrder(message.value)', '}', ''].join('\n'),
        'src/orders.ts': ['export const saveOrder = async (value) => {', '  await db.collection("orders").insertOne({ value })', '}', ''].join('\n'),
        'src/consumer.ts': kafkajs('import { onOrder } from "./handlers"', 'await consumer.run({ eachMessage: onOrder })'),
      },
      findings: [{ line: 3, file: 'src/handlers.ts', message: 'saveOrder(…) → db.collection(…).insertOne(…)' }],
    },
    {
      name: 'a class method bound as the handler',
      files: {
        'service.ts': [
          "import { Kafka } from 'kafkajs'",
          'export class OrderService {',
          "  private consumer = new Kafka({ brokers: ['k:9092'] }).consumer({ groupId: 'g' })",
          '  async start() {',
          '    await this.consumer.run({ eachMessage: this.handle.bind(this) })',
          '  }',
          '  private async handle({ message }) {',
          '    this.repository.save(message.value)',
          '  }',
          '}',
          '',
        ].join('\n'),
      },
      findings: [{ line: 8, message: 'this.repository.save(…)' }],
    },
    {
      name: 'eachBatch with auto-resolve and Promise.allSettled over the batch',
      files: { 'consumer.ts': kafkajs('await consumer.run({ eachBatch: async ({ batch }) => {', '  await Promise.allSettled(batch.messages.map((m) => db.insert(m.value)))', '} })') },
      findings: [{ line: 4, messageId: 'unsafeBatch' }],
    },
    {
      name: 'eachBatch resolving offsets inside parallel callbacks',
      files: {
        'consumer.ts': kafkajs(
          'await consumer.run({ eachBatch: async ({ batch, resolveOffset }) => {',
          '  await Promise.all(batch.messages.map(async (m) => { await db.insert(m.value); resolveOffset(m.offset) }))',
          '} })',
        ),
      },
      findings: [{ line: 4, messageId: 'unsafeBatch', message: 'resolveOffset(…)' }],
    },
    {
      name: 'CKJS KafkaJS API with an unawaited side effect and default auto-commit',
      files: { 'consumer.ts': confluent("{ kafkaJS: { groupId: 'g' } }", 'await consumer.run({ eachMessage: async ({ message }) => { db.insert(message.value) } })') },
      findings: [{ line: 3, messageId: 'unawaited', message: '@confluentinc/kafka-javascript' }],
    },
    {
      name: 'eachBatch without auto-resolve resolving offsets inside parallel callbacks',
      files: {
        'consumer.ts': kafkajs(
          'await consumer.run({ eachBatchAutoResolve: false, eachBatch: async ({ batch, resolveOffset }) => {',
          '  await Promise.all(batch.messages.map(async (m) => { await db.insert(m.value); resolveOffset(m.offset) }))',
          '} })',
        ),
      },
      findings: [{ line: 4, messageId: 'unsafeBatch', message: 'run concurrently' }],
    },
    {
      name: 'node-rdkafka data handler with pg.query and default auto-commit',
      files: { 'consumer.ts': rdkafka('', 'consumer.connect()', "consumer.on('data', async (message) => {", '  await pg.query(\'INSERT INTO orders VALUES ($1)\', [message.value])', '})') },
      findings: [{ line: 5, messageId: 'storedOnDelivery', message: 'enable.auto.offset.store=true' }],
    },
    {
      name: 'node-rdkafka: committing after the query does not help while offsets are stored on delivery',
      files: {
        'consumer.ts': rdkafka('', "consumer.on('data', async (message) => {", '  await pg.query(\'INSERT 1\')', '  consumer.commitMessage(message)', '})'),
      },
      findings: [{ line: 4, messageId: 'storedOnDelivery' }],
    },
    {
      name: 'node-rdkafka consume callback',
      files: { 'consumer.ts': rdkafka('', 'consumer.consume(10, (err, messages) => {', '  for (const m of messages) fetch(url, { method: "POST", body: m.value })', '})') },
      findings: [{ line: 4, messageId: 'storedOnDelivery' }],
    },
  ],
});
