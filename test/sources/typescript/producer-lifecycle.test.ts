import { describe, expect, it } from 'vitest';
import type { ClientFacts } from '../../../src/model/types.js';
import { lintFiles } from '../../support/lint-harness.js';

const KAFKA = "import { Kafka, CompressionTypes, CompressionCodecs } from 'kafkajs'\nconst kafka = new Kafka({ brokers: ['k:9092'] })\n";

async function clientsOf(files: Record<string, string>): Promise<ClientFacts[]> {
  const { model } = await lintFiles(files);
  return model.clients;
}

async function producerOf(body: string): Promise<ClientFacts> {
  const clients = await clientsOf({ 'src/app.ts': KAFKA + body });
  const producer = clients.find((client) => client.role === 'producer');
  if (!producer) throw new Error('no producer detected');
  return producer;
}

describe('send facts', () => {
  it('an awaited one-message send in a for…of loop', async () => {
    const producer = await producerOf("const producer = kafka.producer()\nfor (const o of orders) {\n  await producer.send({ topic: 'orders', messages: [{ value: o }] })\n}\n");
    expect(producer.code?.sends).toEqual([
      expect.objectContaining({ method: 'send', inLoop: true, awaitedInLoop: true, singleMessage: true, failureObserved: true, location: expect.objectContaining({ line: 5 }) }),
    ]);
  });

  it('messages built by orders.map(…) and a batch variable are not one message', async () => {
    const producer = await producerOf(
      "const producer = kafka.producer()\nawait producer.send({ topic: 't', messages: orders.map((o) => ({ value: o })) })\nfor (const batch of batches) await producer.send({ topic: 't', messages: batch })\n",
    );
    expect(producer.code?.sends.map((send) => [send.singleMessage, send.awaitedInLoop])).toEqual([
      [false, false],
      [false, true],
    ]);
  });

  it('a one-element messages array kept in a const is one message', async () => {
    const producer = await producerOf("const producer = kafka.producer()\nconst messages = [{ value: 'x' }]\nwhile (true) await producer.send({ topic: 't', messages })\n");
    expect(producer.code?.sends[0]).toMatchObject({ singleMessage: true, awaitedInLoop: true });
  });

  it('sends inside forEach/map callbacks are in a loop but do not wait for each other', async () => {
    const producer = await producerOf(
      "const producer = kafka.producer()\norders.forEach(async (o) => { await producer.send({ topic: 't', messages: [{ value: o }] }) })\nawait Promise.all(orders.map((o) => producer.send({ topic: 't', messages: [{ value: o }] })))\n",
    );
    expect(producer.code?.sends.map((send) => [send.inLoop, send.awaitedInLoop, send.failureObserved])).toEqual([
      [true, false, false],
      [true, false, true],
    ]);
  });

  it('failure observation: floating, logging catch, rethrowing catch, returned, stored and awaited later', async () => {
    const producer = await producerOf(
      [
        'const producer = kafka.producer()',
        "producer.send({ topic: 't', messages: [] })",
        "producer.send({ topic: 't', messages: [] }).catch((e) => console.error(e))",
        "producer.send({ topic: 't', messages: [] }).catch((e) => { metrics.increment('fail'); })",
        "try { await producer.send({ topic: 't', messages: [] }) } catch (e) { logger.error(e) }",
        "try { await producer.send({ topic: 't', messages: [] }) } catch (e) { logger.error(e); throw e }",
        "export const publish = (m) => producer.send({ topic: 't', messages: [m] })",
        "const pending = producer.send({ topic: 't', messages: [] })\nawait pending",
        "void producer.send({ topic: 't', messages: [] })",
        "producer.send({ topic: 't', messages: [] }).then(() => console.log('sent'))",
        "producer.send({ topic: 't', messages: [] }).catch(console.error)",
        '',
      ].join('\n'),
    );
    expect(producer.code?.sends.map((send) => send.failureObserved)).toEqual([false, false, true, false, true, true, true, false, false, false]);
  });

  it('reads kafkajs compression through the import, a const and the numeric id', async () => {
    const producer = await producerOf(
      "const producer = kafka.producer()\nconst codec = CompressionTypes.ZSTD\nawait producer.send({ topic: 't', compression: CompressionTypes.Snappy, messages: [] })\nawait producer.send({ topic: 't', compression: codec, messages: [] })\nawait producer.sendBatch({ compression: 3, topicMessages: [] })\nawait producer.send({ topic: 't', compression: CompressionTypes.GZIP, messages: [] })\n",
    );
    expect(producer.code?.sends.map((send) => send.compression)).toEqual(['Snappy', 'ZSTD', 'LZ4', 'GZIP']);
  });

  it('records codec registrations in the repository facts', async () => {
    const { model } = await lintFiles({
      'src/codecs.js': "const { CompressionTypes, CompressionCodecs: Codecs } = require('kafkajs')\nconst SnappyCodec = require('kafkajs-snappy')\nCodecs[CompressionTypes.Snappy] = SnappyCodec\nObject.assign(Codecs, { [CompressionTypes.LZ4]: lz4 })\n",
    });
    expect(model.registeredCodecs.map((site) => [site.description, site.location.line])).toEqual([
      ['Snappy', 3],
      ['LZ4', 4],
    ]);
  });

  it('@platformatic/kafka send and the CKJS callback produce', async () => {
    const clients = await clientsOf({
      'src/platformatic.ts': "import { Producer } from '@platformatic/kafka'\nconst producer = new Producer({ clientId: 'c', bootstrapBrokers: ['k:9092'] })\nproducer.send({ messages: [{ topic: 't', value: 'x' }] })\nprocess.on('SIGTERM', () => producer.close())\n",
      'src/ckjs.js': "const Kafka = require('@confluentinc/kafka-javascript')\nconst producer = new Kafka.Producer({ 'bootstrap.servers': 'k:9092', dr_msg_cb: true })\nproducer.setPollInterval(100)\nproducer.on('delivery-report', (err, report) => { if (err) lost(report) })\nproducer.produce('t', null, Buffer.from('x'))\n",
    });
    const byFile = Object.fromEntries(clients.map((client) => [client.file, client]));
    expect(byFile['src/platformatic.ts'].code).toMatchObject({ sends: [{ method: 'send', singleMessage: true, failureObserved: false }], closedOnShutdown: true });
    expect(byFile['src/ckjs.js'].code?.sends).toEqual([expect.objectContaining({ method: 'produce', singleMessage: true, failureObserved: true })]);
  });

  it('a client that is not a producer has no sends', async () => {
    const clients = await clientsOf({ 'src/app.ts': KAFKA + "const consumer = kafka.consumer({ groupId: 'g' })\nconsumer.send?.({})\n" });
    expect(clients[0].code?.sends).toEqual([]);
  });
});

describe('lifecycle facts', () => {
  it('a SIGTERM handler that disconnects', async () => {
    const producer = await producerOf("const producer = kafka.producer()\nprocess.on('SIGTERM', async () => { await producer.disconnect(); process.exit(0) })\n");
    expect(producer.code?.closedOnShutdown).toBe(true);
  });

  it('a shutdown function called from a signal handler, and one passed directly', async () => {
    const called = await producerOf("const producer = kafka.producer()\nasync function shutdown() { await producer.disconnect() }\nprocess.once('SIGINT', () => { void shutdown() })\n");
    const passed = await producerOf("const producer = kafka.producer()\nconst stop = async () => { await producer.disconnect() }\nprocess.on('SIGTERM', stop)\n");
    expect([called.code?.closedOnShutdown, passed.code?.closedOnShutdown]).toEqual([true, true]);
  });

  it('the disconnect method itself passed as the handler, bound or not', async () => {
    const plain = await producerOf("const producer = kafka.producer()\nprocess.on('SIGTERM', producer.disconnect)\n");
    const bound = await producerOf("const producer = kafka.producer()\nprocess.once(`SIGINT`, producer.disconnect.bind(producer))\n");
    const called = await producerOf("const producer = kafka.producer()\nprocess.on('SIGTERM', producer.disconnect())\n");
    expect([plain.code?.closedOnShutdown, bound.code?.closedOnShutdown, called.code?.closedOnShutdown]).toEqual([true, true, false]);
  });

  it('signals named through an iterated array, as in the kafkajs example', async () => {
    const producer = await producerOf(
      "const producer = kafka.producer()\nconst signalTraps = ['SIGTERM', 'SIGINT', 'SIGUSR2']\nsignalTraps.forEach((type) => {\n  process.once(type, async () => { try { await producer.disconnect() } finally { process.kill(process.pid, type) } })\n})\n",
    );
    expect(producer.code?.closedOnShutdown).toBe(true);
  });

  it('uncaughtException and exit handlers are not shutdown handling', async () => {
    const producer = await producerOf(
      "const producer = kafka.producer()\nprocess.on('uncaughtException', async () => { await producer.disconnect() })\nprocess.on('exit', () => producer.disconnect())\n",
    );
    expect(producer.code?.closedOnShutdown).toBe(false);
  });

  it('a collection of clients closed in a shutdown hook', async () => {
    const producer = await producerOf(
      "const producer = kafka.producer()\nconst consumer = kafka.consumer({ groupId: 'g' })\nconst clients = [producer, consumer]\nprocess.on('SIGTERM', () => Promise.all(clients.map((c) => c.disconnect())))\n",
    );
    expect(producer.code?.closedOnShutdown).toBe(true);
  });

  it('NestJS onModuleDestroy and fastify onClose hooks', async () => {
    const nest = await producerOf(
      "export class Events {\n  private producer = kafka.producer()\n  async onModuleDestroy() { await this.producer.disconnect() }\n}\n",
    );
    const fastify = await producerOf("const producer = kafka.producer()\nfastify.addHook('onClose', async () => { await producer.disconnect() })\n");
    expect([nest.code?.closedOnShutdown, fastify.code?.closedOnShutdown]).toEqual([true, true]);
  });

  it('a one-shot script that disconnects after its work', async () => {
    const producer = await producerOf(
      "const producer = kafka.producer()\nconst run = async () => {\n  await producer.connect()\n  await producer.send({ topic: 't', messages: [{ value: 'x' }] })\n  await producer.disconnect()\n}\nrun().catch(async (e) => { console.error(e); await producer.disconnect() })\n",
    );
    expect(producer.code?.closedOnShutdown).toBe(false);
    expect(producer.code?.closedAfterUse).toMatchObject({ location: { line: 7 } });
  });

  it('a disconnect only on the error path is not a close after use', async () => {
    const producer = await producerOf(
      "const producer = kafka.producer()\nasync function start() { await producer.connect() }\nstart().catch(async (e) => { console.error(e); await producer.disconnect() })\n",
    );
    expect(producer.code?.closedAfterUse).toBeUndefined();
  });

  it('created per request, per message and per iteration', async () => {
    const clients = await clientsOf({
      'src/app.ts':
        KAFKA +
        [
          "app.post('/orders', async (req, res) => {",
          '  const producer = kafka.producer()',
          '  await producer.connect()',
          '})',
          "consumer.run({ eachMessage: async ({ message }) => { const p = kafka.producer(); await p.connect() } })",
          'for (const o of orders) { const p = kafka.producer(); await p.connect() }',
          '',
        ].join('\n'),
    });
    expect(clients.filter((client) => client.role === 'producer').map((client) => client.code?.createdPerRequest?.description)).toEqual([
      'created inside app.post(…), once per request',
      'created inside eachMessage, once per message',
      'created inside a for…of loop, once per iteration',
    ]);
  });

  it('not per request: lazily created once, kept from a startup loop, created at module level', async () => {
    const clients = await clientsOf({
      'src/app.ts':
        KAFKA +
        [
          'let producer',
          "app.post('/orders', async (req, res) => {",
          '  if (!producer) { producer = kafka.producer(); await producer.connect() }',
          '})',
          'const producers = new Map()',
          'for (const cluster of clusters) { const p = kafka.producer(); producers.set(cluster, p) }',
          'const perCluster = clusters.map(() => kafka.producer())',
          'export const shared = kafka.producer()',
          '',
        ].join('\n'),
    });
    expect(clients.filter((client) => client.role === 'producer').map((client) => client.code?.createdPerRequest)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('a producer connect() promise left floating', async () => {
    const producer = await producerOf("const producer = kafka.producer()\nproducer.connect()\nawait producer.connect()\nproducer.connect().catch((e) => console.error(e))\n");
    expect(producer.code?.unhandledLifecyclePromises.map((site) => site.location.line)).toEqual([4]);
  });
});
