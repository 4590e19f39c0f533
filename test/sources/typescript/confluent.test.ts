// The KafkaJS API of @confluentinc/kafka-javascript: `kafkaJS` blocks beside librdkafka keys, in the Kafka object's
// options and in each client's, and the rules that read them.

import { describe, expect, it } from 'vitest';
import type { ClientFacts, RepoModel } from '../../../src/model/types.js';
import { lintFiles } from '../../support/lint-harness.js';

const lines = (...text: string[]) => `${text.join('\n')}\n`;

async function modelOf(files: Record<string, string>): Promise<RepoModel> {
  return (await lintFiles(files)).model;
}

const pairs = (client: ClientFacts) => client.settings.map((setting) => `${setting.key}=${JSON.stringify(setting.value)}`);

function only(model: RepoModel, role: string): ClientFacts {
  const clients = model.clients.filter((client) => client.role === role);
  expect(clients).toHaveLength(1);
  return clients[0];
}

describe('which new Kafka() is a CKJS KafkaJS client', () => {
  const libraryOf = async (header: string, constructor: string) =>
    (await modelOf({ 'p.ts': lines(header, `export const producer = new ${constructor}({ kafkaJS: { brokers: ['k:9092'] } }).producer()`) })).clients.map((client) => client.library);

  it('require(...).KafkaJS, the KafkaJS namespace import, and destructuring it', async () => {
    expect(await libraryOf("const { Kafka } = require('@confluentinc/kafka-javascript').KafkaJS", 'Kafka')).toEqual(['confluent-kafka-javascript']);
    expect(await libraryOf("import { KafkaJS } from '@confluentinc/kafka-javascript'", 'KafkaJS.Kafka')).toEqual(['confluent-kafka-javascript']);
    expect(await libraryOf("import { KafkaJS } from '@confluentinc/kafka-javascript'\nconst { Kafka: K } = KafkaJS", 'K')).toEqual(['confluent-kafka-javascript']);
  });

  it('near miss: the package imported for something else gives no KafkaJS client', async () => {
    const model = await modelOf({ 'types.ts': lines("import { KafkaJS } from '@confluentinc/kafka-javascript'", 'export const level = KafkaJS.logLevel.INFO') });
    expect(model.clients).toEqual([]);
  });
});

describe('kafkaJS blocks and librdkafka keys', () => {
  it('reads the block, then the librdkafka keys, which the client applies last', async () => {
    const model = await modelOf({
      'c.ts': lines(
        "const { Kafka } = require('@confluentinc/kafka-javascript').KafkaJS",
        'const kafka = new Kafka({',
        "  kafkaJS: { clientId: 'billing', brokers: ['kafka-1:9093'], ssl: true, sasl: { mechanism: 'scram-sha-512', username: 'billing', password: process.env.KAFKA_PASSWORD } },",
        "  'security.protocol': 'sasl_ssl',",
        "  'sasl.mechanisms': 'SCRAM-SHA-512',",
        '  oauthbearer_token_refresh_cb: () => {},',
        '})',
        'const consumer = kafka.consumer({',
        "  kafkaJS: { groupId: 'billing', fromBeginning: true, autoCommit: false, rebalanceTimeout: 300000, readUncommitted: false },",
        "  'enable.auto.offset.store': false,",
        '})',
        "await consumer.subscribe({ topics: ['invoices'] })",
        'await consumer.run({ autoCommit: true, eachMessage: async () => {} })',
      ),
    });
    const consumer = only(model, 'consumer');
    expect(pairs(consumer)).toEqual([
      'client.id="billing"',
      'bootstrap.servers=["kafka-1:9093"]',
      'sasl.mechanism="SCRAM-SHA-512"',
      'sasl.username="billing"',
      'sasl.password="process.env.KAFKA_PASSWORD"',
      'security.protocol="SASL_SSL"',
      'security.protocol="SASL_SSL"',
      'sasl.mechanism="SCRAM-SHA-512"',
      'group.id="billing"',
      'max.poll.interval.ms=300000',
      'isolation.level="read_committed"',
      'auto.offset.reset="earliest"',
      'enable.auto.commit=false',
      'enable.auto.offset.store=false',
    ]);
    expect(consumer.groupId).toBe('billing');
    expect(consumer.topics.map((topic) => topic.name)).toEqual(['invoices']);
    const writtenAs = consumer.settings.map((setting) => setting.writtenAs);
    expect(writtenAs).toContain("new Kafka({ kafkaJS: { sasl: { password } } })");
    expect(writtenAs).toContain("new Kafka({ 'sasl.mechanisms' })");
    expect(writtenAs).toContain('consumer({ kafkaJS: { autoCommit } })');
  });

  it('producer: acks and compression are per producer; send() options are not applied', async () => {
    const model = await modelOf({
      'p.ts': lines(
        "import { KafkaJS } from '@confluentinc/kafka-javascript'",
        "const kafka = new KafkaJS.Kafka({ kafkaJS: { brokers: ['k:9092'] } })",
        "const producer = kafka.producer({ kafkaJS: { acks: 1, compression: KafkaJS.CompressionTypes.LZ4, idempotent: false }, 'linger.ms': 10, 'request.required.acks': -1 })",
        "await producer.send({ topic: 'events', messages: [], acks: 0 })",
      ),
    });
    const producer = only(model, 'producer');
    expect(pairs(producer)).toEqual([
      'bootstrap.servers=["k:9092"]',
      'enable.idempotence=false',
      'acks="1"',
      'compression.type="lz4"',
      'linger.ms=10',
      'acks="all"',
    ]);
    expect(producer.topics.map((topic) => topic.name)).toEqual(['events']);
  });

  it('options only run time knows become placeholders', async () => {
    const model = await modelOf({
      'p.ts': lines(
        "const { Kafka } = require('@confluentinc/kafka-javascript').KafkaJS",
        'export const producer = (config) => new Kafka(config).producer({ kafkaJS: { ...config.producer } })',
      ),
    });
    const producer = only(model, 'producer');
    const last = (key: string) => producer.settings.filter((setting) => setting.key === key).at(-1);
    for (const key of ['bootstrap.servers', 'security.protocol', 'enable.idempotence', 'acks']) expect(last(key)?.placeholder, key).toBe(true);
  });
});

describe('configuration rules on CKJS clients', () => {
  async function findings(files: Record<string, string>, ruleIds: string[]) {
    const result = await lintFiles(files);
    return result.findings.filter((finding) => ruleIds.includes(finding.ruleId)).map((finding) => `${finding.ruleId} ${finding.line}:${finding.column}`);
  }

  it('a producer without idempotent: idempotence-disabled with the CKJS default named', async () => {
    const files = { 'p.ts': lines("const { Kafka } = require('@confluentinc/kafka-javascript').KafkaJS", "export const producer = new Kafka({ kafkaJS: { clientId: 'p', brokers: ['localhost:9092'] } }).producer()") };
    const result = await lintFiles(files);
    const [finding] = result.findings.filter((candidate) => candidate.ruleId === 'idempotence-disabled');
    expect(finding.message).toContain('enable.idempotence=false (not set: @confluentinc/kafka-javascript default)');
  });

  it('librdkafka keys beside the block: certificate verification off and a literal password', async () => {
    const files = {
      'p.ts': lines(
        "const { Kafka } = require('@confluentinc/kafka-javascript').KafkaJS",
        "const kafka = new Kafka({ kafkaJS: { clientId: 'p', brokers: ['kafka-1:9093'], ssl: true }, 'enable.ssl.certificate.verification': false, 'sasl.username': 'svc', 'sasl.password': 'Ckjs-Pw-2024' })",
        'export const producer = kafka.producer()',
      ),
    };
    expect(await findings(files, ['tls-cert-verification-disabled', 'hardcoded-credentials'])).toEqual(['tls-cert-verification-disabled 2:93', 'hardcoded-credentials 2:163']);
  });

  it('acks in the producer block, and rebalanceTimeout as the max poll interval', async () => {
    const files = {
      'app.ts': lines(
        "import { KafkaJS } from '@confluentinc/kafka-javascript'",
        "const kafka = new KafkaJS.Kafka({ kafkaJS: { clientId: 'app', brokers: ['localhost:9092'] } })",
        'const producer = kafka.producer({ kafkaJS: { acks: 1 } })',
        "const consumer = kafka.consumer({ kafkaJS: { groupId: 'g', rebalanceTimeout: 20000 } })",
      ),
    };
    expect(await findings(files, ['producer-acks-one', 'max-poll-interval-too-low'])).toEqual(['producer-acks-one 3:46', 'max-poll-interval-too-low 4:60']);
  });
});
