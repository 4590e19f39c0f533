// Config rules on @platformatic/kafka clients found in code: findings on the option's line, or on the creation when
// the library default decides (acks falls back to LEADER unless the producer is idempotent).

import { describe, expect, it } from 'vitest';
import { lintFiles, ruleTester } from '../../support/lint-harness.js';

const producer = (options: string) =>
  `import { Producer, ProduceAcks } from '@platformatic/kafka'\nexport const producer = new Producer({\n  clientId: 'orders',\n  ${options}\n})\n`;

const consumer = (options: string) =>
  `import { Consumer } from '@platformatic/kafka'\nexport const consumer = new Consumer({\n  groupId: 'g', clientId: 'c',\n  ${options}\n})\n`;

ruleTester('producer-acks-one', {
  valid: [
    { name: 'an idempotent producer defaults to acks=all', files: { 'producer.ts': producer("bootstrapBrokers: ['localhost:9092'],\n  idempotent: true,") } },
    { name: 'acks ProduceAcks.ALL', files: { 'producer.ts': producer("bootstrapBrokers: ['localhost:9092'],\n  acks: ProduceAcks.ALL,") } },
    { name: 'acks from the environment', files: { 'producer.ts': producer("bootstrapBrokers: ['localhost:9092'],\n  acks: Number(process.env.ACKS),") } },
    {
      name: 'a consumer has no acks',
      files: { 'consumer.ts': consumer("bootstrapBrokers: ['localhost:9092'],") },
    },
  ],
  invalid: [
    {
      name: 'no acks and no idempotence: the @platformatic/kafka default is LEADER',
      files: { 'producer.ts': producer("bootstrapBrokers: ['localhost:9092'],") },
      findings: [{ line: 2, column: 25, messageId: 'leaderOnly', message: 'acks=1 (not set: @platformatic/kafka default)' }],
    },
    {
      name: 'acks ProduceAcks.LEADER written out',
      files: { 'producer.ts': producer("bootstrapBrokers: ['localhost:9092'],\n  acks: ProduceAcks.LEADER,") },
      findings: [{ line: 5, column: 3, message: 'acks=1 (set at line 5)' }],
    },
  ],
});

ruleTester('producer-acks-zero', {
  valid: [{ name: 'acks -1', files: { 'producer.ts': producer("bootstrapBrokers: ['localhost:9092'],\n  acks: -1,") } }],
  invalid: [
    {
      name: 'ProduceAcks.NO_RESPONSE in the constructor',
      files: { 'producer.ts': producer("bootstrapBrokers: ['localhost:9092'],\n  acks: ProduceAcks.NO_RESPONSE,") },
      findings: [{ line: 5, column: 3 }],
    },
    {
      name: 'acks 0 on one send()',
      files: {
        'producer.ts': `${producer("bootstrapBrokers: ['localhost:9092'],")}export const send = () => producer.send({ messages: [{ topic: 't', value: 'v' }], acks: 0 })\n`,
      },
      findings: [{ line: 6, column: 83 }],
    },
  ],
});

ruleTester('idempotence-disabled', {
  valid: [
    { name: 'idempotent producer', files: { 'producer.ts': producer("bootstrapBrokers: ['localhost:9092'],\n  idempotent: true,") } },
    { name: 'a transactional producer', files: { 'producer.ts': producer("bootstrapBrokers: ['localhost:9092'],\n  transactionalId: 'tx-1',") } },
  ],
  invalid: [
    {
      name: 'the @platformatic/kafka default is off',
      files: { 'producer.ts': producer("bootstrapBrokers: ['localhost:9092'],") },
      findings: [{ line: 2, column: 25, message: 'enable.idempotence=false (not set: @platformatic/kafka default)' }],
    },
  ],
});

ruleTester('hardcoded-credentials', {
  valid: [
    { name: 'password from the environment', files: { 'consumer.ts': consumer("bootstrapBrokers: ['localhost:9092'],\n  sasl: { mechanism: 'SCRAM-SHA-512', username: 'u', password: process.env.KAFKA_PASSWORD },") } },
    { name: 'password from an async provider', files: { 'consumer.ts': consumer("bootstrapBrokers: ['localhost:9092'],\n  sasl: { mechanism: 'SCRAM-SHA-512', username: 'u', password: async () => vault.read('kafka') },") } },
    { name: 'a placeholder', files: { 'consumer.ts': consumer("bootstrapBrokers: ['localhost:9092'],\n  sasl: { mechanism: 'SCRAM-SHA-512', username: 'u', password: '${KAFKA_PASSWORD}' },") } },
  ],
  invalid: [
    {
      name: 'a literal SASL password',
      files: { 'consumer.ts': consumer("bootstrapBrokers: ['localhost:9092'],\n  sasl: {\n    mechanism: 'SCRAM-SHA-512',\n    username: 'u',\n    password: 'hunter2',\n  },") },
      findings: [{ line: 8, column: 5, messageId: 'literalSecret' }],
    },
  ],
});

ruleTester('tls-cert-verification-disabled', {
  valid: [
    { name: 'TLS with the CA trusted', files: { 'consumer.ts': consumer("bootstrapBrokers: ['kafka.prod:9093'],\n  tls: { ca: caPem },") } },
    { name: 'rejectUnauthorized true', files: { 'consumer.ts': consumer("bootstrapBrokers: ['kafka.prod:9093'],\n  tls: { rejectUnauthorized: true },") } },
    { name: 'rejectUnauthorized from configuration', files: { 'consumer.ts': consumer("bootstrapBrokers: ['kafka.prod:9093'],\n  tls: { rejectUnauthorized: config.verifyTls },") } },
  ],
  invalid: [
    {
      name: 'rejectUnauthorized false in tls',
      files: { 'consumer.ts': consumer("bootstrapBrokers: ['kafka.prod:9093'],\n  tls: { rejectUnauthorized: false },") },
      findings: [{ line: 5, column: 10 }],
    },
    {
      name: 'rejectUnauthorized false in the ssl alias',
      files: { 'consumer.ts': consumer("bootstrapBrokers: ['kafka.prod:9093'],\n  ssl: {\n    rejectUnauthorized: false,\n  },") },
      findings: [{ line: 6, column: 5 }],
    },
  ],
});

ruleTester('consumer-auto-commit-enabled', {
  valid: [
    { name: 'the default alone', files: { 'consumer.ts': consumer("bootstrapBrokers: ['localhost:9092'],") } },
    { name: 'autocommit false', files: { 'consumer.ts': consumer("bootstrapBrokers: ['localhost:9092'],\n  autocommit: false,") } },
  ],
  invalid: [
    {
      name: 'autocommit true',
      files: { 'consumer.ts': consumer("bootstrapBrokers: ['localhost:9092'],\n  autocommit: true,") },
      findings: [{ line: 5, column: 3 }],
    },
    {
      name: 'autocommit as an interval in consume()',
      files: { 'consumer.ts': `${consumer("bootstrapBrokers: ['localhost:9092'],")}const stream = await consumer.consume({ topics: ['t'], autocommit: 1000 })\n` },
      findings: [{ line: 6, column: 56, message: 'enable.auto.commit=true' }],
    },
  ],
});

ruleTester('plaintext-security-protocol', {
  valid: [
    { name: 'a local broker', files: { 'producer.ts': producer("bootstrapBrokers: ['localhost:9092'],") } },
    { name: 'TLS to a remote broker', files: { 'producer.ts': producer("bootstrapBrokers: ['kafka.prod:9093'],\n  tls: {},") } },
    { name: 'brokers from a resolver', files: { 'producer.ts': producer('bootstrapBrokers: async () => discoverBrokers(),') } },
    { name: 'TLS decided at run time', files: { 'producer.ts': producer("bootstrapBrokers: ['kafka.prod:9093'],\n  tls: useTls ? {} : undefined,") } },
  ],
  invalid: [
    {
      name: 'no tls to a remote broker: reported at bootstrapBrokers',
      files: { 'producer.ts': producer("bootstrapBrokers: ['kafka.prod:9092'],") },
      findings: [{ line: 4, column: 3, messageId: 'clientPlaintext', message: 'not set: @platformatic/kafka default' }],
    },
    {
      name: 'SASL without TLS to a remote broker: reported at sasl',
      files: { 'producer.ts': producer("bootstrapBrokers: ['kafka.prod:9092'],\n  sasl: { mechanism: 'SCRAM-SHA-256', username: 'u', password: process.env.PW },") },
      findings: [{ line: 5, column: 3, messageId: 'clientSaslPlaintext' }],
    },
  ],
});

ruleTester('sasl-plain-without-tls', {
  valid: [
    { name: 'PLAIN over TLS', files: { 'producer.ts': producer("bootstrapBrokers: ['kafka.prod:9093'],\n  tls: {},\n  sasl: { mechanism: 'PLAIN', username: 'u', password: process.env.PW },") } },
  ],
  invalid: [
    {
      name: 'PLAIN without tls',
      files: { 'producer.ts': producer("bootstrapBrokers: ['kafka.prod:9092'],\n  sasl: { mechanism: 'PLAIN', username: 'u', password: process.env.PW },") },
      findings: [{ line: 5, column: 11 }],
    },
  ],
});

ruleTester('client-auto-topic-creation', {
  valid: [{ name: 'the platformatic default is off', files: { 'producer.ts': producer("bootstrapBrokers: ['localhost:9092'],") } }],
  invalid: [
    {
      name: 'autocreateTopics true',
      files: { 'producer.ts': producer("bootstrapBrokers: ['localhost:9092'],\n  autocreateTopics: true,") },
      findings: [{ line: 5, column: 3 }],
    },
  ],
});

describe('secrets from @platformatic/kafka code', () => {
  it('never prints a literal password', async () => {
    const result = await lintFiles({ 'producer.ts': producer("bootstrapBrokers: ['kafka.prod:9092'],\n  sasl: { mechanism: 'PLAIN', username: 'u', password: 'hunter2' },") });
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(expect.arrayContaining(['hardcoded-credentials', 'sasl-plain-without-tls']));
    expect(JSON.stringify(result.findings)).not.toContain('hunter2');
  });
});
