// Fuzzing the configuration loader: any kafkalint.config.yaml either loads or fails with ConfigError problems that
// point inside the file; nothing else is thrown, and loading stays fast.

import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-problems.js';
import { loadConfiguration } from '../../src/config/load-config.js';
import { CONFIG_SEEDS, type Seed } from './fixtures.js';
import { CASE_TIME_LIMIT_MS, caseCounts, countCase, fuzzParameters, mutatedSeed, positionsOutside, randomText } from './fuzz-support.js';

const folder = mkdtempSync(join(tmpdir(), 'kafkalint-fuzz-config-'));

async function loadChecked(seed: Seed): Promise<void> {
  countCase('config loader');
  writeFileSync(join(folder, 'kafkalint.config.yaml'), seed.text);
  const started = performance.now();
  let problems: unknown[] = [];
  try {
    await loadConfiguration(folder);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems = error.problems.filter((problem) => problem.file === 'kafkalint.config.yaml' || problem.file.endsWith('/kafkalint.config.yaml'));
    for (const problem of error.problems) expect(problem.message, JSON.stringify(seed)).not.toBe('');
  }
  expect(performance.now() - started).toBeLessThan(CASE_TIME_LIMIT_MS);
  // Problems without a line are about the file as a whole; the others must point inside it.
  const located = problems.filter((problem) => (problem as { line?: number }).line !== undefined).map((problem) => ({ ...(problem as object), file: undefined }));
  expect(positionsOutside(located, 'kafkalint.config.yaml', seed.text), JSON.stringify(seed)).toEqual([]);
}

describe('fuzzed configuration loader', () => {
  // The first load discovers and imports every rule: done once here so the time bound measures the loader alone.
  beforeAll(async () => {
    writeFileSync(join(folder, 'kafkalint.config.yaml'), CONFIG_SEEDS[0].text);
    await loadConfiguration(folder);
  });

  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
    console.log(`fuzz cases: config loader ${caseCounts.get('config loader') ?? 0}`);
  });

  it('random text loads or fails with located ConfigError problems', async () => {
    await fc.assert(fc.asyncProperty(randomText(CONFIG_SEEDS), loadChecked), fuzzParameters(300));
  });

  it('mutated configurations load or fail with located ConfigError problems', async () => {
    await fc.assert(fc.asyncProperty(mutatedSeed(CONFIG_SEEDS), loadChecked), fuzzParameters(300));
  });

  it('the seed configuration itself loads', async () => {
    writeFileSync(join(folder, 'kafkalint.config.yaml'), CONFIG_SEEDS[0].text);
    const configuration = await loadConfiguration(folder);
    expect(configuration?.rules['producer-acks-one']).toBe('error');
  });
});
