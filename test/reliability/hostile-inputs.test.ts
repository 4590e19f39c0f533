// Hostile inputs through the real CLI, each in a tree next to clean files: every hostile file ends as a note or a
// located parse-error, the run finishes within a bound, the clean files' findings are untouched, and the exit code
// is one of the documented ones (0 clean, 1 error findings, never 2 for a file's content).

import { spawn } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInTree, writeTree, type CliRun } from '../support/run-cli.js';

interface JsonFinding {
  ruleId: string;
  file: string;
  line: number;
  column: number;
  severity: string;
  message: string;
}

interface JsonReport {
  findings: JsonFinding[];
  notes: Array<{ file: string; reason: string }>;
}

const CLEAN_FILES = {
  'clean/producer.properties': 'bootstrap.servers=kafka-1:9092,kafka-2:9092\nacks=1\nenable.idempotence=false\n',
  'clean/application.yml': 'spring:\n  kafka:\n    consumer:\n      group-id: billing\n      enable-auto-commit: true\n',
};

/** Every case must finish well inside this; the slowest is printed so the report can quote it. */
const RUN_TIME_LIMIT_MS = 10_000;
const timings: Array<[string, number]> = [];
let cleanFindings: string[] = [];

const identity = (finding: JsonFinding) => `${finding.ruleId} ${finding.file}:${finding.line}:${finding.column}`;

async function lintTree(name: string, root: string, argv: string[] = ['--format', 'json']): Promise<CliRun & { report: JsonReport }> {
  const started = performance.now();
  const run = await runInTree(argv, {}, '', root);
  const elapsed = performance.now() - started;
  timings.push([name, elapsed]);
  expect(elapsed, `${name} took ${Math.round(elapsed)} ms`).toBeLessThan(RUN_TIME_LIMIT_MS);
  expect(run.stderr).not.toContain('internal error');
  const report = JSON.parse(run.stdout) as JsonReport;
  const hasErrors = report.findings.some((finding) => finding.severity === 'error');
  expect(run.exitCode).toBe(hasErrors ? 1 : 0);
  // The clean files' findings are all still there, at the same places.
  const found = new Set(report.findings.map(identity));
  for (const finding of cleanFindings) expect(found, `${name}: lost ${finding}`).toContain(finding);
  return { ...run, report };
}

function treeWith(files: Record<string, string | Buffer> = {}): string {
  const root = writeTree(CLEAN_FILES);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const noteFor = (report: JsonReport, file: string) => report.notes.find((note) => note.file === file)?.reason;
const findingsIn = (report: JsonReport, file: string) => report.findings.filter((finding) => finding.file === file);

describe('hostile inputs through the CLI', () => {
  beforeAll(async () => {
    const run = await runInTree(['--format', 'json'], CLEAN_FILES);
    cleanFindings = (JSON.parse(run.stdout) as JsonReport).findings.map(identity);
  });

  afterAll(() => {
    const [name, slowest] = [...timings].sort((left, right) => right[1] - left[1])[0] ?? ['none', 0];
    console.log(`hostile inputs: ${timings.length} runs, slowest "${name}" ${Math.round(slowest)} ms`);
  });

  it('the clean files alone have findings to lose (the intact-findings check can fail)', () => {
    expect(cleanFindings.length).toBeGreaterThan(1);
  });

  it('a binary file with a config name is skipped with a note', async () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0xff, 0x00]);
    const { report } = await lintTree('binary', treeWith({ 'bin/producer.properties': bytes }));
    expect(noteFor(report, 'bin/producer.properties')).toBe('skipped: binary file');
  });

  it('a 50 MB file is skipped with a note naming the limit', async () => {
    const line = 'linger.ms=5\n';
    const { report } = await lintTree('50 MB file', treeWith({ 'big/producer.properties': line.repeat(Math.ceil((50 * 1024 * 1024) / line.length)) }));
    expect(noteFor(report, 'big/producer.properties')).toMatch(/^skipped: \d+ bytes is over the 8388608-byte limit$/);
  });

  it('invalid UTF-8 is read with replacement characters and the valid settings around it are still linted', async () => {
    const text = Buffer.concat([Buffer.from('client.id='), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from('\nacks=1\n')]);
    const { report } = await lintTree('invalid UTF-8', treeWith({ 'utf8/producer.properties': text }));
    expect(findingsIn(report, 'utf8/producer.properties').map((finding) => [finding.ruleId, finding.line])).toContainEqual(['producer-acks-one', 2]);
  });

  it('a UTF-8 byte order mark does not hide the first key (properties, YAML, JSON)', async () => {
    const { report } = await lintTree('BOM', treeWith({
      'bom/producer.properties': '\uFEFFacks=1\n',
      'bom/application.yml': '\uFEFFspring:\n  kafka:\n    producer:\n      acks: 1\n',
      'bom/kafka-client.json': '\uFEFF{ "bootstrap.servers": "kafka:9092", "acks": "1" }',
    }));
    expect(findingsIn(report, 'bom/producer.properties').map((finding) => [finding.ruleId, finding.line, finding.column])).toContainEqual(['producer-acks-one', 1, 1]);
    expect(findingsIn(report, 'bom/application.yml').map((finding) => [finding.ruleId, finding.line])).toContainEqual(['producer-acks-one', 4]);
    expect(findingsIn(report, 'bom/kafka-client.json').map((finding) => finding.ruleId)).toContain('producer-acks-one');
    expect(report.findings.filter((finding) => finding.ruleId === 'parse-error')).toEqual([]);
  });

  it('CRLF and mixed line endings keep every line number right', async () => {
    const { report } = await lintTree('CRLF', treeWith({
      'crlf/producer.properties': 'client.id=a\r\nlinger.ms=5\r\nacks=1\r\n',
      'mixed/producer.properties': 'client.id=a\nlinger.ms=5\r\n\r\nacks=1\n',
      'crlf/application.yml': 'spring:\r\n  kafka:\r\n    producer:\r\n      acks: 1\r\n',
    }));
    expect(findingsIn(report, 'crlf/producer.properties').find((finding) => finding.ruleId === 'producer-acks-one')).toMatchObject({ line: 3, column: 1 });
    expect(findingsIn(report, 'mixed/producer.properties').find((finding) => finding.ruleId === 'producer-acks-one')).toMatchObject({ line: 4, column: 1 });
    expect(findingsIn(report, 'crlf/application.yml').find((finding) => finding.ruleId === 'producer-acks-one')).toMatchObject({ line: 4 });
  });

  it('NUL bytes: near the start the file is binary (a note); far into the file it is read as text', async () => {
    const late = `acks=1\n${'# padding\n'.repeat(1000)}client.id=a\u0000b\n`;
    const { report } = await lintTree('NUL bytes', treeWith({ 'nul/early.properties': 'acks=1\u0000\n', 'nul/late/producer.properties': late }));
    expect(noteFor(report, 'nul/early.properties')).toBe('skipped: binary file');
    expect(findingsIn(report, 'nul/late/producer.properties').map((finding) => [finding.ruleId, finding.line])).toContainEqual(['producer-acks-one', 1]);
  });

  it('100k-character lines are read (properties, YAML, JSON) and the settings after them are linted', async () => {
    const long = 'x'.repeat(100_000);
    const { report } = await lintTree('100k lines', treeWith({
      'long/producer.properties': `client.id=${long}\nacks=1\n`,
      'long/application.yml': `spring:\n  kafka:\n    client-id: ${long}\n    producer:\n      acks: 1\n`,
      'long/kafka-client.json': `{ "client.id": "${long}", "acks": "1" }`,
    }));
    expect(findingsIn(report, 'long/producer.properties').map((finding) => [finding.ruleId, finding.line])).toContainEqual(['producer-acks-one', 2]);
    expect(findingsIn(report, 'long/application.yml').map((finding) => [finding.ruleId, finding.line])).toContainEqual(['producer-acks-one', 5]);
    expect(findingsIn(report, 'long/kafka-client.json').find((finding) => finding.ruleId === 'producer-acks-one')?.column).toBeGreaterThan(100_000);
  });

  it('a YAML alias bomb (billion laughs) ends as a located parse-error or a note, not a hang', async () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 10; level += 1) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const bomb = `spring:\n  kafka:\n    bootstrap-servers: kafka:9092\n${levels.map((line) => `    ${line}`).join('\n')}\n    producer: *j\n`;
    const { report } = await lintTree('alias bomb', treeWith({ 'bomb/application.yml': bomb, 'bomb/values.yaml': `${levels.join('\n')}\nkafka: *j\n` }));
    for (const file of ['bomb/application.yml', 'bomb/values.yaml']) {
      const reported = findingsIn(report, file).filter((finding) => finding.ruleId === 'parse-error');
      if (reported.length === 0 && noteFor(report, file) === undefined) continue; // read without expanding: also fine
      for (const finding of reported) expect(finding.line).toBeGreaterThanOrEqual(1);
    }
  });

  it('10k levels of nested YAML and JSON end as a located parse-error or are read, never a crash', async () => {
    const depth = 10_000;
    const { report } = await lintTree('deep nesting', treeWith({
      'deep/kafka-client.json': `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
      'deep/arrays.json': `${'['.repeat(depth)}${']'.repeat(depth)}`,
      'deep/application.yml': `spring:\n  kafka:\n    x: ${'['.repeat(depth)}${']'.repeat(depth)}\n    producer:\n      acks: 1\n`,
      'deep/flow.yaml': `kafka: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}\n`,
    }));
    // No extractor crash ("kafkalint could not read this file"): JSON is read, YAML past the yaml package's nesting
    // limit is a parse-error at the place it gave up.
    for (const finding of report.findings.filter((candidate) => candidate.file.startsWith('deep/'))) {
      expect(finding.message).not.toMatch(/could not read this file/);
    }
    expect(findingsIn(report, 'deep/application.yml').find((finding) => finding.ruleId === 'parse-error')).toMatchObject({ line: 3 });
    expect(findingsIn(report, 'deep/kafka-client.json').filter((finding) => finding.ruleId === 'parse-error')).toEqual([]);
  });

  it('duplicate JSON keys: both are seen and the later one wins', async () => {
    const { report } = await lintTree('duplicate JSON keys', treeWith({ 'dup/kafka-client.json': '{\n  "bootstrap.servers": "kafka:9092",\n  "acks": "all",\n  "acks": "1"\n}\n' }));
    const rules = findingsIn(report, 'dup/kafka-client.json').map((finding) => [finding.ruleId, finding.line]);
    expect(rules).toContainEqual(['producer-acks-one', 4]);
    expect(rules.map(([rule]) => rule)).toContain('duplicate-setting');
  });

  it('a symbolic link loop is walked once, with a note', async () => {
    const root = treeWith({ 'loop/producer.properties': 'acks=1\n' });
    symlinkSync('..', join(root, 'loop', 'again'));
    const { report } = await lintTree('symlink loop', root);
    expect(report.notes.some((note) => note.reason.includes('symbolic link loop'))).toBe(true);
    expect(findingsIn(report, 'loop/producer.properties').length).toBeGreaterThan(0);
  });

  it('a broken symbolic link is skipped with a note', async () => {
    const root = treeWith();
    symlinkSync('nowhere/producer.properties', join(root, 'broken.properties'));
    const { report } = await lintTree('broken symlink', root);
    expect(noteFor(report, 'broken.properties')).toBe('skipped: broken symbolic link');
  });

  it('a FIFO with a config name never blocks the run, found in a folder or named on the command line', async () => {
    const root = treeWith();
    const fifo = join(root, 'pipe.properties');
    await new Promise<void>((done, fail) => spawn('mkfifo', [fifo]).on('exit', (code) => (code === 0 ? done() : fail(new Error(`mkfifo ${code}`)))));
    // Safety valve: if kafkalint ever opens the FIFO for reading, a writer arrives after 3 s and unblocks it, so a
    // regression fails on the time bound instead of hanging the test run.
    const valve = spawn('timeout', ['6', 'sh', '-c', 'sleep 3; : > "$0"', fifo], { stdio: 'ignore' });
    try {
      const folder = await lintTree('FIFO in folder', root);
      expect(noteFor(folder.report, 'pipe.properties')).toBe('skipped: not a regular file');
      const started = performance.now();
      const named = await lintTree('FIFO named', root, ['--format', 'json', 'pipe.properties', 'clean']);
      expect(performance.now() - started).toBeLessThan(2500);
      expect(noteFor(named.report, 'pipe.properties')).toBe('skipped: not a regular file');
    } finally {
      valve.kill();
    }
  });

  it('a folder named like a config file is walked as a folder', async () => {
    const { report } = await lintTree('folder named producer.properties', treeWith({ 'producer.properties/server.properties': 'min.insync.replicas=1\n' }));
    expect(report.notes.filter((note) => note.file.startsWith('producer.properties'))).toEqual([]);
    expect(report.findings.map((finding) => finding.file)).toContain('producer.properties/server.properties');
  });

  it('paths with spaces and unicode are read and named as written', async () => {
    const path = 'my configs/prödücer ✓.properties';
    const root = treeWith({ [path]: 'acks=1\n' });
    const { report } = await lintTree('spaces and unicode', root);
    expect(findingsIn(report, path).map((finding) => finding.ruleId)).toContain('producer-acks-one');
    const compact = await runInTree(['--format', 'compact', 'my configs'], {}, '', root);
    expect(compact.stdout).toContain(`${path}:1:1:`);
  });
});
