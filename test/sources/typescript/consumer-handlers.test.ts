// What the TS/JS source records about consumers' message handlers: where they are, what they do, what they catch,
// where offsets are committed, and whether the consumer's failures reach anyone.

import { describe, expect, it } from 'vitest';
import type { ClientFacts } from '../../../src/model/types.js';
import { lintFiles } from '../../support/lint-harness.js';

const kafkajsHeader = ["import { Kafka } from 'kafkajs'", "const consumer = new Kafka({ brokers: ['k:9092'] }).consumer({ groupId: 'g' })"];

async function consumersOf(files: Record<string, string>): Promise<ClientFacts[]> {
  const { model } = await lintFiles(files);
  return model.clients.filter((client) => client.role === 'consumer');
}

const lines = (sites: { location: { line: number } }[]) => sites.map((entry) => entry.location.line);

describe('consumer handlers in code', () => {
  it('classifies the calls of a handler: side effects by the one list, local calls not', async () => {
    const [consumer] = await consumersOf({
      'c.ts': [
        ...kafkajsHeader,
        'const seen = new Map<string, number>()',
        'await consumer.run({ eachMessage: async ({ message }) => {',
        '  const order = JSON.parse(message.value!.toString())', // 5
        "  logger.info('got', order.id)", // 6
        '  await pool.query("INSERT INTO t VALUES ($1)", [order.id])', // 7
        '  await axios.get(`https://prices/${order.sku}`)', // 8
        '  await fetch("https://hooks/notify", { method: "POST" })', // 9
        '  await prisma.order.upsert({ where: { id: order.id }, create: {}, update: {} })', // 10
        '  await fs.promises.writeFile("/tmp/last", order.id)', // 11
        '  await sqs.send(new SendMessageCommand({}))', // 12
        '  seen.delete(order.id)', // 13
        "  const digest = crypto.createHash('md5').update(order.id).digest('hex')", // 14
        "  emitter.emit('order', order)", // 15
        '  await redis.hset("orders", order.id, digest)', // 16
        '  items.map((item) => item.price)', // 17
        '} })',
        '',
      ].join('\n'),
    });
    const [handler] = consumer.code!.handlers;
    expect(handler.kind).toBe('eachMessage');
    expect(lines(handler.sideEffects)).toEqual([7, 8, 9, 10, 11, 12, 16]);
    expect(handler.sideEffects.map((entry) => entry.description)).toContain('prisma.order.upsert(…)');
    expect(handler.unawaitedSideEffects).toEqual([]);
  });

  it('follows a handler given by name into an imported function declaration and the helpers it calls', async () => {
    const [consumer] = await consumersOf({
      'src/repo.ts': 'export async function persist(order) {\n  await db.orders.insertOne(order)\n}\n',
      'src/handler.ts': "import { persist } from './repo'\nexport async function onMessage({ message }) {\n  persist(JSON.parse(String(message.value)))\n}\n",
      'src/main.ts': [...kafkajsHeader, "import { onMessage } from './handler'", 'await consumer.run({ eachMessage: onMessage })', ''].join('\n'),
    });
    const [handler] = consumer.code!.handlers;
    expect(handler.location).toMatchObject({ file: 'src/main.ts', line: 4 });
    expect(handler.unawaitedSideEffects).toEqual([{ location: expect.objectContaining({ file: 'src/handler.ts', line: 3 }), description: 'persist(…) → db.orders.insertOne(…)' }]);
  });

  it('records eachBatch auto-resolve as written, and unknown when the code decides', async () => {
    const consumers = await consumersOf({
      'a.ts': [...kafkajsHeader, 'await consumer.run({ eachBatch: async () => {} })', ''].join('\n'),
      'b.ts': [...kafkajsHeader, 'await consumer.run({ eachBatchAutoResolve: false, eachBatch: async () => {} })', ''].join('\n'),
      'c.ts': [...kafkajsHeader, 'await consumer.run({ eachBatchAutoResolve: config.autoResolve, eachBatch: async () => {} })', ''].join('\n'),
    });
    expect(consumers.map((consumer) => consumer.code!.handlers[0].autoResolve)).toEqual([true, false, undefined]);
  });

  it('finds commits in handlers, in helpers given the message, and elsewhere in the module', async () => {
    const [kafkajs] = await consumersOf({
      'k.ts': [
        ...kafkajsHeader,
        'await consumer.run({ autoCommit: false, eachBatch: async ({ batch, resolveOffset, heartbeat }) => {',
        '  for (const m of batch.messages) { await work(m); resolveOffset(m.offset); await heartbeat() }',
        '} })',
        'setInterval(() => consumer.commitOffsets(), 5000)',
        '',
      ].join('\n'),
    });
    expect(kafkajs.code!.handlers[0].commitCalls.map((entry) => entry.description)).toEqual(['resolveOffset(…)']);
    expect(kafkajs.code!.commitCalls.map((entry) => [entry.location.line, entry.description])).toEqual([[4, 'resolveOffset(…)'], [6, 'consumer.commitOffsets()']]);

    const [platformatic] = await consumersOf({
      'p.ts': [
        "import { Consumer } from '@platformatic/kafka'",
        "const consumer = new Consumer({ groupId: 'g', bootstrapBrokers: ['k:9092'] })",
        'async function done(message) { await tx.commit(); await message.commit() }',
        "const stream = await consumer.consume({ topics: ['t'], autocommit: false })",
        'for await (const message of stream) {',
        '  await db.insert(message.value)',
        '  await done(message)',
        '}',
        '',
      ].join('\n'),
    });
    const [handler] = platformatic.code!.handlers;
    expect(handler.kind).toBe('stream');
    expect(handler.commitCalls.map((entry) => [entry.location.line, entry.description])).toEqual([[3, 'message.commit()']]);
  });

  it('finds node-rdkafka data listeners, consume callbacks and read streams', async () => {
    const consumers = await consumersOf({
      'r.js': [
        "const Kafka = require('node-rdkafka')",
        "const consumer = new Kafka.KafkaConsumer({ 'group.id': 'g' }, {})",
        "consumer.on('data', onData)",
        'consumer.consume(100, (err, messages) => {})',
        'function onData(message) { pg.query("INSERT 1") }',
        "const stream = Kafka.KafkaConsumer.createReadStream({ 'group.id': 'h' }, {}, { topics: ['t'] })",
        'for await (const message of stream) { await fetch("https://x") }',
        '',
      ].join('\n'),
    });
    expect(consumers.map((consumer) => consumer.code!.handlers.map((handler) => [handler.kind, handler.location.line, lines(handler.sideEffects)]))).toEqual([
      [['data-event', 3, [5]], ['consume-callback', 4, []]],
      [['stream', 7, [7]]],
    ]);
  });

  it('says whether a consumer stop is observed, and where the client leaves the module', async () => {
    const consumers = await consumersOf({
      'a.ts': [...kafkajsHeader, 'consumer.on(consumer.events.CRASH, () => process.exit(1))', ''].join('\n'),
      'b.ts': [...kafkajsHeader, 'registerHealthCheck(consumer)', ''].join('\n'),
      'c.ts': ["import { Kafka } from 'kafkajs'", "export const consumer = new Kafka({ brokers: ['k:9092'] }).consumer({ groupId: 'g' })", ''].join('\n'),
    });
    expect(consumers.map((consumer) => [consumer.code!.crashObserved, consumer.code!.escapesAt?.location.line])).toEqual([
      [true, undefined],
      [false, 3],
      [false, 2],
    ]);
  });

  it('does not report start-up promises that are awaited, caught, or handed to a function', async () => {
    const [consumer] = await consumersOf({
      'c.ts': [
        ...kafkajsHeader,
        'await consumer.connect()',
        "consumer.subscribe({ topic: 't' }).catch(console.error)",
        'async function start() { await consumer.run({ eachMessage: async () => {} }) }',
        'consumer.run({ eachMessage: async () => {} })',
        '',
      ].join('\n'),
    });
    expect(consumer.code!.unhandledLifecyclePromises).toEqual([{ location: expect.objectContaining({ line: 6 }), description: 'consumer.run(…)' }]);
  });
});
