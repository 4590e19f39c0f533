// kafkajs clients in code: which `new Kafka()` counts, where the code keeps it, and how its options and the calls on
// its clients become settings, topics, topic declarations and ACLs.

import { describe, expect, it } from 'vitest';
import type { ClientFacts, RepoModel, Setting } from '../../../src/model/types.js';
import { lintFiles } from '../../support/lint-harness.js';

async function modelOf(files: Record<string, string>): Promise<RepoModel> {
  return (await lintFiles(files)).model;
}

const lines = (...text: string[]) => `${text.join('\n')}\n`;

function clientWithRole(model: RepoModel, role: string): ClientFacts {
  const client = model.clients.find((candidate) => candidate.role === role);
  if (!client) throw new Error(`no ${role} in ${JSON.stringify(model.clients.map((candidate) => candidate.role))}`);
  return client;
}

/** `key=value` of each setting, in order, for compact expectations. */
const pairs = (client: ClientFacts) => client.settings.map((setting) => `${setting.key}=${JSON.stringify(setting.value)}`);

const setting = (client: ClientFacts, key: string): Setting | undefined => client.settings.filter((candidate) => candidate.key === key).at(-1);

describe('which new Kafka() is a kafkajs client', () => {
  const producerVia = async (header: string, constructor = 'Kafka') =>
    (await modelOf({ 'p.ts': lines(header, `const kafka = new ${constructor}({ brokers: ['k:9092'] })`, 'export const producer = kafka.producer()') })).clients.map((client) => [client.role, client.library]);

  it('named, renamed, namespace and default imports', async () => {
    expect(await producerVia("import { Kafka } from 'kafkajs'")).toEqual([['producer', 'kafkajs']]);
    expect(await producerVia("import { Kafka as KafkaClient } from 'kafkajs'", 'KafkaClient')).toEqual([['producer', 'kafkajs']]);
    expect(await producerVia("import * as kafkajs from 'kafkajs'", 'kafkajs.Kafka')).toEqual([['producer', 'kafkajs']]);
    expect(await producerVia("import kafkajs from 'kafkajs'", 'kafkajs.Kafka')).toEqual([['producer', 'kafkajs']]);
  });

  it('require, destructured or by member, and a dynamic import', async () => {
    expect(await producerVia("const { Kafka } = require('kafkajs')")).toEqual([['producer', 'kafkajs']]);
    expect(await producerVia("const K = require('kafkajs').Kafka", 'K')).toEqual([['producer', 'kafkajs']]);
    expect(await producerVia("const { Kafka } = await import('kafkajs')")).toEqual([['producer', 'kafkajs']]);
  });

  it('near miss: kafkajs imported, but no client is created', async () => {
    const model = await modelOf({ 'log.ts': lines("import { logLevel, Kafka } from 'kafkajs'", 'export const level = logLevel.INFO', 'export type K = Kafka') });
    expect(model.clients).toEqual([]);
  });

  it('near miss: a local class named Kafka in a file that imports kafkajs', async () => {
    const model = await modelOf({
      'fake.ts': lines("import { logLevel } from 'kafkajs'", 'class Kafka { producer(options?: object) { return options } }', "new Kafka().producer({ idempotent: false })"),
    });
    expect(model.clients).toEqual([]);
  });

  it('a Kafka object without producer(), consumer() or admin() here is one client of unknown role, for its own options', async () => {
    const { clients } = await modelOf({ 'k.ts': lines("import { Kafka } from 'kafkajs'", "export const kafka = new Kafka({ brokers: ['k:9092'] })") });
    expect(clients.map((client) => [client.role, client.settings.map((setting) => setting.key)])).toEqual([['client', ['bootstrap.servers']]]);
  });
});

describe('where the code keeps the Kafka object and its clients', () => {
  it('a class field and this.x, with calls in other methods', async () => {
    const model = await modelOf({
      'service.ts': lines(
        "import { Kafka } from 'kafkajs'",
        'export class Orders {',
        "  private kafka = new Kafka({ clientId: 'orders', brokers: ['k:9092'] })",
        '  private producer',
        '  constructor() {',
        '    this.producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1 })',
        '  }',
        '  async publish(order: { id: string }) {',
        "    await this.producer.send({ topic: 'orders', messages: [{ key: order.id, value: 'x' }] })",
        '  }',
        '}',
      ),
    });
    const producer = clientWithRole(model, 'producer');
    expect(producer.location).toMatchObject({ file: 'service.ts', line: 6, column: 21 });
    expect(pairs(producer)).toEqual(['client.id="orders"', 'bootstrap.servers=["k:9092"]', 'enable.idempotence=true', 'max.in.flight.requests.per.connection=1']);
    expect(producer.topics).toEqual([{ name: 'orders', location: expect.objectContaining({ line: 9, column: 32 }) }]);
  });

  it('a let that is assigned once, and a consumer chained on new Kafka', async () => {
    const model = await modelOf({
      'c.js': lines(
        "const { Kafka } = require('kafkajs')",
        "let kafka = new Kafka({ brokers: ['k:9092'] })",
        "const consumer = kafka.consumer({ groupId: 'billing' })",
        "const other = new Kafka({ brokers: ['k:9092'] }).consumer({ groupId: 'audit' })",
      ),
    });
    expect(model.clients.map((client) => client.groupId)).toEqual(['billing', 'audit']);
  });

  it('a Kafka object exported by another module, in a file that imports kafkajs types', async () => {
    const model = await modelOf({
      'src/kafka.ts': lines("import { Kafka } from 'kafkajs'", "export const kafka = new Kafka({ clientId: 'shop', brokers: ['kafka-1.internal:9093'], ssl: true })"),
      'src/producer.ts': lines("import type { Producer } from 'kafkajs'", "import { kafka } from './kafka'", 'export const producer: Producer = kafka.producer()'),
    });
    const producer = clientWithRole(model, 'producer');
    expect(producer.file).toBe('src/producer.ts');
    expect(setting(producer, 'client.id')).toMatchObject({ value: 'shop', location: { file: 'src/kafka.ts', line: 2 } });
    expect(setting(producer, 'security.protocol')).toMatchObject({ value: 'SSL', writtenAs: 'new Kafka({ ssl })' });
  });
});

describe('options → settings', () => {
  it('maps the kafkajs option names to Kafka keys, located at each property', async () => {
    const model = await modelOf({
      'p.ts': lines(
        "import { Kafka, Partitioners } from 'kafkajs'",
        "const kafka = new Kafka({ clientId: 'orders', brokers: ['a:9092', 'b:9092'], retry: { retries: 8 } })",
        'const producer = kafka.producer({',
        '  idempotent: true,',
        '  maxInFlightRequests: 1,',
        "  transactionalId: 'orders-tx',",
        '  allowAutoTopicCreation: false,',
        '  createPartitioner: Partitioners.DefaultPartitioner,',
        '  retry: { retries: 3 },',
        '})',
        "await producer.send({ topic: 'orders', messages: [] })",
      ),
    });
    const producer = clientWithRole(model, 'producer');
    expect(pairs(producer)).toEqual([
      'client.id="orders"',
      'bootstrap.servers=["a:9092","b:9092"]',
      'retries=8',
      'enable.idempotence=true',
      'max.in.flight.requests.per.connection=1',
      'transactional.id="orders-tx"',
      'allow.auto.create.topics=false',
      'partitioner="murmur2_random"',
      'retries=3',
    ]);
    expect(setting(producer, 'enable.idempotence')).toMatchObject({ writtenAs: 'producer({ idempotent })', location: { line: 4, column: 3 } });
    expect(setting(producer, 'retries')).toMatchObject({ writtenAs: 'producer({ retry: { retries } })', location: { line: 9, column: 12 } });
    expect(setting(producer, 'partitioner')?.raw).toBe('Partitioners.DefaultPartitioner');
  });

  it('consumer options, subscribe and run', async () => {
    const model = await modelOf({
      'c.ts': lines(
        "import { Kafka, PartitionAssigners } from 'kafkajs'",
        "const TOPIC = 'payments'",
        "const consumer = new Kafka({ brokers: ['k:9092'] }).consumer({ groupId: 'g', sessionTimeout: 30000, heartbeatInterval: 3000, rebalanceTimeout: 60000, readUncommitted: true, partitionAssigners: [PartitionAssigners.roundRobin], allowAutoTopicCreation: false })",
        "await consumer.subscribe({ topics: [TOPIC, /^audit\\./, 'refunds'], fromBeginning: true })",
        'await consumer.run({ autoCommit: false, eachMessage: async () => {} })',
      ),
    });
    const consumer = clientWithRole(model, 'consumer');
    // rebalanceTimeout is no processing deadline in kafkajs, so it is not max.poll.interval.ms.
    expect(pairs(consumer)).toEqual([
      'bootstrap.servers=["k:9092"]',
      'group.id="g"',
      'session.timeout.ms=30000',
      'heartbeat.interval.ms=3000',
      'allow.auto.create.topics=false',
      'isolation.level="read_uncommitted"',
      'partition.assignment.strategy=["roundrobin"]',
      'auto.offset.reset="earliest"',
      'enable.auto.commit=false',
    ]);
    expect(consumer.groupId).toBe('g');
    expect(consumer.topics.map((topic) => topic.name)).toEqual(['payments', 'refunds']);
    expect(setting(consumer, 'enable.auto.commit')).toMatchObject({ writtenAs: 'run({ autoCommit })', location: { line: 5 } });
  });

  it('send and sendBatch: topics, and acks and compression per call', async () => {
    const model = await modelOf({
      'p.ts': lines(
        "import { Kafka, CompressionTypes } from 'kafkajs'",
        "const producer = new Kafka({ brokers: ['k:9092'] }).producer()",
        "await producer.send({ topic: 'orders', messages: [], acks: -1, compression: CompressionTypes.GZIP })",
        "await producer.sendBatch({ topicMessages: [{ topic: 'a', messages: [] }, { topic: 'b', messages: [] }], acks: 1 })",
        'const transaction = await producer.transaction()',
        "await transaction.send({ topic: 'c', messages: [] })",
      ),
    });
    const producer = clientWithRole(model, 'producer');
    expect(producer.topics.map((topic) => topic.name)).toEqual(['orders', 'a', 'b', 'c']);
    expect(pairs(producer)).toEqual(['bootstrap.servers=["k:9092"]', 'acks="all"', 'compression.type="gzip"', 'acks="1"']);
    expect(producer.settings.filter((candidate) => candidate.key === 'acks').map((candidate) => candidate.writtenAs)).toEqual(['send({ acks })', 'sendBatch({ acks })']);
  });

  it('a producer whose sends are not in this module: per-send options are unknown, not defaults', async () => {
    const model = await modelOf({ 'p.ts': lines("import { Kafka } from 'kafkajs'", "export const producer = new Kafka({ brokers: ['k:9092'] }).producer()") });
    const producer = clientWithRole(model, 'producer');
    expect(setting(producer, 'compression.type')).toMatchObject({ placeholder: true, writtenAs: 'send({ compression })', location: { line: 2 } });
    expect(setting(producer, 'acks')?.placeholder).toBe(true);
  });

  it('options only run time knows become placeholders, never defaults or guesses', async () => {
    const model = await modelOf({
      'p.ts': lines(
        "import { Kafka } from 'kafkajs'",
        'export function connect(kafkaOptions: object, producerOptions: object) {',
        '  const kafka = new Kafka({ ...kafkaOptions, clientId: process.env.CLIENT_ID })',
        '  return kafka.producer(producerOptions)',
        '}',
      ),
    });
    const producer = clientWithRole(model, 'producer');
    expect(setting(producer, 'client.id')).toMatchObject({ value: 'process.env.CLIENT_ID', placeholder: true });
    expect(setting(producer, 'bootstrap.servers')).toMatchObject({ placeholder: true, raw: '<object with parts set at run time>' });
    expect(setting(producer, 'security.protocol')?.placeholder).toBe(true);
    expect(setting(producer, 'enable.idempotence')).toMatchObject({ placeholder: true, raw: '<producerOptions>' });
    // A transactional id that may or may not be there is not a transactional producer.
    expect(setting(producer, 'transactional.id')).toBeUndefined();
  });
});

describe('options objects the code changes after building them', () => {
  it('keys assigned later may be set: ssl added under a condition leaves the protocol unknown', async () => {
    const model = await modelOf({
      'k.ts': lines(
        "import { Kafka, KafkaConfig } from 'kafkajs'",
        "const options: KafkaConfig = { clientId: 'svc', brokers: ['kafka-1.prod:9093'] }",
        "if (process.env.KAFKA_TLS === 'true') options.ssl = true",
        'export const producer = new Kafka(options).producer()',
      ),
    });
    const producer = clientWithRole(model, 'producer');
    expect(setting(producer, 'client.id')?.value).toBe('svc');
    expect(setting(producer, 'security.protocol')?.placeholder).toBe(true);
    const findings = (await lintFiles({ 'k.ts': lines("import { Kafka } from 'kafkajs'", "const options = { clientId: 'svc', brokers: ['kafka-1.prod:9093'] }", 'Object.assign(options, tlsOptions())', 'export const producer = new Kafka(options).producer()') })).findings;
    expect(findings.filter((finding) => finding.ruleId === 'plaintext-security-protocol')).toEqual([]);
  });
});

describe('security.protocol from ssl and sasl', () => {
  const protocolOf = async (kafkaOptions: string) => {
    const model = await modelOf({ 'p.ts': lines("import { Kafka } from 'kafkajs'", `export const producer = new Kafka(${kafkaOptions}).producer()`) });
    const found = setting(clientWithRole(model, 'producer'), 'security.protocol');
    return found && (found.placeholder ? 'placeholder' : `${String(found.value)} at ${found.writtenAs}`);
  };

  it('follows kafkajs: ssl turns on TLS, sasl adds authentication', async () => {
    expect(await protocolOf("{ brokers: ['k:9092'] }")).toBeUndefined();
    expect(await protocolOf("{ brokers: ['k:9092'], ssl: true }")).toBe('SSL at new Kafka({ ssl })');
    expect(await protocolOf("{ brokers: ['k:9092'], ssl: { ca: [caPem] } }")).toBe('SSL at new Kafka({ ssl })');
    expect(await protocolOf("{ brokers: ['k:9092'], ssl: true, sasl: { mechanism: 'scram-sha-512', username: 'u', password: process.env.PW } }")).toBe('SASL_SSL at new Kafka({ ssl })');
    expect(await protocolOf("{ brokers: ['k:9092'], sasl: { mechanism: 'plain', username: 'u', password: process.env.PW } }")).toBe('SASL_PLAINTEXT at new Kafka({ sasl })');
    expect(await protocolOf("{ brokers: ['k:9092'], ssl: false }")).toBe('PLAINTEXT at new Kafka({ ssl })');
  });

  it('an ssl value only run time knows leaves the protocol unknown', async () => {
    expect(await protocolOf("{ brokers: ['k:9092'], ssl: process.env.KAFKA_SSL === 'true' }")).toBe('placeholder');
  });

  it('reads ssl.rejectUnauthorized, the passphrase and SASL credentials', async () => {
    const model = await modelOf({
      'p.ts': lines(
        "import { Kafka } from 'kafkajs'",
        "export const producer = new Kafka({ brokers: ['k:9093'], ssl: { rejectUnauthorized: false, passphrase: process.env.KEY_PASS }, sasl: { mechanism: 'scram-sha-256', username: 'svc', password: process.env.KAFKA_PASSWORD } }).producer()",
      ),
    });
    const producer = clientWithRole(model, 'producer');
    expect(setting(producer, 'enable.ssl.certificate.verification')).toMatchObject({ value: false, writtenAs: 'new Kafka({ ssl: { rejectUnauthorized } })', location: { column: 65 } });
    expect(setting(producer, 'ssl.key.password')).toMatchObject({ placeholder: true, raw: 'process.env.KEY_PASS' });
    expect(setting(producer, 'sasl.mechanism')?.value).toBe('SCRAM-SHA-256');
    expect(setting(producer, 'sasl.password')).toMatchObject({ placeholder: true, raw: 'process.env.KAFKA_PASSWORD' });
  });
});

describe('admin calls that declare topics and ACLs', () => {
  it('createTopics gives topic facts declared by code, with counts and config entries', async () => {
    const model = await modelOf({
      'admin.ts': lines(
        "import { Kafka } from 'kafkajs'",
        "const admin = new Kafka({ brokers: ['k:9092'] }).admin()",
        'await admin.createTopics({',
        '  topics: [',
        "    { topic: 'orders', numPartitions: 6, replicationFactor: 3, configEntries: [{ name: 'min.insync.replicas', value: '2' }] },",
        "    { topic: 'audit' },",
        '  ],',
        '})',
        "await admin.createTopics({ validateOnly: true, topics: [{ topic: 'dry-run' }] })",
      ),
    });
    expect(model.topics.map((topic) => [topic.name, topic.declaredBy, topic.partitions?.value, topic.replicationFactor?.value, topic.location.line])).toEqual([
      ['orders', 'code', 6, 3, 5],
      ['audit', 'code', undefined, undefined, 6],
    ]);
    expect(model.topics[0].settings).toEqual([expect.objectContaining({ key: 'min.insync.replicas', value: 2, location: expect.objectContaining({ line: 5, column: 80 }) })]);
  });

  it('createAcls gives ACL facts in the model\'s spelling', async () => {
    const model = await modelOf({
      'acls.ts': lines(
        "import { Kafka, AclResourceTypes, AclOperationTypes, AclPermissionTypes, ResourcePatternTypes } from 'kafkajs'",
        "const admin = new Kafka({ brokers: ['k:9092'] }).admin()",
        'await admin.createAcls({ acl: [',
        "  { resourceType: AclResourceTypes.TOPIC, resourceName: '*', resourcePatternType: ResourcePatternTypes.LITERAL, principal: 'User:*', host: '*', operation: AclOperationTypes.ALL, permissionType: AclPermissionTypes.ALLOW },",
        "  { resourceType: 3, resourceName: 'billing-', resourcePatternType: 4, principal: 'User:billing', host: '*', operation: 3, permissionType: 3 },",
        "  { resourceType: AclResourceTypes.TOPIC, resourceName: topicName, resourcePatternType: ResourcePatternTypes.LITERAL, principal: 'User:x', host: '*', operation: AclOperationTypes.READ, permissionType: AclPermissionTypes.ALLOW },",
        '] })',
      ),
    });
    expect(model.acls.map(({ principal, resourceType, resourceName, patternType, operations, permission, location }) => [principal, resourceType, resourceName, patternType, operations, permission, location.line])).toEqual([
      ['User:*', 'topic', '*', 'literal', ['all'], 'allow', 4],
      ['User:billing', 'group', 'billing-', 'prefixed', ['read'], 'allow', 5],
    ]);
  });
});

describe('library version', () => {
  it('comes from the nearest package.json', async () => {
    const model = await modelOf({
      'svc/package.json': '{ "dependencies": { "kafkajs": "^2.2.4" } }',
      'svc/src/p.ts': lines("import { Kafka } from 'kafkajs'", "export const producer = new Kafka({ brokers: ['k:9092'] }).producer()"),
    });
    expect(clientWithRole(model, 'producer').libraryVersion).toMatch(/2\.2\.4/);
  });
});
