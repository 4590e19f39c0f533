// Code files that do not mention Kafka are discovered without their text (src/sources/source-texts.ts): they must
// still count as read, still be importable by a Kafka module, and a file that holds a suppression comment or a
// client import must keep its text.

import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverFiles } from '../../src/engine/discover.js';
import { lintSources } from '../../src/engine/lint.js';
import { runInTree, writeTree } from '../support/run-cli.js';

const TREE = {
  'src/publish.ts': "import { Kafka } from 'kafkajs'\nimport { options } from './options'\nconst kafka = new Kafka({ clientId: 'a', brokers: ['b-1.internal:9092'] })\nexport const producer = kafka.producer(options)\n",
  'src/options.ts': 'export const options = { idempotent: false }\n',
  'src/math.ts': 'export const add = (a: number, b: number) => a + b\n',
  'src/quiet.ts': '// kafkalint-disable-next-line producer-acks-one -- not a Kafka module, but a directive\nexport const x = 1\n',
  'config/producer.properties': 'bootstrap.servers=b-1.internal:9092\nacks=all\n',
};

const keptTexts = (cwd: string) =>
  discoverFiles(['.'], cwd)
    .files.filter((file) => 'text' in file)
    .map((file) => file.path)
    .sort();

describe('deferred texts', () => {
  it('keeps the text of config files and of code that mentions Kafka, not of other code', () => {
    const cwd = writeTree(TREE);
    expect(keptTexts(cwd)).toEqual(['config/producer.properties', 'src/publish.ts', 'src/quiet.ts']);
    expect(discoverFiles(['.'], cwd).files.map((file) => file.path).sort()).toEqual(Object.keys(TREE).sort());
  });

  it('reads an imported module again when a Kafka module takes its options from it', async () => {
    const cwd = writeTree(TREE);
    const run = await runInTree(['--format', 'compact', '--stats'], {}, '', cwd);
    expect(run.stdout).toMatch(/^src\/options\.ts:1:\d+: .*\[idempotence-disabled\]/m);
    expect(run.stderr).toContain('5 files read');
  });

  it('treats an imported module that vanished before it was read as missing, not as an error', async () => {
    const cwd = writeTree(TREE);
    const discovery = discoverFiles(['.'], cwd);
    rmSync(join(cwd, 'src/options.ts'));
    const result = await lintSources(discovery.files, {}, discovery.notes);
    expect(result.findings.map((finding) => finding.ruleId)).not.toContain('idempotence-disabled');
    expect(result.findings.filter((finding) => finding.severity === 'error' && finding.ruleId === 'parse-error')).toEqual([]);
  });

  it('gives the text as it is when read, for a module edited after discovery', async () => {
    const cwd = writeTree(TREE);
    const discovery = discoverFiles(['.'], cwd);
    writeFileSync(join(cwd, 'src/options.ts'), 'export const options = { idempotent: true }\n');
    const result = await lintSources(discovery.files, {}, discovery.notes);
    expect(result.findings.map((finding) => finding.ruleId)).not.toContain('idempotence-disabled');
  });
});
