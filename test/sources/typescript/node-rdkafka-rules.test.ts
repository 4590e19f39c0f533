// Config rules on node-rdkafka (and @confluentinc/kafka-javascript callback API) clients found in code: the finding
// is on the line of the flat librdkafka key, or on the creation when a library default decides.

import { describe, expect, it } from 'vitest';
import { lintFiles, ruleTester } from '../../support/lint-harness.js';

const producer = (conf: string, topicConf = '') =>
  `const Kafka = require('node-rdkafka')\nconst producer = new Kafka.Producer({\n  'metadata.broker.list': 'localhost:9092',\n  ${conf}\n}${topicConf ? `, { ${topicConf} }` : ''})\n`;

const consumer = (conf: string) => `import Kafka from 'node-rdkafka'\nexport const consumer = new Kafka.KafkaConsumer({\n  'group.id': 'g',\n  ${conf}\n}, {})\n`;

ruleTester('producer-acks-zero', {
  valid: [
    { name: 'acks -1 in the topic conf', files: { 'producer.js': producer("dr_cb: true,", "'request.required.acks': -1") } },
    { name: 'acks from the environment', files: { 'producer.js': producer("'request.required.acks': process.env.ACKS,") } },
    {
      name: 'a local class named Producer, not the library',
      files: { 'producer.ts': "class Producer { constructor(readonly conf: object) {} }\nexport const p = new Producer({ 'request.required.acks': 0 })\n// node-rdkafka is used elsewhere\n" },
    },
  ],
  invalid: [
    {
      name: 'request.required.acks 0 in the global conf',
      files: { 'producer.js': producer("'request.required.acks': 0,") },
      findings: [{ line: 4, column: 3, message: 'acks=0 (set at line 4)' }],
    },
    {
      name: 'acks 0 in the topic conf',
      files: { 'producer.js': producer("dr_cb: true,", "'acks': 0") },
      findings: [{ line: 5, column: 6 }],
    },
  ],
});

ruleTester('producer-acks-one', {
  valid: [
    { name: 'librdkafka defaults to acks=all', files: { 'producer.js': producer("dr_cb: true,") } },
    { name: 'acks all written as a string', files: { 'producer.js': producer("'acks': 'all',") } },
  ],
  invalid: [
    {
      name: 'request.required.acks 1 in a HighLevelProducer topic conf',
      files: { 'producer.ts': "import { HighLevelProducer } from 'node-rdkafka'\nconst p = new HighLevelProducer({ 'metadata.broker.list': 'k:9092' }, {\n  'request.required.acks': 1,\n})\n" },
      findings: [{ line: 3, column: 3, messageId: 'leaderOnly' }],
    },
  ],
});

ruleTester('idempotence-disabled', {
  valid: [
    { name: 'enable.idempotence true', files: { 'producer.js': producer("'enable.idempotence': true,") } },
    { name: 'a consumer is not a producer', files: { 'consumer.ts': consumer("'enable.auto.commit': false,") } },
    { name: 'an idempotence flag read from the environment is not judged', files: { 'producer.js': producer("'enable.idempotence': process.env.IDEMPOTENT,") } },
  ],
  invalid: [
    {
      name: 'the librdkafka default, reported at the creation',
      files: { 'producer.js': producer("dr_cb: true,") },
      findings: [{ line: 2, column: 18, messageId: 'librdkafkaDefault', message: 'enable.idempotence=false (not set: node-rdkafka (librdkafka) default)' }],
    },
    {
      name: 'the callback API of @confluentinc/kafka-javascript gets librdkafka defaults',
      files: { 'producer.js': "const { Producer } = require('@confluentinc/kafka-javascript')\nconst p = new Producer({ 'bootstrap.servers': 'k:9092' })\n" },
      findings: [{ line: 2, messageId: 'librdkafkaDefault', message: 'enable.idempotence=false (not set: librdkafka default)' }],
    },
    {
      name: 'explicitly disabled',
      files: { 'producer.js': producer("'enable.idempotence': false,") },
      findings: [{ line: 4, column: 3, messageId: 'disabled' }],
    },
  ],
});

ruleTester('hardcoded-credentials', {
  valid: [
    { name: 'password from the environment', files: { 'consumer.ts': consumer("'sasl.password': process.env.KAFKA_PASSWORD,") } },
    { name: 'a placeholder the deployment replaces', files: { 'consumer.ts': consumer("'sasl.password': '<KAFKA_PASSWORD>',") } },
    { name: 'a password from a secrets helper', files: { 'consumer.ts': consumer("'sasl.password': secrets.get('kafka'),") } },
    { name: 'a username is not a secret', files: { 'consumer.ts': consumer("'sasl.username': 'svc-billing',") } },
  ],
  invalid: [
    {
      name: 'a literal sasl.password',
      files: { 'consumer.ts': consumer("'sasl.username': 'svc',\n  'sasl.password': 'hunter2',") },
      findings: [{ line: 5, column: 3, messageId: 'literalSecret' }],
    },
  ],
});

ruleTester('tls-cert-verification-disabled', {
  valid: [
    { name: 'verification left on', files: { 'consumer.ts': consumer("'security.protocol': 'ssl',\n  'enable.ssl.certificate.verification': true,") } },
    { name: 'verification from the environment', files: { 'consumer.ts': consumer("'enable.ssl.certificate.verification': process.env.VERIFY_TLS,") } },
  ],
  invalid: [
    {
      name: 'verification turned off',
      files: { 'consumer.ts': consumer("'security.protocol': 'ssl',\n  'enable.ssl.certificate.verification': false,") },
      findings: [{ line: 5, column: 3, messageId: 'librdkafkaVerificationOff' }],
    },
  ],
});

ruleTester('consumer-auto-commit-enabled', {
  valid: [
    { name: 'auto-commit turned off', files: { 'consumer.ts': consumer("'enable.auto.commit': false,") } },
    { name: 'the librdkafka default alone is the code rule\'s business, not this one', files: { 'consumer.ts': consumer("'metadata.broker.list': 'localhost:9092',") } },
  ],
  invalid: [
    {
      name: 'auto-commit turned on explicitly',
      files: { 'consumer.ts': consumer("'enable.auto.commit': true,") },
      findings: [{ line: 4, column: 3, message: 'enable.auto.commit=true (set at line 4)' }],
    },
  ],
});

ruleTester('plaintext-security-protocol', {
  valid: [
    { name: 'a local broker', files: { 'consumer.ts': consumer("'metadata.broker.list': 'localhost:9092',") } },
    { name: 'SASL over TLS', files: { 'consumer.ts': consumer("'metadata.broker.list': 'kafka.prod.internal:9093',\n  'security.protocol': 'sasl_ssl',") } },
    { name: 'brokers from the environment', files: { 'consumer.ts': consumer("'metadata.broker.list': process.env.BROKERS,") } },
  ],
  invalid: [
    {
      name: 'default plaintext to a remote broker, reported at the broker list',
      files: { 'consumer.ts': consumer("'metadata.broker.list': 'kafka.prod.internal:9092',") },
      findings: [{ line: 4, column: 3, messageId: 'clientPlaintext', message: 'not set: node-rdkafka (librdkafka) default' }],
    },
  ],
});

describe('secrets from node-rdkafka code', () => {
  it('never prints a literal password', async () => {
    const result = await lintFiles({ 'consumer.ts': consumer("'metadata.broker.list': 'kafka.prod.internal:9092',\n  'sasl.password': 'hunter2',") });
    expect(result.findings.some((finding) => finding.ruleId === 'hardcoded-credentials')).toBe(true);
    expect(JSON.stringify(result.findings)).not.toContain('hunter2');
    expect([...result.secrets]).toContain('hunter2');
  });
});
