import { describe, expect, it } from 'vitest';
import { lintFiles } from '../../support/lint-harness.js';

// CodeProject keeps only the most recently used parsed modules between files (memory on big monorepos); a module
// let go is parsed again when a later file needs it. These tests pin that the later file sees the same values.

const producerFile = (configImport: string) =>
  ["import { Kafka } from 'kafkajs'", `import { producerConfig } from '${configImport}'`, "const kafka = new Kafka({ brokers: ['k:9092'] })", 'export const producer = kafka.producer(producerConfig)', ''].join('\n');

/** Enough Kafka modules, each with its own config module, to push an early module out of the kept set. */
function fillerModules(count: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let index = 0; index < count; index++) {
    const name = String(index).padStart(2, '0');
    files[`b/config-${name}.ts`] = 'export const producerConfig = { idempotent: true }\n';
    files[`b/producer-${name}.ts`] = producerFile(`./config-${name}`);
  }
  return files;
}

describe('parsed modules let go between files', () => {
  it('a config module imported by an early and a late file gives both producers its values', async () => {
    const { model } = await lintFiles({
      'a/kafka-config.ts': 'export const producerConfig = {\n  idempotent: false,\n}\n',
      'a/first.ts': producerFile('./kafka-config'),
      ...fillerModules(40),
      'z/last.ts': producerFile('../a/kafka-config'),
    });
    for (const file of ['a/first.ts', 'z/last.ts']) {
      const producer = model.clients.find((client) => client.file === file && client.role === 'producer');
      const idempotence = producer?.settings.find((setting) => setting.key === 'enable.idempotence');
      expect(idempotence, file).toMatchObject({ value: false, location: { file: 'a/kafka-config.ts', line: 2, column: 3 } });
    }
    // Near miss: the filler producers keep their own config modules' values.
    const filler = model.clients.find((client) => client.file === 'b/producer-39.ts');
    expect(filler?.settings.find((setting) => setting.key === 'enable.idempotence')).toMatchObject({ value: true, location: { file: 'b/config-39.ts' } });
  });
});
