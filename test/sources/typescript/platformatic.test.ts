import { describe, expect, it } from 'vitest';
import type { ClientFacts, Setting } from '../../../src/model/types.js';
import { methodCalls } from '../../../src/sources/typescript/client-uses.js';
import type { CodeContext } from '../../../src/sources/typescript/code-context.js';
import { LibraryImports } from '../../../src/sources/typescript/library-imports.js';
import { detectPlatformaticClients } from '../../../src/sources/typescript/libraries/platformatic.js';
import { CodeProject } from '../../../src/sources/typescript/project.js';
import { ValueResolver } from '../../../src/sources/typescript/values.js';
import { newSourceContext } from '../../../src/sources/source-context.js';
import { lintFiles } from '../../support/lint-harness.js';

async function clientsOf(files: Record<string, string>): Promise<ClientFacts[]> {
  return (await lintFiles(files)).model.clients;
}

const setting = (client: ClientFacts | undefined, key: string): Setting | undefined => client?.settings.findLast((entry) => entry.key === key);

describe('@platformatic/kafka clients in code', () => {
  it('maps producer options to canonical keys, each at its property', async () => {
    const [producer] = await clientsOf({
      'producer.ts': [
        "import { Producer, ProduceAcks, CompressionAlgorithms } from '@platformatic/kafka'",
        'export const producer = new Producer({',
        "  clientId: 'orders',",
        "  bootstrapBrokers: ['kafka-1:9092', { host: 'kafka-2', port: 9092 }],",
        '  idempotent: false,',
        '  acks: ProduceAcks.LEADER,',
        '  retries: false,',
        '  autocreateTopics: true,',
        '  maxInflights: 3,',
        '  compression: CompressionAlgorithms.ZSTD,',
        '})',
        '',
      ].join('\n'),
    });
    expect(producer).toMatchObject({ role: 'producer', library: 'platformatic', location: { line: 2, column: 25 } });
    const pick = (key: string) => {
      const found = setting(producer, key);
      return found && [found.writtenAs, found.value, found.location.line];
    };
    expect(pick('client.id')).toEqual(['new Producer({ clientId })', 'orders', 3]);
    expect(pick('bootstrap.servers')).toEqual(['new Producer({ bootstrapBrokers })', ['kafka-1:9092', 'kafka-2:9092'], 4]);
    expect(pick('enable.idempotence')).toEqual(['new Producer({ idempotent })', false, 5]);
    expect(pick('acks')).toEqual(['new Producer({ acks })', '1', 6]);
    expect(setting(producer, 'acks')?.raw).toBe('ProduceAcks.LEADER');
    expect(pick('retries')).toEqual(['new Producer({ retries })', 0, 7]);
    expect(pick('allow.auto.create.topics')).toEqual(['new Producer({ autocreateTopics })', true, 8]);
    expect(pick('max.in.flight.requests.per.connection')).toEqual(['new Producer({ maxInflights })', 3, 9]);
    expect(pick('compression.type')).toEqual(['new Producer({ compression })', 'zstd', 10]);
  });

  it('maps every ProduceAcks member and the numbers they stand for', async () => {
    const clients = await clientsOf({
      'acks.ts': [
        "import * as pk from '@platformatic/kafka'",
        "const a = new pk.Producer({ clientId: 'a', bootstrapBrokers: ['k:9092'], acks: pk.ProduceAcks.ALL })",
        "const b = new pk.Producer({ clientId: 'b', bootstrapBrokers: ['k:9092'], acks: pk.ProduceAcks.NO_RESPONSE })",
        "const c = new pk.Producer({ clientId: 'c', bootstrapBrokers: ['k:9092'], acks: -1 })",
        "const d = new pk.Producer({ clientId: 'd', bootstrapBrokers: ['k:9092'], acks: 0 })",
        '',
      ].join('\n'),
    });
    expect(clients.map((client) => setting(client, 'acks')?.value)).toEqual(['all', '0', 'all', '0']);
  });

  it('derives security.protocol from tls/ssl and sasl, and reads the certificate check and SASL options', async () => {
    const clients = await clientsOf({
      'secure.ts': [
        "import { Consumer, SASLMechanisms } from '@platformatic/kafka'",
        "const a = new Consumer({ groupId: 'a', clientId: 'a', bootstrapBrokers: ['k:9093'], tls: { rejectUnauthorized: false } })",
        "const b = new Consumer({ groupId: 'b', clientId: 'b', bootstrapBrokers: ['k:9093'], ssl: {}, sasl: { mechanism: SASLMechanisms.SCRAM_SHA_512, username: 'u', password: process.env.PW } })",
        "const c = new Consumer({ groupId: 'c', clientId: 'c', bootstrapBrokers: ['k:9092'], sasl: { mechanism: 'PLAIN', username: 'u', password: 'p' } })",
        "const d = new Consumer({ groupId: 'd', clientId: 'd', bootstrapBrokers: ['k:9092'], tls: useTls ? { ca } : undefined })",
        "const e = new Consumer({ groupId: 'e', clientId: 'e', bootstrapBrokers: ['k:9092'] })",
        '',
      ].join('\n'),
    });
    expect(clients.map((client) => {
      const protocol = setting(client, 'security.protocol');
      return protocol && [protocol.writtenAs, protocol.value, protocol.placeholder ?? false];
    })).toEqual([
      ['new Consumer({ tls })', 'SSL', false],
      ['new Consumer({ ssl })', 'SASL_SSL', false],
      ['new Consumer({ sasl })', 'SASL_PLAINTEXT', false],
      ['new Consumer({ tls })', '<expression>', true],
      undefined,
    ]);
    expect(setting(clients[0], 'enable.ssl.certificate.verification')).toMatchObject({ writtenAs: 'new Consumer({ tls: { rejectUnauthorized } })', value: false });
    expect(setting(clients[1], 'sasl.mechanism')?.value).toBe('SCRAM-SHA-512');
    expect(setting(clients[1], 'sasl.password')).toMatchObject({ placeholder: true });
    expect(setting(clients[2], 'sasl.password')).toMatchObject({ writtenAs: 'new Consumer({ sasl: { password } })', raw: 'p', location: { line: 4 } });
  });

  it('maps consumer options, then consume() options on top, and reads consume() topics', async () => {
    const [consumer] = await clientsOf({
      'consumer.ts': [
        "import { Consumer, FetchIsolationLevels, MessagesStreamModes } from '@platformatic/kafka'",
        "const TOPIC = 'payments'",
        'const consumer = new Consumer({',
        "  groupId: 'billing',",
        "  clientId: 'billing-1',",
        "  bootstrapBrokers: ['localhost:9092'],",
        '  autocommit: false,',
        '  sessionTimeout: 30000,',
        '  heartbeatInterval: 12000,',
        '  isolationLevel: FetchIsolationLevels.READ_UNCOMMITTED,',
        "  protocols: [{ name: 'cooperative-sticky', version: 1 }],",
        '})',
        'const stream = await consumer.consume({',
        "  topics: [TOPIC, 'refunds'],",
        '  mode: MessagesStreamModes.COMMITTED,',
        "  fallbackMode: 'earliest',",
        '  autocommit: 5000,',
        '})',
        '',
      ].join('\n'),
    });
    expect(consumer).toMatchObject({ role: 'consumer', library: 'platformatic', groupId: 'billing', location: { line: 3 } });
    expect(setting(consumer, 'session.timeout.ms')).toMatchObject({ value: 30000, location: { line: 8 } });
    expect(setting(consumer, 'heartbeat.interval.ms')).toMatchObject({ value: 12000, location: { line: 9 } });
    expect(setting(consumer, 'isolation.level')).toMatchObject({ value: 'read_uncommitted', location: { line: 10 } });
    expect(setting(consumer, 'partition.assignment.strategy')).toMatchObject({ value: ['cooperative-sticky'], location: { line: 11 } });
    expect(setting(consumer, 'auto.offset.reset')).toMatchObject({ writtenAs: 'consume({ fallbackMode })', value: 'earliest', location: { line: 16 } });
    // The autocommit of consume() comes after the constructor's, so it is the effective one.
    expect(setting(consumer, 'enable.auto.commit')).toMatchObject({ writtenAs: 'consume({ autocommit })', value: true, raw: '5000', location: { line: 17 } });
    expect(setting(consumer, 'auto.commit.interval.ms')).toMatchObject({ value: 5000, location: { line: 17 } });
    expect(consumer.topics.map((topic) => [topic.name, topic.location.line])).toEqual([['payments', 14], ['refunds', 14]]);
  });

  it('reads send() options and message topics into the producer', async () => {
    const [producer] = await clientsOf({
      'send.ts': [
        "import { Producer } from '@platformatic/kafka'",
        "const producer = new Producer({ clientId: 'p', bootstrapBrokers: ['localhost:9092'], idempotent: true })",
        'export async function publish(order: { id: string }) {',
        "  await producer.send({ messages: [{ topic: 'orders', key: order.id, value: 'x' }, { topic: 'audit', value: 'y' }], acks: 1 })",
        "  await producer.send({ messages: orders.map((o) => ({ topic: 'ignored-computed', value: o })) })",
        '}',
        '',
      ].join('\n'),
    });
    expect(setting(producer, 'acks')).toMatchObject({ writtenAs: 'send({ acks })', value: '1', location: { line: 4 } });
    expect(producer.topics.map((topic) => topic.name)).toEqual(['orders', 'audit']);
  });

  it('follows options imported from another module', async () => {
    const [producer] = await clientsOf({
      'src/kafka-options.ts': "export const producerOptions = {\n  clientId: 'shared',\n  bootstrapBrokers: ['localhost:9092'],\n  acks: 0,\n}\n",
      'src/producer.ts': "import { Producer } from '@platformatic/kafka'\nimport { producerOptions } from './kafka-options.js'\nexport const producer = new Producer({ ...producerOptions, idempotent: false })\n",
    });
    expect(setting(producer, 'acks')).toMatchObject({ value: '0', location: { file: 'src/kafka-options.ts', line: 4, column: 3 } });
  });

  it('keeps the client binding so consume()/close() calls can be found', async () => {
    const files = {
      'c.ts': "import { Consumer } from '@platformatic/kafka'\nconst consumer = new Consumer({ groupId: 'g', clientId: 'c', bootstrapBrokers: ['localhost:9092'] })\nconst stream = await consumer.consume({ topics: ['t'] })\nprocess.on('SIGTERM', () => consumer.close())\n",
    };
    const project = CodeProject.of(newSourceContext(new Map(Object.entries(files))));
    const module = await project.load('c.ts');
    const context: CodeContext = { file: 'c.ts', module, project, values: new ValueResolver(project), imports: new LibraryImports(module) };
    const [client] = detectPlatformaticClients(context).clients;
    expect(client.variable?.name).toBe('consumer');
    expect(methodCalls(client, context).map(({ method }) => method)).toEqual(['consume', 'close']);
  });

  it('does not take a local Producer class or another library for platformatic', async () => {
    const clients = await clientsOf({
      'local.ts': [
        "import { ProduceAcks } from '@platformatic/kafka'",
        'class Producer { constructor(readonly options: object) {} }',
        "export const p = new Producer({ bootstrapBrokers: ['kafka.prod:9092'], acks: ProduceAcks.NO_RESPONSE })",
        '',
      ].join('\n'),
    });
    expect(clients).toEqual([]);
  });
});
