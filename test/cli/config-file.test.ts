// The configuration file through the real CLI: where it is found, and what rules, overrides, environments,
// ignorePatterns, extends and baseline do to a run.

import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInTree, writeTree } from '../support/run-cli.js';

const ACKS_ONE = 'bootstrap.servers=kafka.example.com:9093\nacks=1\nclient.id=orders\ncompression.type=zstd\nenable.idempotence=false\n';
const ACKS_ALL = 'bootstrap.servers=kafka.example.com:9093\nacks=all\nclient.id=billing\ncompression.type=zstd\n';
const COMPOSE = [
  'services:',
  '  kafka:',
  '    image: confluentinc/cp-kafka:7.6.1',
  '    environment:',
  '      KAFKA_NODE_ID: 1',
  '      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: 1',
  '',
].join('\n');

/** `path:line:col: severity [rule]` of each compact line, the message left out. */
function findingsOf(stdout: string): string[] {
  return stdout
    .split('\n')
    .map((line) => /^(.+?:\d+:\d+): (\w+) .* \[([^\]]+)\]$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map(([, where, severity, rule]) => `${where} ${severity} ${rule}`);
}

async function lint(files: Record<string, string>, argv: string[] = [], cwdBelowRoot?: string) {
  const root = writeTree(files);
  const run = await runInTree(['--format', 'compact', ...argv], {}, '', cwdBelowRoot ? join(root, cwdBelowRoot) : root);
  return { ...run, root, findings: findingsOf(run.stdout) };
}

describe('finding the configuration file', () => {
  it('uses kafkalint.config.yaml in the working directory', async () => {
    const run = await lint({ 'producer.properties': ACKS_ONE, 'kafkalint.config.yaml': 'rules:\n  producer-acks-one: off\n' });
    expect(run.stderr).toBe('');
    expect(run.findings.filter((finding) => finding.endsWith('producer-acks-one'))).toEqual([]);
    expect(run.findings).toContain('producer.properties:5:1 warning idempotence-disabled');
  });

  it('finds it in a folder above, and matches its globs against paths from its own folder', async () => {
    const files = {
      'kafkalint.config.yaml': 'overrides:\n  - files: ["services/orders/**"]\n    rules:\n      producer-acks-one: error\n',
      'services/orders/producer.properties': ACKS_ONE,
      'services/billing/producer.properties': ACKS_ONE,
    };
    const run = await lint(files, ['.', '../billing'], 'services/orders');
    expect(run.stderr).toBe('');
    expect(run.findings).toContain('producer.properties:2:1 error producer-acks-one');
    expect(run.findings).toContain('../billing/producer.properties:2:1 warning producer-acks-one');
  });

  it('takes .kafkalint.yaml too', async () => {
    const run = await lint({ 'producer.properties': ACKS_ONE, '.kafkalint.yaml': 'rules:\n  producer-acks-one: error\n' });
    expect(run.findings).toContain('producer.properties:2:1 error producer-acks-one');
  });

  it('stops looking at the root of a repository (a folder with .git)', async () => {
    const files = { 'kafkalint.config.yaml': 'rules:\n  producer-acks-one: error\n', 'repo/producer.properties': ACKS_ONE };
    const root = writeTree(files);
    mkdirSync(join(root, 'repo', '.git'));
    const run = await runInTree(['--format', 'compact'], {}, '', join(root, 'repo'));
    expect(findingsOf(run.stdout)).toContain('producer.properties:2:1 warning producer-acks-one');
  });

  it('uses the file --config names instead, with globs relative to its folder', async () => {
    const files = {
      'kafkalint.config.yaml': 'rules:\n  producer-acks-one: error\n',
      'ci/kafkalint.yaml': 'overrides:\n  - files: ["../services/telemetry/**"]\n    rules:\n      producer-acks-one: off\n',
      'services/telemetry/producer.properties': ACKS_ONE,
      'services/orders/producer.properties': ACKS_ONE,
    };
    const run = await lint(files, ['--config', 'ci/kafkalint.yaml']);
    expect(run.stderr).toBe('');
    expect(run.findings.filter((finding) => finding.endsWith('producer-acks-one'))).toEqual(['services/orders/producer.properties:2:1 warning producer-acks-one']);
  });
});

describe('rules and overrides', () => {
  const files = {
    'kafkalint.config.yaml': [
      'rules:',
      '  producer-acks-one: off',
      'overrides:',
      '  - files: ["services/**"]',
      '    rules: { producer-acks-one: warning, idempotence-disabled: off }',
      '  - files: ["services/payments/**"]',
      '    rules: { producer-acks-one: error }',
      '',
    ].join('\n'),
    'producer.properties': ACKS_ONE,
    'services/telemetry/producer.properties': ACKS_ONE,
    'services/payments/producer.properties': ACKS_ONE,
  };

  it('applies the last override that matches a file; off drops the rule there; a rule off elsewhere runs where an override turns it on', async () => {
    const run = await lint(files);
    expect(run.stderr).toBe('');
    const relevant = run.findings.filter((finding) => /producer-acks-one|idempotence-disabled/.test(finding));
    expect(relevant).toEqual([
      'producer.properties:5:1 warning idempotence-disabled',
      'services/payments/producer.properties:2:1 error producer-acks-one',
      'services/telemetry/producer.properties:2:1 warning producer-acks-one',
    ]);
  });

  it('takes the preset from extends, and --preset over it', async () => {
    const strict = await lint({ 'producer.properties': ACKS_ONE, 'kafkalint.config.yaml': 'extends: [strict]\n' });
    expect(strict.findings).toContain('producer.properties:2:1 error producer-acks-one');
    const flag = await lint({ 'producer.properties': ACKS_ONE, 'kafkalint.config.yaml': 'extends: [strict]\n' }, ['--preset', 'recommended']);
    expect(flag.findings).toContain('producer.properties:2:1 warning producer-acks-one');
  });

  it('merges extended files in order, the extending file last', async () => {
    const run = await lint({
      'producer.properties': ACKS_ONE,
      'shared/base.yaml': 'extends: [strict]\nrules:\n  producer-acks-one: info\n  idempotence-disabled: off\n',
      'kafkalint.config.yaml': 'extends: [./shared/base.yaml]\nrules:\n  producer-acks-one: error\n',
    });
    expect(run.stderr).toBe('');
    expect(run.findings).toContain('producer.properties:2:1 error producer-acks-one');
    expect(run.findings.some((finding) => finding.endsWith('idempotence-disabled'))).toBe(false);
    // strict from the base raises what neither file sets: missing-client-id is info in recommended.
    const noClientId = await lint({ 'p.properties': ACKS_ALL.replace('client.id=billing\n', ''), 'kafkalint.config.yaml': 'extends: [./base.yaml]\n', 'base.yaml': 'extends: [strict]\n' });
    expect(noClientId.findings).toContain('p.properties:1:1 warning missing-client-id');
  });
});

describe('environments', () => {
  it('lowers durability findings in dev to info and says which configuration entry made it dev', async () => {
    const run = await lint({ 'kafkalint.config.yaml': 'environments:\n  dev: ["local/**"]\n', 'local/producer.properties': ACKS_ONE, 'producer.properties': ACKS_ONE });
    expect(run.findings).toContain('local/producer.properties:2:1 info producer-acks-one');
    expect(run.findings).toContain('producer.properties:2:1 warning producer-acks-one');
    expect(run.stdout).toContain('Reported as info: matches environments.dev in kafkalint.config.yaml.');
  });

  it('keeps kafkalint\'s own dev-stack detection when the configuration does not name dev', async () => {
    const run = await lint({ 'docker-compose.yml': COMPOSE });
    expect(run.findings).toContain('docker-compose.yml:6:7 info replication-factor-too-low');
    const other = await lint({ 'docker-compose.yml': COMPOSE, 'kafkalint.config.yaml': 'environments:\n  staging: ["deploy/**"]\n' });
    expect(other.findings).toContain('docker-compose.yml:6:7 info replication-factor-too-low');
  });

  it('turns that detection off with dev: [] and overrides it by naming the file in another environment', async () => {
    const off = await lint({ 'docker-compose.yml': COMPOSE, 'kafkalint.config.yaml': 'environments:\n  dev: []\n' });
    expect(off.findings).toContain('docker-compose.yml:6:7 error replication-factor-too-low');
    const prod = await lint({ 'docker-compose.yml': COMPOSE, 'kafkalint.config.yaml': 'environments:\n  prod: ["docker-compose.yml"]\n' });
    expect(prod.findings).toContain('docker-compose.yml:6:7 error replication-factor-too-low');
  });

  it('applies an environment\'s own rules to its files', async () => {
    const run = await lint({
      'kafkalint.config.yaml': 'environments:\n  telemetry:\n    files: ["telemetry/**"]\n    rules: { producer-acks-one: off }\n',
      'telemetry/producer.properties': ACKS_ONE,
      'producer.properties': ACKS_ONE,
    });
    expect(run.findings.filter((finding) => finding.endsWith('producer-acks-one'))).toEqual(['producer.properties:2:1 warning producer-acks-one']);
  });
});

describe('ignorePatterns', () => {
  const files = {
    'kafkalint.config.yaml': 'ignorePatterns:\n  - "fixtures/**"\n  - "!fixtures/keep/**"\n',
    'fixtures/broken/producer.properties': ACKS_ONE,
    'fixtures/keep/producer.properties': ACKS_ONE,
    'legacy/producer.properties': ACKS_ONE,
  };

  it('skips ignored files, reads a file a later !pattern takes back', async () => {
    const run = await lint(files);
    expect(run.stdout).not.toContain('fixtures/broken');
    expect(run.findings).toContain('fixtures/keep/producer.properties:2:1 warning producer-acks-one');
    expect(run.findings).toContain('legacy/producer.properties:2:1 warning producer-acks-one');
  });

  it('adds --ignore-pattern (relative to the working directory) and reads everything with --no-ignore', async () => {
    const more = await lint(files, ['--ignore-pattern', 'legacy/']);
    expect(more.stdout).not.toContain('legacy/');
    const all = await lint(files, ['--no-ignore', '--ignore-pattern', 'legacy/']);
    expect(all.findings).toContain('fixtures/broken/producer.properties:2:1 warning producer-acks-one');
    expect(all.findings).toContain('legacy/producer.properties:2:1 warning producer-acks-one');
  });

  it('notes a named file it skips, rather than silently linting nothing', async () => {
    const run = await lint(files, ['--format', 'json', 'fixtures/broken/producer.properties']);
    const report = JSON.parse(run.stdout) as { findings: unknown[]; notes: Array<{ file: string; reason: string }> };
    expect(report.findings).toEqual([]);
    expect(report.notes).toEqual([{ file: 'fixtures/broken/producer.properties', reason: 'skipped: matches an ignore pattern (--no-ignore reads it)' }]);
  });
});

describe('policies', () => {
  it('hands the policies to the engine, their file globs seen from the configuration folder', async () => {
    const files = {
      'kafkalint.config.yaml': 'policies:\n  - id: orders-acks\n    match: { role: producer, files: ["services/orders/**"] }\n    require: { acks: all }\n',
      'services/orders/producer.properties': ACKS_ONE,
      'services/billing/producer.properties': ACKS_ONE,
    };
    const run = await lint(files, ['.', '../billing'], 'services/orders');
    expect(run.stderr).toBe('');
    expect(run.findings.filter((finding) => finding.endsWith('policy-violation'))).toEqual(['producer.properties:2:1 error policy-violation']);
  });
});

describe('baseline', () => {
  it('writes and reads the baseline file the configuration names, relative to the configuration', async () => {
    const files = { 'kafkalint.config.yaml': 'baseline: baselines/kafka.json\n', 'services/orders/producer.properties': ACKS_ONE };
    const root = writeTree(files);
    const write = await runInTree(['--baseline-write'], {}, '', join(root, 'services'));
    expect(write.exitCode).toBe(0);
    expect(existsSync(join(root, 'baselines', 'kafka.json'))).toBe(true);
    const again = await runInTree(['--format', 'compact'], {}, '', join(root, 'services'));
    expect(findingsOf(again.stdout)).toEqual([]);
  });
});
