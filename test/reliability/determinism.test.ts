// The same input gives byte-identical output in every format: run twice, in two different folders (no absolute
// paths, no timestamps), and with the engine given the files in shuffled orders (its output order is its own).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { enabledRules, lintSources, type SourceFile } from '../../src/engine/lint.js';
import { buildReportInput, FORMAT_NAMES, formatReport } from '../../src/report/index.js';
import { runInTree } from '../support/run-cli.js';
import { CODE_SEEDS, ENV_SEEDS, JSON_SEEDS, MANIFEST_SEEDS, PROPERTIES_SEEDS, YAML_SEEDS } from './fixtures.js';
import { fuzzParameters } from './fuzz-support.js';

const SEEDS = [...PROPERTIES_SEEDS, ...YAML_SEEDS, ...JSON_SEEDS, ...ENV_SEEDS, ...MANIFEST_SEEDS, ...CODE_SEEDS];
const FILES: Record<string, string> = Object.fromEntries(SEEDS.map((seed) => [seed.path, seed.text]));
// Cross-file findings (a producer and the broker that sets min.insync.replicas) and a broken file are part of it.
FILES['broken/kafka-client.json'] = '{ "acks": "1",, }';

async function formatAll(files: SourceFile[]): Promise<Record<string, string>> {
  const result = await lintSources(files);
  const rules = await enabledRules({});
  return Object.fromEntries(FORMAT_NAMES.map((format) => [format, formatReport(format, buildReportInput(result, rules, { toolVersion: '0.0.0', color: false }))]));
}

describe('deterministic output', () => {
  it('the fixture gives findings across several files (so ordering has something to get wrong)', async () => {
    const run = await runInTree(['--format', 'json'], FILES);
    const files = new Set((JSON.parse(run.stdout) as { findings: Array<{ file: string }> }).findings.map((finding) => finding.file));
    expect(files.size).toBeGreaterThan(5);
  });

  for (const format of FORMAT_NAMES) {
    it(`${format}: two runs in two different folders are byte-identical`, async () => {
      const first = await runInTree(['--format', format], FILES);
      const second = await runInTree(['--format', format], FILES);
      expect(first.cwd).not.toBe(second.cwd);
      expect(second.stdout).toBe(first.stdout);
      expect(second.exitCode).toBe(first.exitCode);
      expect(first.stdout).not.toContain(first.cwd);
      expect(first.stdout).not.toMatch(/\b20\d\d-\d\d-\d\dT\d\d:\d\d/);
    });
  }

  it('every format is independent of the order the engine is given the files in', async () => {
    const inOrder = SEEDS.map((seed) => ({ path: seed.path, text: FILES[seed.path] })).concat([{ path: 'broken/kafka-client.json', text: FILES['broken/kafka-client.json'] }]);
    inOrder.sort((left, right) => left.path.localeCompare(right.path));
    const expected = await formatAll(inOrder);
    expect(expected.json.length).toBeGreaterThan(100);
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(inOrder, { minLength: inOrder.length, maxLength: inOrder.length }), async (shuffled) => {
        expect(await formatAll(shuffled)).toEqual(expected);
      }),
      fuzzParameters(8),
    );
  });
});
