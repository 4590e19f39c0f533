// `kafkalint init` and `kafkalint print-config <file>`.

import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STARTER_CONFIG } from '../../src/config/starter-config.js';
import { runInTree, writeTree } from '../support/run-cli.js';

const ACKS_ONE = 'bootstrap.servers=kafka.example.com:9093\nacks=1\n';

describe('kafkalint init', () => {
  it('writes a commented starter configuration with the schema line and the recommended preset', async () => {
    const run = await runInTree(['init']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe('Wrote kafkalint.config.yaml: the recommended preset, with commented examples of every other key.\n');
    const text = readFileSync(join(run.cwd, 'kafkalint.config.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./node_modules/kafkalint/schema/config.json');
    expect(text).toMatch(/^extends: \[recommended\]$/m);
    for (const key of ['rules', 'overrides', 'environments', 'ignorePatterns', 'policies', 'baseline']) expect(text).toMatch(new RegExp(`^# ${key}:`, 'm'));
  });

  it('refuses to overwrite an existing configuration: exit 2, one line', async () => {
    const run = await runInTree(['init'], { 'kafkalint.config.yaml': 'rules: {}\n' });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe('kafkalint: kafkalint.config.yaml already exists here; kafkalint init does not overwrite it\n');
    expect(readFileSync(join(run.cwd, 'kafkalint.config.yaml'), 'utf8')).toBe('rules: {}\n');
    const dotted = await runInTree(['init'], { '.kafkalint.yaml': 'rules: {}\n' });
    expect(dotted.exitCode).toBe(2);
  });

  it('writes examples that are a valid configuration once uncommented', async () => {
    const uncommented = STARTER_CONFIG.split('\n')
      .map((line) => (/^# (?:[A-Za-z]\w*:|\s+\S)/.test(line) ? line.slice(2) : line))
      .join('\n');
    expect(uncommented).toMatch(/^policies:$/m);
    // The example names a baseline file, which --baseline-write creates; any configuration problem would exit 2.
    const run = await runInTree(['--baseline-write'], { 'kafkalint.config.yaml': uncommented, 'producer.properties': ACKS_ONE });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(readFileSync(join(run.cwd, '.kafkalint-baseline.json'), 'utf8')).toContain('producer-acks-one');
  });

  it('then lints the demo repository as before', async () => {
    const shop = mkdtempSync(join(tmpdir(), 'kafkalint-shop-'));
    cpSync('examples/shop', shop, { recursive: true });
    const before = await runInTree(['--format', 'compact'], {}, '', shop);
    const init = await runInTree(['init'], {}, '', shop);
    expect(init.exitCode).toBe(0);
    const after = await runInTree(['--format', 'compact'], {}, '', shop);
    expect(after.stderr).toBe('');
    expect(after.exitCode).toBe(before.exitCode);
    expect(after.stdout).toBe(before.stdout);
    expect(after.stdout).toContain('[producer-acks-one]');
  });
});

describe('kafkalint print-config', () => {
  const files = {
    'kafkalint.config.yaml': [
      'extends: [recommended]',
      'rules:',
      '  compression-none: off',
      'overrides:',
      '  - files: ["services/telemetry/**"]',
      '    rules:',
      '      producer-acks-one: off',
      'environments:',
      '  prod: ["deploy/**"]',
      'policies:',
      '  - id: payments-durability',
      '    severity: error',
      '    match: { role: producer, files: ["services/payments/**"] }',
      '    require: { acks: all }',
      '  - id: topic-min-isr',
      '    match: { resource: topic, environment: prod }',
      '    require: { min.insync.replicas: { min: 2 } }',
      '  - id: no-plaintext',
      '    forbid: { security.protocol: PLAINTEXT }',
      '',
    ].join('\n'),
    'services/telemetry/producer.properties': ACKS_ONE,
    'docker-compose.yml': 'services:\n  kafka:\n    image: confluentinc/cp-kafka:7.6.1\n    environment:\n      KAFKA_NODE_ID: 1\n',
  };

  it('shows an override applied to a file, and where each setting that is not the preset\'s comes from', async () => {
    const run = await runInTree(['print-config', 'services/telemetry/producer.properties'], files);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^# kafkalint print-config services\/telemetry\/producer\.properties$/m);
    expect(run.stdout).toMatch(/^  producer-acks-one: off # overrides\[0\] in kafkalint\.config\.yaml$/m);
    expect(run.stdout).toMatch(/^  compression-none: off # rules in kafkalint\.config\.yaml$/m);
    expect(run.stdout).toMatch(/^  producer-acks-zero: error$/m);
    expect(run.stdout).toMatch(/^overrides:\n  - source: overrides\[0\] in kafkalint\.config\.yaml\n    files:\n      - services\/telemetry\/\*\*$/m);
  });

  it('prints JSON with the resolved rules, the environment and the policies that can apply', async () => {
    const telemetry = await runInTree(['print-config', '--format', 'json', 'services/telemetry/producer.properties'], files);
    const resolved = JSON.parse(telemetry.stdout);
    expect(resolved).toMatchObject({ file: 'services/telemetry/producer.properties', configuration: 'kafkalint.config.yaml', preset: 'recommended', ignored: false, environment: null });
    expect(resolved.rules['producer-acks-one']).toBe('off');
    expect(resolved.rules['idempotence-disabled']).toBe('warning');
    expect(resolved.policies.map((policy: { id: string }) => policy.id)).toEqual(['no-plaintext']);

    const payments = JSON.parse((await runInTree(['print-config', '-f', 'json', 'services/payments/producer.properties'], files)).stdout);
    expect(payments.rules['producer-acks-one']).toBe('warning');
    expect(payments.policies.map((policy: { id: string }) => policy.id)).toEqual(['payments-durability', 'no-plaintext']);

    const deploy = JSON.parse((await runInTree(['print-config', '-f', 'json', 'deploy/topics.yaml'], files)).stdout);
    expect(deploy.environment).toEqual({ name: 'prod', reason: 'matches environments.prod in kafkalint.config.yaml' });
    expect(deploy.policies.map((policy: { id: string }) => policy.id)).toEqual(['topic-min-isr', 'no-plaintext']);
  });

  it('names kafkalint\'s own dev-stack detection as the environment of a single-broker compose file', async () => {
    const run = await runInTree(['print-config', '-f', 'json', 'docker-compose.yml'], files);
    expect(JSON.parse(run.stdout).environment).toEqual({ name: 'dev', reason: 'single-broker docker-compose stack docker-compose.yml, treated as a local development stack' });
  });

  it('works without a configuration file, from a subfolder, and with --config', async () => {
    const bare = JSON.parse((await runInTree(['print-config', '-f', 'json', 'producer.properties'], { 'producer.properties': ACKS_ONE })).stdout);
    expect(bare).toMatchObject({ configuration: null, preset: 'recommended', policies: [] });
    const root = writeTree(files);
    const below = JSON.parse((await runInTree(['print-config', '-f', 'json', 'producer.properties'], {}, '', join(root, 'services/telemetry'))).stdout);
    expect(below).toMatchObject({ file: 'producer.properties', configuration: '../../kafkalint.config.yaml' });
    expect(below.rules['producer-acks-one']).toBe('off');
    writeFileSync(join(root, 'other.yaml'), 'extends: [strict]\n');
    const other = JSON.parse((await runInTree(['print-config', '-f', 'json', '--config', 'other.yaml', 'services/telemetry/producer.properties'], {}, '', root)).stdout);
    expect(other.rules['producer-acks-one']).toBe('error');
  });

  it('exits 2 on an invalid configuration, as the lint command does', async () => {
    const run = await runInTree(['print-config', 'producer.properties'], { 'kafkalint.config.yaml': 'rulez: {}\n' });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe('kafkalint.config.yaml:1:1: unknown key "rulez" (did you mean "rules"?)\n');
  });
});

describe('the README', () => {
  it('shows a configuration example that kafkalint accepts', async () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('## Configuration'));
    const example = /```yaml\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    expect(example).toContain('policies:');
    const run = await runInTree(['print-config', 'services/telemetry/producer.properties'], { 'kafkalint.config.yaml': example });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^  producer-acks-one: off # overrides\[0\] in kafkalint\.config\.yaml$/m);
  });
});
