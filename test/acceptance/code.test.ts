// Issue 3's acceptance lines, each with the code the issue gives, run through the real engine.

import { describe, expect, it } from 'vitest';
import { lintFiles } from '../support/lint-harness.js';
import { runInTree } from '../support/run-cli.js';

const at = (findings: Array<{ ruleId: string; line: number }>, ruleId: string) => findings.filter((finding) => finding.ruleId === ruleId).map((finding) => finding.line);

describe('code acceptance', () => {
  const consumer = (handlerBody: string) => [
    "import { Kafka } from 'kafkajs'",
    "const consumer = new Kafka({ brokers: ['k:9092'] }).consumer({ groupId: 'g' })",
    `await consumer.run({ eachMessage: async ({ message }) => { ${handlerBody} } })`,
    '',
  ].join('\n');

  it('an un-awaited db.insert under auto-commit, and nothing for the awaited version', async () => {
    const fired = await lintFiles({ 'consumer.ts': consumer('db.insert(JSON.parse(message.value!.toString()))') });
    expect(at(fired.findings, 'auto-commit-with-side-effects')).toEqual([3]);
    const awaited = await lintFiles({ 'consumer.ts': consumer('await db.insert(JSON.parse(message.value!.toString()))') });
    expect(at(awaited.findings, 'auto-commit-with-side-effects')).toEqual([]);
  });

  it('a catch that only logs swallows the error; rethrowing does not', async () => {
    const swallowed = await lintFiles({ 'consumer.ts': consumer('try { await handle(message) } catch (e) { console.error(e) }') });
    expect(at(swallowed.findings, 'consumer-error-swallowed')).toEqual([3]);
    const rethrown = await lintFiles({ 'consumer.ts': consumer('try { await handle(message) } catch (e) { console.error(e); throw e }') });
    expect(at(rethrown.findings, 'consumer-error-swallowed')).toEqual([]);
  });

  const producer = (body: string) => [
    "import { Kafka } from 'kafkajs'",
    "const producer = new Kafka({ brokers: ['localhost:9092'] }).producer({ idempotent: true, maxInFlightRequests: 1 })",
    'export async function publish(orders: string[]) {',
    `  ${body}`,
    '}',
    '',
  ].join('\n');

  it('one awaited send per record in a loop blocks; one send of all records does not', async () => {
    const loop = await lintFiles({ 'producer.ts': producer("for (const o of orders) { await producer.send({ topic: 'orders', messages: [{ value: o }] }) }") });
    expect(at(loop.findings, 'producer-blocking-send')).toEqual([4]);
    const batch = await lintFiles({ 'producer.ts': producer("await producer.send({ topic: 'orders', messages: orders.map((value) => ({ value })) })") });
    expect(at(batch.findings, 'producer-blocking-send')).toEqual([]);
  });

  it('idempotent without maxInFlightRequests: 1, and the kafkajs default of no idempotence', async () => {
    const { findings } = await lintFiles({
      'a.ts': "import { Kafka } from 'kafkajs'\nconst kafka = new Kafka({ brokers: ['localhost:9092'] })\nexport const p = kafka.producer({ idempotent: true })\n",
      'b.ts': "import { Kafka } from 'kafkajs'\nconst kafka = new Kafka({ brokers: ['localhost:9092'] })\nexport const p = kafka.producer()\n",
    });
    expect(findings.filter((finding) => finding.ruleId === 'kafkajs-idempotent-multi-inflight').map((finding) => finding.file)).toEqual(['a.ts']);
    const disabled = findings.find((finding) => finding.ruleId === 'idempotence-disabled' && finding.file === 'b.ts');
    expect(disabled?.origin).toEqual({ kind: 'default', library: 'kafkajs default' });
  });

  it('TLS verification off and a literal SASL password, which no output format prints', async () => {
    const files = {
      'client.ts': "import { Kafka } from 'kafkajs'\nconst brokers = ['kafka.example.com:9093']\nexport const kafka = new Kafka({ brokers, ssl: { rejectUnauthorized: false }, sasl: { mechanism: 'plain', username: 'u', password: 'hunter2' } })\n",
    };
    const { findings } = await lintFiles(files);
    expect(at(findings, 'tls-cert-verification-disabled')).toEqual([3]);
    expect(at(findings, 'hardcoded-credentials')).toEqual([3]);
    for (const format of ['stylish', 'compact', 'json', 'sarif', 'github']) {
      const run = await runInTree(['--format', format], files);
      expect(run.stdout, format).toContain('hardcoded-credentials');
      expect(run.stdout, format).not.toContain('hunter2');
    }
  });

  const rdkafka = (conf: string, handler: string) => [
    "const Kafka = require('node-rdkafka')",
    `const consumer = new Kafka.KafkaConsumer({ 'group.id': 'billing', 'metadata.broker.list': 'localhost:9092'${conf} }, {})`,
    'consumer.connect()',
    "consumer.on('ready', () => { consumer.subscribe(['orders']); consumer.consume() })",
    `consumer.on('data', async (message) => { ${handler} })`,
    "consumer.on('event.error', (err) => console.error(err))",
    '',
  ].join('\n');

  it('node-rdkafka with default auto-commit querying the database in its data handler; not with manual commits', async () => {
    const auto = await lintFiles({ 'consumer.js': rdkafka('', 'await pg.query("insert into orders values ($1)", [message.value])') });
    expect(at(auto.findings, 'auto-commit-with-side-effects')).toEqual([5]);
    const manual = await lintFiles({ 'consumer.js': rdkafka(", 'enable.auto.commit': false", 'await pg.query("insert into orders values ($1)", [message.value]); consumer.commit(message)') });
    expect(at(manual.findings, 'auto-commit-with-side-effects')).toEqual([]);
  });

  it('a producer config object imported from another module is resolved, and the finding points at it', async () => {
    const { findings } = await lintFiles({
      'src/kafka-config.ts': 'export const producerConfig = {\n  idempotent: false,\n}\n',
      'src/producer.ts': "import { Kafka } from 'kafkajs'\nimport { producerConfig } from './kafka-config'\nconst kafka = new Kafka({ brokers: ['localhost:9092'] })\nexport const producer = kafka.producer(producerConfig)\n",
    });
    const finding = findings.find((candidate) => candidate.ruleId === 'idempotence-disabled');
    expect(finding).toMatchObject({ file: 'src/kafka-config.ts', line: 2 });
  });
});
