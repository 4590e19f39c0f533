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
