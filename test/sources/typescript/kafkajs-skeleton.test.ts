import { describe, expect, it } from 'vitest';
import { lintFiles } from '../../support/lint-harness.js';

describe('kafkajs clients in code', () => {
  it('finds a producer and its options, following a const and an imported config object', async () => {
    const { model } = await lintFiles({
      'src/kafka-config.ts': 'export const producerConfig = {\n  idempotent: false,\n}\n',
      'src/producer.ts': [
        "import { Kafka as K } from 'kafkajs'",
        "import { producerConfig } from './kafka-config'",
        "const kafka = new K({ clientId: 'orders', brokers: ['k:9092'] })",
        'export const producer = kafka.producer(producerConfig)',
        '',
      ].join('\n'),
    });
    const producer = model.clients.find((client) => client.role === 'producer');
    expect(producer).toMatchObject({ library: 'kafkajs', file: 'src/producer.ts', location: { line: 4 } });
    const idempotence = producer?.settings.find((setting) => setting.key === 'enable.idempotence');
    expect(idempotence).toMatchObject({ value: false, location: { file: 'src/kafka-config.ts', line: 2, column: 3 } });
    expect(producer?.settings.find((setting) => setting.key === 'client.id')?.value).toBe('orders');
  });

  it('follows require with destructuring and a consumer chained on new Kafka', async () => {
    const { model } = await lintFiles({
      'consumer.js': "const { Kafka } = require('kafkajs')\nconst consumer = new Kafka({ brokers: ['k:9092'] }).consumer({ groupId: 'g' })\n",
    });
    expect(model.clients.map((client) => [client.role, client.groupId ?? client.settings.find((s) => s.key === 'group.id')?.value])).toEqual([['consumer', 'g']]);
  });

  it('a file that only mentions kafkajs in a comment gives nothing', async () => {
    const { model } = await lintFiles({ 'notes.ts': '// we used kafkajs once\nexport const x = 1\n' });
    expect(model.clients).toEqual([]);
  });
});

describe('a Kafka object whose clients are made elsewhere', () => {
  const client = [
    "import { Kafka } from 'kafkajs'",
    "const brokers = ['kafka.example.com:9093']",
    "export const kafka = new Kafka({ brokers, ssl: { rejectUnauthorized: false }, sasl: { mechanism: 'plain', username: 'u', password: 'hunter2' } })",
    '',
  ].join('\n');

  it('still has its security settings checked, once', async () => {
    const { findings } = await lintFiles({ 'src/client.ts': client });
    const ids = findings.map((finding) => `${finding.ruleId}:${finding.line}`);
    expect(ids).toContain('tls-cert-verification-disabled:3');
    expect(ids).toContain('hardcoded-credentials:3');
    expect(JSON.stringify(findings)).not.toContain('hunter2');
  });

  it('is reported once when two other modules make clients from it', async () => {
    const { findings } = await lintFiles({
      'src/client.ts': client,
      'src/producer.ts': "import { kafka } from './client'\nimport type { Producer } from 'kafkajs'\nexport const producer: Producer = kafka.producer()\n",
      'src/consumer.ts': "import { kafka } from './client'\nimport type { Consumer } from 'kafkajs'\nexport const consumer: Consumer = kafka.consumer({ groupId: 'g' })\n",
    });
    expect(findings.filter((finding) => finding.ruleId === 'hardcoded-credentials')).toHaveLength(1);
  });
});
