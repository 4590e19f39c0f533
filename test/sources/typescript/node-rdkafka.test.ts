import { describe, expect, it } from 'vitest';
import type { ClientFacts, Setting } from '../../../src/model/types.js';
import { methodCalls } from '../../../src/sources/typescript/client-uses.js';
import type { CodeContext } from '../../../src/sources/typescript/code-context.js';
import { LibraryImports } from '../../../src/sources/typescript/library-imports.js';
import { detectNodeRdkafkaClients } from '../../../src/sources/typescript/libraries/node-rdkafka.js';
import { CodeProject } from '../../../src/sources/typescript/project.js';
import { ValueResolver } from '../../../src/sources/typescript/values.js';
import { newSourceContext } from '../../../src/sources/source-context.js';
import { lintFiles } from '../../support/lint-harness.js';

/** The detector run on one module of a set of files, with the context the analyses get. */
async function detect(files: Record<string, string>, file: string) {
  const project = CodeProject.of(newSourceContext(new Map(Object.entries(files))));
  const module = await project.load(file);
  const context: CodeContext = { file, module, project, values: new ValueResolver(project), imports: new LibraryImports(module) };
  return { context, detection: detectNodeRdkafkaClients(context) };
}

async function clientsOf(files: Record<string, string>): Promise<ClientFacts[]> {
  return (await lintFiles(files)).model.clients;
}

const setting = (client: ClientFacts | undefined, key: string): Setting | undefined => client?.settings.find((entry) => entry.key === key);

const CONSUMER_JS = [
  "const Kafka = require('node-rdkafka')", // 1
  "const { Pool } = require('pg')",
  'const pg = new Pool()',
  'const consumer = new Kafka.KafkaConsumer({', // 4
  "  'metadata.broker.list': 'kafka-1:9092,kafka-2:9092',",
  "  'group.id': 'billing',",
  "  'enable.auto.commit': false,", // 7
  '}, {',
  "  'auto.offset.reset': 'earliest',", // 9
  '})',
  'consumer.connect()',
  "consumer.on('ready', () => {",
  "  consumer.subscribe(['invoices', 'refunds'])", // 13
  '  consumer.consume()',
  '})',
  "consumer.on('data', async (message) => {",
  "  await pg.query('insert into invoices values ($1)', [message.value])",
  '  consumer.commit()',
  '})',
  '',
].join('\n');

describe('node-rdkafka clients in code', () => {
  it('finds a KafkaConsumer with its flat conf and topic conf, each setting at its quoted key', async () => {
    const [consumer] = await clientsOf({ 'consumer.js': CONSUMER_JS });
    expect(consumer).toMatchObject({ kind: 'client', role: 'consumer', library: 'node-rdkafka', groupId: 'billing', location: { file: 'consumer.js', line: 4, column: 18 } });
    expect(setting(consumer, 'bootstrap.servers')).toMatchObject({
      writtenAs: "new Kafka.KafkaConsumer({ 'metadata.broker.list' })",
      value: ['kafka-1:9092', 'kafka-2:9092'],
      location: { line: 5, column: 3 },
    });
    expect(setting(consumer, 'enable.auto.commit')).toMatchObject({ value: false, raw: 'false', location: { line: 7, column: 3 }, valueLocation: { line: 7, column: 25 } });
    expect(setting(consumer, 'auto.offset.reset')).toMatchObject({ writtenAs: "new Kafka.KafkaConsumer(…, { 'auto.offset.reset' })", value: 'earliest', location: { line: 9, column: 3 } });
    expect(consumer.topics.map((topic) => [topic.name, topic.location.line])).toEqual([['invoices', 13], ['refunds', 13]]);
  });

  it('keeps the consumer variable, so the analyses find on/subscribe/consume/commit calls on it', async () => {
    const { context, detection } = await detect({ 'consumer.js': CONSUMER_JS }, 'consumer.js');
    expect(detection.clients).toHaveLength(1);
    const [client] = detection.clients;
    expect(client.variable?.name).toBe('consumer');
    expect(methodCalls(client, context).map(({ method, call }) => [method, call.loc.start.line])).toEqual([
      ['connect', 11],
      ['on', 12],
      ['subscribe', 13],
      ['consume', 14],
      ['on', 16],
      ['commit', 18],
    ]);
  });

  it('keeps a member binding (this.consumer = …) for clients created in a class', async () => {
    const files = {
      'worker.ts': [
        "import { KafkaConsumer } from 'node-rdkafka'",
        'export class Worker {',
        '  private consumer: KafkaConsumer',
        '  constructor() {',
        "    this.consumer = new KafkaConsumer({ 'group.id': 'w', 'metadata.broker.list': 'localhost:9092' }, {})",
        '  }',
        "  start() { this.consumer.on('data', (m) => handle(m)); this.consumer.consume() }",
        '}',
        '',
      ].join('\n'),
    };
    const { context, detection } = await detect(files, 'worker.ts');
    const [client] = detection.clients;
    expect(client.memberPath).toBe('this.consumer');
    expect(client.facts).toMatchObject({ role: 'consumer', library: 'node-rdkafka', groupId: 'w' });
    expect(methodCalls(client, context).map(({ method }) => method)).toEqual(['on', 'consume']);
  });

  it('recognises named, default and namespace imports, HighLevelProducer and the deprecated Consumer alias', async () => {
    const clients = await clientsOf({
      'named.ts': "import { Producer as RdProducer } from 'node-rdkafka'\nexport const p = new RdProducer({ 'metadata.broker.list': 'k:9092' })\n",
      'default.mjs': "import Kafka from 'node-rdkafka'\nexport const p = new Kafka.HighLevelProducer({ 'metadata.broker.list': 'k:9092' })\n",
      'namespace.ts': "import * as rd from 'node-rdkafka'\nexport const c = new rd.Consumer({ 'group.id': 'g' }, {})\n",
      'member.cjs': "const KafkaConsumer = require('node-rdkafka').KafkaConsumer\nmodule.exports = new KafkaConsumer({ 'group.id': 'm' })\n",
    });
    expect(clients.map((client) => [client.file, client.role, client.library])).toEqual([
      ['named.ts', 'producer', 'node-rdkafka'],
      ['default.mjs', 'producer', 'node-rdkafka'],
      ['namespace.ts', 'consumer', 'node-rdkafka'],
      ['member.cjs', 'consumer', 'node-rdkafka'],
    ]);
  });

  it('reads produce() topics, topic conf aliases and a delivery-report flag on a producer', async () => {
    const [producer] = await clientsOf({
      'producer.js': [
        "const Kafka = require('node-rdkafka')",
        "const PAYMENTS = 'payments'",
        "const producer = new Kafka.Producer({ 'metadata.broker.list': 'k:9092', dr_cb: true }, { 'request.required.acks': -1 })",
        "producer.on('ready', () => producer.produce(PAYMENTS, null, Buffer.from('x'), 'key'))",
        "producer.produce('audit', null, Buffer.from('y'))",
        "producer.produce(topicFor(order), null, Buffer.from('z'))",
        '',
      ].join('\n'),
    });
    expect(producer).toMatchObject({ role: 'producer', library: 'node-rdkafka' });
    expect(setting(producer, 'acks')).toMatchObject({ writtenAs: "new Kafka.Producer(…, { 'request.required.acks' })", value: 'all', location: { line: 3 } });
    expect(setting(producer, 'dr_cb')).toMatchObject({ raw: 'true', location: { line: 3 } });
    expect(producer.topics.map((topic) => [topic.name, topic.location.line, topic.location.column])).toEqual([['payments', 4, 45], ['audit', 5, 18]]);
  });

  it('reads stream factories: createWriteStream { topic } and createReadStream { topics }', async () => {
    const clients = await clientsOf({
      'streams.js': [
        "const Kafka = require('node-rdkafka')",
        "const out = Kafka.Producer.createWriteStream({ 'metadata.broker.list': 'k:9092' }, {}, { topic: 'clicks' })",
        "const input = Kafka.KafkaConsumer.createReadStream({ 'group.id': 'views', 'metadata.broker.list': 'k:9092' }, { 'auto.offset.reset': 'latest' }, { topics: ['views'] })",
        "input.on('data', (message) => out.write(message.value))",
        '',
      ].join('\n'),
    });
    expect(clients.map((client) => [client.role, client.topics.map((topic) => topic.name), client.location.line])).toEqual([
      ['producer', ['clicks'], 2],
      ['consumer', ['views'], 3],
    ]);
    expect(setting(clients[1], 'auto.offset.reset')).toMatchObject({ value: 'latest', location: { line: 3 } });
  });

  it('keeps the stream variable of createReadStream as the binding the handler analysis starts from', async () => {
    const files = { 'stream.js': "const Kafka = require('node-rdkafka')\nconst stream = Kafka.createReadStream({ 'group.id': 'g' }, {}, { topics: 'one' })\nstream.on('data', (m) => m)\n" };
    const { context, detection } = await detect(files, 'stream.js');
    expect(detection.clients[0].facts.topics.map((topic) => topic.name)).toEqual(['one']);
    expect(methodCalls(detection.clients[0], context).map(({ method }) => method)).toEqual(['on']);
  });

  it('reads AdminClient.create as an admin client', async () => {
    const [admin] = await clientsOf({ 'admin.js': "const { AdminClient } = require('node-rdkafka')\nconst admin = AdminClient.create({ 'client.id': 'ops', 'metadata.broker.list': 'k:9092' })\n" });
    expect(admin).toMatchObject({ role: 'admin', library: 'node-rdkafka', location: { line: 2 } });
    expect(setting(admin, 'client.id')?.value).toBe('ops');
  });

  it('follows a conf object imported from another module and locates the setting there', async () => {
    const [consumer] = await clientsOf({
      'src/kafka-conf.ts': "export const consumerConf = {\n  'group.id': 'shared',\n  'enable.auto.commit': true,\n}\n",
      'src/consumer.ts': "import Kafka from 'node-rdkafka'\nimport { consumerConf } from './kafka-conf'\nexport const consumer = new Kafka.KafkaConsumer({ ...consumerConf, 'metadata.broker.list': 'k:9092' }, {})\n",
    });
    expect(setting(consumer, 'enable.auto.commit')).toMatchObject({ value: true, location: { file: 'src/kafka-conf.ts', line: 3, column: 3 } });
    expect(consumer.groupId).toBe('shared');
  });

  it('marks values only known at run time as placeholders instead of dropping them', async () => {
    const [consumer] = await clientsOf({
      'consumer.js': [
        "const Kafka = require('node-rdkafka')",
        'const consumer = new Kafka.KafkaConsumer({',
        "  'metadata.broker.list': process.env.KAFKA_BROKERS,",
        "  'group.id': config.groupId,",
        "  'enable.auto.commit': readFlag('commit'),",
        "  'sasl.password': '${KAFKA_PASSWORD}',",
        "  rebalance_cb: function (err, assignment) { this.assign(assignment) },",
        '}, {})',
        '',
      ].join('\n'),
    });
    expect(setting(consumer, 'bootstrap.servers')).toMatchObject({ placeholder: true, raw: 'process.env.KAFKA_BROKERS' });
    expect(setting(consumer, 'group.id')).toMatchObject({ placeholder: true, raw: '<config.groupId>' });
    expect(setting(consumer, 'enable.auto.commit')).toMatchObject({ placeholder: true, raw: '<readFlag(…)>', location: { line: 5 } });
    expect(setting(consumer, 'sasl.password')).toMatchObject({ placeholder: true });
    // A callback is code, not a setting (as for the flat keys of the CKJS KafkaJS API).
    expect(setting(consumer, 'rebalance_cb')).toBeUndefined();
    expect(consumer.groupId).toBeUndefined();
  });

  it('reads the callback API of @confluentinc/kafka-javascript with librdkafka defaults, and leaves its KafkaJS API alone', async () => {
    const clients = await clientsOf({
      'ckjs.js': [
        "const Kafka = require('@confluentinc/kafka-javascript')",
        "const producer = new Kafka.Producer({ 'bootstrap.servers': 'k:9092', 'linger.ms': 10 })",
        "const consumer = new Kafka.RdKafka.KafkaConsumer({ 'group.id': 'g', 'bootstrap.servers': 'k:9092' }, {})",
        '',
      ].join('\n'),
      'ckjs-kafkajs.ts': "import { KafkaJS } from '@confluentinc/kafka-javascript'\nconst kafka = new KafkaJS.Kafka({ kafkaJS: { brokers: ['k:9092'] } })\n",
    });
    const callbackClients = clients.filter((client) => client.file === 'ckjs.js');
    expect(callbackClients.map((client) => [client.role, client.library, client.label])).toEqual([
      ['producer', 'librdkafka', '@confluentinc/kafka-javascript producer created at ckjs.js:2'],
      ['consumer', 'librdkafka', '@confluentinc/kafka-javascript consumer created at ckjs.js:3'],
    ]);
    expect(clients.filter((client) => client.file === 'ckjs-kafkajs.ts' && client.library === 'librdkafka')).toEqual([]);
  });

  it('does not take a local class called KafkaConsumer or Producer for the library', async () => {
    const clients = await clientsOf({
      'local.ts': [
        "import Kafka from 'node-rdkafka'",
        'class Producer { constructor(readonly conf: object) {} }',
        'class KafkaConsumer { constructor(readonly conf: object) {} }',
        "const p = new Producer({ 'request.required.acks': 0 })",
        "const c = new KafkaConsumer({ 'enable.auto.commit': true })",
        "const other = new Kafka.Topic('t')",
        '',
      ].join('\n'),
      'no-import.js': "const producer = new Kafka.Producer({ 'request.required.acks': 0 }) // node-rdkafka is a global here\n",
    });
    expect(clients).toEqual([]);
  });
});
