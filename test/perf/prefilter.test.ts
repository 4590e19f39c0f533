// Cost by construction: code files that mention no Kafka client are never parsed, and a run over configuration
// files never loads the TypeScript parser. Counted with --stats, not timed (timings live in `npm run bench`).

import { describe, expect, it } from 'vitest';
import { runInTree } from '../support/run-cli.js';

function serviceTree(total: number, usingKafka: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let index = 0; index < total; index++) {
    const folder = `src/module-${Math.floor(index / 100)}`;
    files[`${folder}/file-${index}.ts`] =
      index < usingKafka
        ? `import { Kafka } from 'kafkajs'\nconst kafka = new Kafka({ clientId: 'svc-${index}', brokers: ['localhost:9092'] })\nexport const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 })\n`
        : `import { helper } from './helper'\nexport function handler${index}(input: string): string {\n  return helper(input).trim()\n}\n`;
  }
  return files;
}

describe('what a run parses', () => {
  it('parses only the 20 of 2,000 code files that import a Kafka client', async () => {
    const run = await runInTree(['--stats', '--format', 'json'], serviceTree(2000, 20));
    expect(run.stderr).toMatch(/^kafkalint stats: 2000 files read, 20 code files parsed \(TypeScript parser loaded\), \d+ ms\n$/);
    const report = JSON.parse(run.stdout);
    expect(new Set(report.findings.map((finding: { file: string }) => finding.file)).size).toBeLessThanOrEqual(20);
  });

  it('never loads the TypeScript parser for configuration files alone', async () => {
    const run = await runInTree(['--stats'], {
      'config/producer.properties': 'bootstrap.servers=localhost:9092\nacks=all\n',
      'deploy/topics.yaml': 'apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nmetadata:\n  name: t\nspec:\n  replicas: 3\n',
    });
    expect(run.stderr).toContain('2 files read, 0 code files parsed (TypeScript parser not loaded)');
  });
});
