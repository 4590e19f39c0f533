// Fuzzing every source: random text and mutated realistic files must never throw, must finish quickly, and every
// location they report (settings, facts, code sites, parse problems) must lie inside the input.
// `npm run fuzz` runs the same properties with many more cases (KAFKALINT_FUZZ_RUNS).

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFileFacts } from '../../src/sources/index.js';
import { newSourceContext } from '../../src/sources/source-context.js';
import { CODE_SEEDS, ENV_SEEDS, JSON_SEEDS, MANIFEST_SEEDS, PROPERTIES_SEEDS, YAML_SEEDS, type Seed } from './fixtures.js';
import { CASE_TIME_LIMIT_MS, caseCounts, countCase, fuzzParameters, mutatedSeed, positionsOutside, randomText } from './fuzz-support.js';

async function extractChecked(source: string, seed: Seed): Promise<void> {
  countCase(source);
  const started = performance.now();
  const facts = await extractFileFacts(seed.path, seed.text, newSourceContext(new Map([[seed.path, seed.text]])));
  const elapsed = performance.now() - started;
  expect(elapsed, `${seed.path} took ${Math.round(elapsed)} ms`).toBeLessThan(CASE_TIME_LIMIT_MS);
  expect(positionsOutside(facts, seed.path, seed.text), JSON.stringify(seed)).toEqual([]);
}

const SOURCES: Array<{ name: string; seeds: Seed[]; quickRuns: number }> = [
  { name: 'properties', seeds: PROPERTIES_SEEDS, quickRuns: 600 },
  { name: 'yaml (spring, compose, strimzi, helm)', seeds: YAML_SEEDS, quickRuns: 500 },
  { name: 'json (client, appsettings, connect)', seeds: JSON_SEEDS, quickRuns: 500 },
  { name: 'env', seeds: ENV_SEEDS, quickRuns: 600 },
  { name: 'manifests', seeds: MANIFEST_SEEDS, quickRuns: 500 },
  { name: 'typescript/javascript', seeds: CODE_SEEDS, quickRuns: 150 },
];

describe('fuzzed sources', () => {
  // Each source's first call imports its parser (TypeScript takes a while): done here so the time bound measures
  // extraction alone.
  beforeAll(async () => {
    for (const { seeds } of SOURCES) for (const seed of seeds) await extractFileFacts(seed.path, seed.text);
  });

  afterAll(() => {
    console.log(`fuzz cases per source: ${[...caseCounts].map(([source, count]) => `${source} ${count}`).join(', ')}`);
  });

  for (const { name, seeds, quickRuns } of SOURCES) {
    it(`${name}: random text never throws and reports positions inside the input`, async () => {
      await fc.assert(fc.asyncProperty(randomText(seeds), (seed) => extractChecked(name, seed)), fuzzParameters(quickRuns));
    });

    it(`${name}: mutated realistic files never throw and report positions inside the input`, async () => {
      await fc.assert(fc.asyncProperty(mutatedSeed(seeds), (seed) => extractChecked(name, seed)), fuzzParameters(quickRuns));
    });
  }

  it('the seeds themselves are read (the fuzzing starts from files the sources understand)', async () => {
    for (const seed of [...PROPERTIES_SEEDS, ...YAML_SEEDS, ...JSON_SEEDS, ...ENV_SEEDS, ...CODE_SEEDS]) {
      const facts = await extractFileFacts(seed.path, seed.text);
      expect(facts.clients.length + facts.brokers.length + facts.topics.length, seed.path).toBeGreaterThan(0);
    }
    for (const seed of MANIFEST_SEEDS) expect((await extractFileFacts(seed.path, seed.text)).dependencies.length, seed.path).toBeGreaterThan(0);
  });

  it('the position check catches a location outside the input (it can fail)', () => {
    const text = 'acks=1\nretries=3';
    expect(positionsOutside({ location: { file: 'p.properties', line: 2, column: 9 } }, 'p.properties', text)).toEqual([]);
    expect(positionsOutside({ location: { file: 'p.properties', line: 3, column: 1 } }, 'p.properties', text)).toHaveLength(1);
    expect(positionsOutside({ location: { file: 'p.properties', line: 1, column: 8 } }, 'p.properties', text)).toHaveLength(1);
    expect(positionsOutside({ problems: [{ file: 'p.properties', line: 0, column: 1 }] }, 'p.properties', text)).toHaveLength(1);
    expect(positionsOutside({ location: { file: 'other.properties', line: 90, column: 1 } }, 'p.properties', text)).toEqual([]);
  });
});
