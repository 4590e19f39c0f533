// Bugs the fuzz suites found, each kept as a plain regression test next to the fix it motivated.

import { describe, expect, it } from 'vitest';
import { extractFileFacts } from '../../src/sources/index.js';
import { runInTree } from '../support/run-cli.js';
import { positionsOutside } from './fuzz-support.js';

describe('found by fuzzing', () => {
  // src/sources/yaml/yaml-source.ts: the yaml lexer's LineCounter skipped the line break inside the token it
  // recovered from after a stray `*` alias, so every position after it (here: the valid KafkaTopic) was a line early.
  it('a syntax error in the first YAML document does not shift the positions of the documents after it', async () => {
    const text = [
      '*/apiVersion: kafka.strimzi.io/v1beta2',
      'kind: Kafka',
      'metadata:',
      '  name: prod',
      '---',
      'apiVersion: kafka.strimzi.io/v1beta2',
      'kind: KafkaTopic',
      'metadata:',
      '  name: orders',
      '  labels:',
      '    strimzi.io/cluster: prod',
      'spec:',
      '  partitions: 6',
      '  replicas: 1',
    ].join('\n');
    const facts = await extractFileFacts('deploy/kafka.yaml', text);
    expect(facts.problems.map((problem) => problem.line)).toEqual([1]);
    const topic = facts.topics.find((candidate) => candidate.name === 'orders');
    expect(topic?.partitions?.location).toMatchObject({ line: 13, column: 3 });
    expect(topic?.replicationFactor?.location).toMatchObject({ line: 14, column: 3 });
    expect(positionsOutside(facts, 'deploy/kafka.yaml', text)).toEqual([]);
  });

  // src/config/load-config.ts: toJS threw ReferenceError on an alias without its anchor, which the CLI reported as an
  // internal error instead of a problem in the configuration file.
  it('a configuration with an unresolved YAML alias is a configuration problem (exit 2), not an internal error', async () => {
    const run = await runInTree([], { 'kafkalint.config.yaml': '<<: *a\n', 'producer.properties': 'acks=1\n' });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/^kafkalint\.config\.yaml:1:1: YAML error: Unresolved alias/);
    expect(run.stderr).not.toContain('internal error');
  });

  // The same fix covers a billion-laughs configuration: yaml's maxAliasCount stops the expansion with a ReferenceError.
  it('a configuration that is a YAML alias bomb is a configuration problem (exit 2), not an internal error', async () => {
    const levels = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let level = 1; level < 10; level += 1) {
      levels.push(`${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(9).fill(`*${String.fromCharCode(96 + level)}`).join(', ')}]`);
    }
    const run = await runInTree([], { 'kafkalint.config.yaml': `${levels.join('\n')}\nrules: *j\n` });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/^kafkalint\.config\.yaml:1:1: YAML error: Excessive alias count/);
  });

  // src/config/yaml-locations.ts: the same LineCounter gap as the YAML source put configuration problems on lines
  // that the file does not have.
  it('configuration syntax problems point at the line and column of the token at fault', async () => {
    const text = [
      '  - files: ["test/**"]',
      'rules:',
      '  producer-acks-one: error',
      'environments:',
      '  dev:',
      '    - "docker/**"',
      'overrides:',
      'extends: recommended',
      '    rules:',
      '      producer-acks-one: off',
      'ignorePatterns:',
      '  - "legacy/**"',
    ].join('\n');
    const run = await runInTree([], { 'kafkalint.config.yaml': text });
    expect(run.exitCode).toBe(2);
    // Before the fix these were reported one line early (9:26, a column line 9 does not have; 10:1).
    expect(run.stderr).toMatch(/^kafkalint\.config\.yaml:10:26: .*"off"$/m);
    expect(run.stderr).toMatch(/^kafkalint\.config\.yaml:11:1: .*"ignorePatterns"$/m);
  });
});
