// A configuration that cannot be used stops the run with exit 2 and one line per mistake: the configuration file,
// the line and column of the YAML node at fault, and what was expected.

import { describe, expect, it } from 'vitest';
import { runInTree } from '../support/run-cli.js';

const PRODUCER = { 'services/orders/producer.properties': 'bootstrap.servers=kafka.example.com:9093\nacks=1\n' };

async function configErrors(config: string, extra: Record<string, string> = {}) {
  const run = await runInTree(['--format', 'compact'], { ...PRODUCER, 'kafkalint.config.yaml': config, ...extra });
  expect(run.stdout).toBe('');
  return { exitCode: run.exitCode, lines: run.stderr.trimEnd().split('\n') };
}

describe('configuration errors', () => {
  it('names the line and column of each typo: `rulez:` at the top and `severity: eror` in a policy', async () => {
    const { exitCode, lines } = await configErrors(
      [
        'extends: [recommended]',
        'rulez:',
        '  compression-none: off',
        'policies:',
        '  - id: payments-durability',
        '    severity: eror',
        '    match: { role: producer, topic: "payments.*" }',
        '    require: { acks: all }',
        '',
      ].join('\n'),
    );
    expect(exitCode).toBe(2);
    expect(lines).toEqual([
      'kafkalint.config.yaml:2:1: unknown key "rulez" (did you mean "rules"?)',
      'kafkalint.config.yaml:6:15: policies[0].severity must be one of: error, warning, info, not "eror" (did you mean "error"?)',
    ]);
  });

  it('reports an unknown rule id with the closest one, in rules and in overrides', async () => {
    const { exitCode, lines } = await configErrors(
      ['rules:', '  producer-ack-one: off', 'overrides:', '  - files: ["services/**"]', '    rules:', '      compresion-none: warning', ''].join('\n'),
    );
    expect(exitCode).toBe(2);
    expect(lines).toEqual([
      'kafkalint.config.yaml:2:3: unknown rule "producer-ack-one" in rules (did you mean "producer-acks-one"?)',
      'kafkalint.config.yaml:6:7: unknown rule "compresion-none" in overrides[0].rules (did you mean "compression-none"?)',
    ]);
  });

  it('says what a severity may be', async () => {
    const { lines } = await configErrors('rules:\n  compression-none: warn\n');
    expect(lines).toEqual(['kafkalint.config.yaml:2:21: rules.compression-none must be one of: error, warning, info, off, not "warn" (did you mean "warning"?)']);
  });

  it('folds the alternatives of extends into one line', async () => {
    const { lines } = await configErrors('extends: recomended\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^kafkalint\.config\.yaml:1:10: extends must be recommended, strict, a path to another configuration file \(\.yaml or \.yml\) or a list, not "recomended" \(did you mean "recommended"\?\)$/);
  });

  it('points into a list item and into the object form of an environment', async () => {
    const { lines } = await configErrors(['environments:', '  dev: docker-compose.yml', '  prod:', '    files: deploy/**', ''].join('\n'));
    expect(lines).toEqual([
      'kafkalint.config.yaml:2:8: environments.dev must be a list or a map, not "docker-compose.yml"',
      'kafkalint.config.yaml:4:12: environments.prod.files must be a list, not "deploy/**"',
    ]);
  });

  it('asks for the keys an entry needs', async () => {
    const { lines } = await configErrors('overrides:\n  - files: ["a/**"]\n');
    expect(lines).toEqual(['kafkalint.config.yaml:2:5: overrides[0] needs "rules"']);
  });

  it('reports an environment a policy selects that no file defines', async () => {
    const { lines } = await configErrors(
      ['environments:', '  prod: ["deploy/**"]', 'policies:', '  - id: min-isr', '    match: { resource: topic, environment: prd }', '    require: { min.insync.replicas: { min: 2 } }', ''].join('\n'),
    );
    expect(lines).toEqual(['kafkalint.config.yaml:5:44: policies[0].match.environment names "prd", which is not an environment here (did you mean "prod"?)']);
  });

  it('reports a YAML syntax error with its line and column', async () => {
    const { exitCode, lines } = await configErrors('rules:\n  compression-none: off\n  compression-none: info\n');
    expect(exitCode).toBe(2);
    expect(lines).toEqual(['kafkalint.config.yaml:3:3: YAML syntax error: Map keys must be unique']);
    const unclosed = await configErrors('rules: { compression-none: off\npolicies: []\n');
    expect(unclosed.exitCode).toBe(2);
    expect(unclosed.lines[0]).toMatch(/^kafkalint\.config\.yaml:2:1: YAML syntax error: Flow map .* end with a }$/);
  });

  it('names the extended file for its own mistakes and the extending line for a missing file', async () => {
    const missing = await configErrors('extends: [recommended, ./shared/base.yaml]\n');
    expect(missing.lines).toEqual(['kafkalint.config.yaml:1:24: cannot read configuration file shared/base.yaml (ENOENT)']);
    const broken = await configErrors('extends: [./shared/base.yaml]\n', { 'shared/base.yaml': 'rules:\n  eager-asignor: error\n' });
    expect(broken.lines).toEqual(['shared/base.yaml:2:3: unknown rule "eager-asignor" in rules (did you mean "eager-assignor"?)']);
  });

  it('reports a circle of extends', async () => {
    const { lines } = await configErrors('extends: [./base.yaml]\n', { 'base.yaml': 'extends: [./kafkalint.config.yaml]\n' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^base\.yaml:1:11: extends goes round in a circle: kafkalint\.config\.yaml → base\.yaml → kafkalint\.config\.yaml$/);
  });

  it('exits 2 with one line when --config names a file that does not exist', async () => {
    const run = await runInTree(['--config', 'nope.yaml'], PRODUCER);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe('nope.yaml: cannot read this configuration file (ENOENT)\n');
  });

  it('accepts an empty configuration file', async () => {
    const run = await runInTree(['--format', 'compact'], { ...PRODUCER, 'kafkalint.config.yaml': '# nothing configured yet\n' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('[producer-acks-one]');
  });
});
