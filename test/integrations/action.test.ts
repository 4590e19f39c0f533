// The GitHub Action's entry point run in-process with a simulated runner: INPUT_* variables, GITHUB_WORKSPACE,
// GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, on a small fixture repository.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAction } from '../../src/action/run-action.js';
import { docsUrl } from '../../src/engine/rule.js';
import { writeTree } from '../support/run-cli.js';

interface ActionRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  workspace: string;
}

const REPO = {
  'config/producer.properties': 'bootstrap.servers=kafka:9092\nacks=0\nclient.id=orders\n',
  'config/consumer.properties': 'bootstrap.servers=kafka:9092\ngroup.id=billing\nclient.id=billing\nauto.offset.reset=latest\n',
  'README.md': 'acks=0 in prose is not a config file\n',
};

/** Only warnings and infos: plaintext-security-protocol (warning) and a few library-default infos. */
const WARNINGS_ONLY = { 'config/consumer.properties': REPO['config/consumer.properties'] };

function readOutputs(text: string): Record<string, string> {
  return Object.fromEntries(text.split('\n').filter(Boolean).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
}

async function simulate(files: Record<string, string>, inputs: Record<string, string> = {}): Promise<ActionRun> {
  const workspace = writeTree(files);
  const runnerFiles = mkdtempSync(join(tmpdir(), 'kafkalint-runner-'));
  const outputFile = join(runnerFiles, 'output');
  const summaryFile = join(runnerFiles, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: Record<string, string> = { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: workspace, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile };
  // The runner's spelling: INPUT_ + upper-cased name, hyphens kept; unset inputs arrive as their defaults.
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  let stdout = '';
  let stderr = '';
  const exitCode = await runAction({ cwd: workspace, env, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { exitCode, stdout, stderr, outputs: readOutputs(readFileSync(outputFile, 'utf8')), summary: readFileSync(summaryFile, 'utf8'), workspace };
}

describe('GitHub Action entry point', () => {
  it('annotates, summarises, writes SARIF and sets outputs with the right counts', async () => {
    const run = await simulate(REPO, { format: 'github' });
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toEqual({ findings: '8', errors: '1', warnings: '3', 'sarif-file': join(run.workspace, 'kafkalint.sarif') });

    const annotations = run.stdout.split('\n').filter((line) => /^::(error|warning|notice) /.test(line));
    expect(annotations).toHaveLength(8);
    expect(annotations.filter((line) => line.startsWith('::error '))).toEqual([
      expect.stringMatching(/^::error file=config\/producer\.properties,line=2,endLine=2,col=1,endColumn=\d+,title=kafkalint\(producer-acks-zero\)::Producer does not wait/),
    ]);
    // format: github prints the annotations only, no stylish report.
    expect(run.stdout.split('\n').filter((line) => line !== '' && !line.startsWith('::'))).toEqual([]);

    expect(run.summary).toContain('2 files linted: 1 error, 3 warnings, 4 infos. The step fails (fail-on: error).');
    expect(run.summary).toContain(`| [producer-acks-zero](${docsUrl('producer-acks-zero')}) | error | 1 | 1 |`);
    expect(run.summary).toContain(`| [plaintext-security-protocol](${docsUrl('plaintext-security-protocol')}) | warning | 2 | 2 |`);
    const tableRows = run.summary.split('\n').filter((line) => line.startsWith('| ['));
    expect(tableRows.map((row) => row.split(' | ')[1])).toEqual(['error', 'warning', 'warning', 'info', 'info', 'info', 'info']);

    const sarif = JSON.parse(readFileSync(run.outputs['sarif-file'], 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    const results = sarif.runs[0].results as Array<{ ruleId: string; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> }>;
    expect(results).toHaveLength(8);
    const acksZero = results.find((result) => result.ruleId === 'producer-acks-zero')!;
    expect(acksZero.level).toBe('error');
    expect(acksZero.locations[0].physicalLocation.artifactLocation.uri).toBe('config/producer.properties');
    expect(acksZero.locations[0].physicalLocation.region.startLine).toBe(2);
  });

  it('prints the readable report (stylish by default) before the annotations', async () => {
    const run = await simulate(REPO);
    const firstAnnotation = run.stdout.indexOf('::error ');
    expect(run.stdout.indexOf('config/producer.properties')).toBeLessThan(firstAnnotation);
    expect(run.stdout).toContain('✖ 8 problems (1 error, 3 warnings, 4 infos)');
  });

  it('passes with warnings only, and fails on the same warnings with max-warnings 0', async () => {
    const lenient = await simulate(WARNINGS_ONLY);
    expect(lenient.exitCode).toBe(0);
    expect(lenient.outputs).toMatchObject({ errors: '0', warnings: '1' });
    expect(lenient.summary).toContain('The step passes.');

    const strict = await simulate(WARNINGS_ONLY, { 'max-warnings': '0' });
    expect(strict.exitCode).toBe(1);
    expect(strict.summary).toContain('The step fails (fail-on: error, max-warnings: 0).');
    expect(strict.stderr).toContain('kafkalint: 0 errors, 1 warning. The step fails');
  });

  it('fail-on: warning fails on a warning; fail-on: never passes despite an error', async () => {
    expect((await simulate(WARNINGS_ONLY, { 'fail-on': 'warning' })).exitCode).toBe(1);
    const never = await simulate(REPO, { 'fail-on': 'never' });
    expect(never.exitCode).toBe(0);
    expect(never.outputs.errors).toBe('1');
    expect(never.summary).toContain('The step passes (fail-on: never).');
  });

  it('a clean repository passes with zero counts and an empty SARIF run', async () => {
    const run = await simulate({ 'app/producer.properties': 'bootstrap.servers=localhost:9092\nacks=all\nclient.id=app\ncompression.type=lz4\n' }, { paths: 'app' });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ findings: '0', errors: '0', warnings: '0' });
    expect(JSON.parse(readFileSync(run.outputs['sarif-file'], 'utf8')).runs[0].results).toEqual([]);
    expect(run.summary).not.toContain('| Rule |');
  });

  it('lints only the paths given (space or newline separated) and writes SARIF where sarif-file says', async () => {
    const run = await simulate(REPO, { paths: 'config/consumer.properties\n README.md', 'sarif-file': 'reports/kafka.sarif' });
    expect(run.outputs).toMatchObject({ errors: '0', warnings: '1', 'sarif-file': join(run.workspace, 'reports/kafka.sarif') });
  });

  it('ends with a notice when there are more annotations than GitHub shows', async () => {
    const files = Object.fromEntries(Array.from({ length: 12 }, (_, index) => [`p${index}.properties`, 'bootstrap.servers=localhost:9092\nacks=0\n']));
    const run = await simulate(files, { format: 'github' });
    expect(run.outputs.errors).toBe('12');
    expect(run.stdout).toMatch(/::notice title=kafkalint%3A more findings than annotations::.*: 2 errors, 2 warnings, 14 notices are not annotated/);
  });

  it('rejects a wrong input with an error annotation and exit 2, writing no outputs', async () => {
    const run = await simulate(REPO, { 'fail-on': 'sometimes' });
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toBe('::error title=kafkalint::fail-on: "sometimes" is not one of error, warning, never\n');
    expect(run.outputs).toEqual({});
    expect((await simulate(REPO, { paths: 'missing-folder' })).exitCode).toBe(2);
  });

  it('masks the live-audit credentials before anything else and never prints them', async () => {
    const password = 'pw-Very-Secret-42';
    const run = await simulate(WARNINGS_ONLY, { 'bootstrap-server': '127.0.0.1:9', 'sasl-username': 'svc-lint', 'sasl-password': password });
    expect(run.stdout.startsWith('::add-mask::svc-lint\n::add-mask::pw-Very-Secret-42\n')).toBe(true);
    const everything = run.stdout + run.stderr + run.summary + JSON.stringify(run.outputs);
    expect(everything.split(password)).toHaveLength(2);
    expect(run.summary).toContain('Live audit of `127.0.0.1:9`');
  });
});
