import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInTree } from '../support/run-cli.js';

const ACKS_ONE = { 'config/producer.properties': 'bootstrap.servers=kafka.example.com:9093\nacks=1\n' };
const CLEAN = { 'config/producer.properties': 'bootstrap.servers=localhost:9092\nacks=all\nclient.id=orders\ncompression.type=zstd\n' };

describe('exit codes', () => {
  it('0 when nothing fails the gate', async () => {
    const run = await runInTree(['--format', 'compact'], CLEAN);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
  });

  it('0 with warnings only, 1 once warnings exceed --max-warnings', async () => {
    const relaxed = await runInTree(['--format', 'compact'], ACKS_ONE);
    expect(relaxed.stdout).toContain('[producer-acks-one]');
    expect(relaxed.exitCode).toBe(0);
    const strict = await runInTree(['--format', 'compact', '--max-warnings', '0'], ACKS_ONE);
    expect(strict.exitCode).toBe(1);
  });

  it('1 when an error-severity finding remains', async () => {
    const run = await runInTree(['--format', 'compact'], { 'producer.properties': 'acks=0\n' });
    expect(run.stdout).toMatch(/^producer\.properties:1:1: error .*\[producer-acks-zero\]$/m);
    expect(run.exitCode).toBe(1);
  });

  it('2 with a one-line reason for an unknown format', async () => {
    const run = await runInTree(['--format', 'xml'], CLEAN);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/^kafkalint: unknown format "xml"; use one of: stylish, compact, json, sarif, github\n$/);
  });

  it('2 with a suggestion for a misspelt format', async () => {
    const run = await runInTree(['--format', 'sarf'], CLEAN);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('did you mean "sarif"');
  });

  it('2 for an unknown flag and for a path that does not exist, without a stack trace', async () => {
    const flag = await runInTree(['--frobnicate'], CLEAN);
    expect(flag.exitCode).toBe(2);
    expect(flag.stderr.trim().split('\n')).toHaveLength(1);
    const missing = await runInTree(['no/such/dir'], CLEAN);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toBe('kafkalint: no such file or folder: no/such/dir\n');
  });
});

describe('options', () => {
  it('--quiet shows errors only', async () => {
    const run = await runInTree(['--format', 'compact', '--quiet'], { ...ACKS_ONE, 'other/producer.properties': 'acks=0\n' });
    expect(run.stdout).toContain('[producer-acks-zero]');
    expect(run.stdout).not.toContain(' warning ');
    expect(run.stdout).not.toContain(' info ');
  });

  it('--output-file writes the report there and nothing to stdout', async () => {
    const run = await runInTree(['--format', 'json', '--output-file', 'reports/kafkalint.json'], ACKS_ONE);
    expect(run.stdout).toBe('');
    const report = JSON.parse(readFileSync(join(run.cwd, 'reports/kafkalint.json'), 'utf8'));
    expect(report.findings.some((finding: { ruleId: string }) => finding.ruleId === 'producer-acks-one')).toBe(true);
  });

  it('--stdin with --stdin-filename lints standard input under that name', async () => {
    const run = await runInTree(['--stdin', '--stdin-filename', 'svc/producer.properties', '--format', 'compact'], {}, 'acks=1\n');
    expect(run.stdout).toMatch(/^svc\/producer\.properties:1:1: warning .*\[producer-acks-one\]$/m);
  });

  it('--stdin without a file name is a usage error', async () => {
    const run = await runInTree(['--stdin'], {}, 'acks=1\n');
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('--stdin needs --stdin-filename');
  });

  it('--preset strict raises warnings to errors', async () => {
    const run = await runInTree(['--format', 'compact', '--preset', 'strict'], ACKS_ONE);
    expect(run.stdout).toMatch(/error .*\[producer-acks-one\]/);
    expect(run.exitCode).toBe(1);
  });

  it('reports paths relative to the working directory with forward slashes', async () => {
    const run = await runInTree(['--format', 'compact', 'config'], ACKS_ONE);
    expect(run.stdout).toMatch(/^config\/producer\.properties:2:1: /m);
  });
});

describe('discovery', () => {
  it('skips dependency folders and notes binary files without failing', async () => {
    const run = await runInTree(['--format', 'json'], {
      'node_modules/pkg/producer.properties': 'acks=0\n',
      'config/blob.properties': 'acks=0\u0000\u0001',
      ...ACKS_ONE,
    });
    const report = JSON.parse(run.stdout);
    const files = report.findings.map((finding: { file: string }) => finding.file);
    expect(files).not.toContain('node_modules/pkg/producer.properties');
    expect(files).toContain('config/producer.properties');
    expect(JSON.stringify(report.notes)).toContain('config/blob.properties');
    expect(run.exitCode).toBe(0);
  });
});

describe('rules and explain', () => {
  it('lists every rule with its severity', async () => {
    const run = await runInTree(['rules']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^producer-acks-one\s+warning\s+durability\s+/m);
  });

  it('lists the rules as JSON for tools', async () => {
    const run = await runInTree(['rules', '--format', 'json']);
    expect(run.exitCode).toBe(0);
    const rules = JSON.parse(run.stdout) as Array<{ id: string; defaultSeverity: string; docsUrl: string }>;
    expect(rules.find((rule) => rule.id === 'producer-acks-one')).toMatchObject({ defaultSeverity: 'warning' });
    expect(rules.every((rule) => rule.docsUrl.endsWith(`/rules/${rule.id}.md`))).toBe(true);
  });

  it('explains a rule with its page', async () => {
    const run = await runInTree(['explain', 'producer-acks-one']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout.startsWith('# producer-acks-one')).toBe(true);
  });

  it('an unknown rule id is exit 2 with a suggestion', async () => {
    const run = await runInTree(['explain', 'producer-ack-one']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe('kafkalint: unknown rule "producer-ack-one" (did you mean "producer-acks-one"?); `kafkalint rules` lists them\n');
  });

  it('--help prints usage and exits 0', async () => {
    const run = await runInTree(['--help']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('Usage: kafkalint');
  });
});

describe("kafkalint's own files", () => {
  it('are not read as Kafka configuration', async () => {
    const run = await runInTree(['--stats', '--format', 'compact'], {
      ...CLEAN,
      'kafkalint.config.yaml': 'extends: [recommended]\n',
      '.kafkalint-baseline.json': '{"version":1,"toolVersion":"0.1.0","entries":[]}\n',
    });
    expect(run.stderr).toContain('1 file read');
  });
});
