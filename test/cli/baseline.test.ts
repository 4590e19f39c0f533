// The baseline through the real CLI on a temporary repository: write it, move and add lines, add a violation, fix
// one, prune; and the ways a baseline file can be wrong.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInTree, writeTree } from '../support/run-cli.js';

const ORDERS = 'services/orders/producer.properties';
const AUDIT = 'services/audit/producer.properties';
const BILLING = 'services/billing/src/main/resources/application.yml';

const REPO = {
  // Warnings: acks=1, with the idempotence it silently turns off, over plaintext to a remote broker.
  [ORDERS]: 'bootstrap.servers=kafka-1.internal:9093\nclient.id=orders\nacks=1\ncompression.type=zstd\n',
  // An error: acks=0.
  [AUDIT]: 'bootstrap.servers=localhost:9092\nclient.id=audit\ncompression.type=zstd\nacks=0\n',
  [BILLING]: ['spring:', '  kafka:', '    bootstrap-servers: kafka-1.internal:9093', '    producer:', '      client-id: billing', '      acks: 1', '      compression-type: zstd', ''].join('\n'),
};

const TEN_COMMENTS = Array.from({ length: 10 }, (_, index) => `# reviewed by the platform team, note ${index + 1}\n`).join('');

interface JsonFinding {
  ruleId: string;
  file: string;
  line: number;
  fingerprint: string;
}

const findingsOf = (stdout: string): JsonFinding[] => JSON.parse(stdout).findings;
const read = (cwd: string, path: string) => readFileSync(join(cwd, path), 'utf8');
const edit = (cwd: string, path: string, change: (text: string) => string) => writeFileSync(join(cwd, path), change(read(cwd, path)));

async function repoWithBaseline(files: Record<string, string> = REPO): Promise<{ cwd: string; written: JsonFinding[] }> {
  const cwd = writeTree(files);
  const before = await runInTree(['--format', 'json'], {}, '', cwd);
  const write = await runInTree(['--baseline-write'], {}, '', cwd);
  expect(write.exitCode).toBe(0);
  return { cwd, written: findingsOf(before.stdout) };
}

describe('--baseline-write', () => {
  it('records every current finding, prints one line with the count, and exits 0', async () => {
    const cwd = writeTree(REPO);
    const before = await runInTree(['--format', 'json'], {}, '', cwd);
    expect(before.exitCode).toBe(1);
    const findings = findingsOf(before.stdout);

    const write = await runInTree(['--baseline-write', '--quiet'], {}, '', cwd);
    expect(write.exitCode).toBe(0);
    expect(write.stdout).toBe(`kafkalint: wrote ${findings.length} entries to .kafkalint-baseline.json\n`);
    expect(write.stderr).toBe('');

    const baseline = JSON.parse(read(cwd, '.kafkalint-baseline.json'));
    expect(baseline.version).toBe(1);
    expect(baseline.toolVersion).toMatch(/^\d+\.\d+\.\d+/);
    // --quiet does not narrow what is recorded: warnings are accepted too.
    expect(baseline.entries.map((entry: { fingerprint: string }) => entry.fingerprint).sort()).toEqual(findings.map((finding) => finding.fingerprint).sort());
    expect(Object.keys(baseline.entries[0]).sort()).toEqual(['file', 'fingerprint', 'message', 'ruleId']);
    const order = baseline.entries.map((entry: { file: string; ruleId: string; fingerprint: string }) => `${entry.file} ${entry.ruleId} ${entry.fingerprint}`);
    expect(order).toEqual([...order].sort((left, right) => left.localeCompare(right)));
  });

  it('writes the same entries in the same order when lines have moved; only messages name the new lines', async () => {
    const { cwd } = await repoWithBaseline();
    const identity = () =>
      JSON.parse(read(cwd, '.kafkalint-baseline.json')).entries.map(({ fingerprint, ruleId, file }: Record<string, string>) => ({ fingerprint, ruleId, file }));
    const first = identity();
    edit(cwd, ORDERS, (text) => TEN_COMMENTS + text);
    await runInTree(['--baseline-write'], {}, '', cwd);
    expect(identity()).toEqual(first);
    expect(read(cwd, '.kafkalint-baseline.json')).toContain('acks=1 (set at line 13)');
  });

  it('keeps secret values out of the file', async () => {
    const secret = 'Tr0ub4dor-s3cret-value';
    const cwd = writeTree({
      'svc/consumer.properties': [
        'bootstrap.servers=kafka-1.internal:9093',
        'group.id=billing',
        'security.protocol=SASL_SSL',
        'sasl.mechanism=PLAIN',
        `sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="billing" password="${secret}";`,
        '',
      ].join('\n'),
    });
    await runInTree(['--baseline-write'], {}, '', cwd);
    const text = read(cwd, '.kafkalint-baseline.json');
    expect(text).toContain('hardcoded-credentials');
    expect(text).not.toContain(secret);
  });

  it('writes to the path --baseline names, which later runs read', async () => {
    const cwd = writeTree(REPO);
    const write = await runInTree(['--baseline-write', '--baseline', 'ci/kafkalint-baseline.json'], {}, '', cwd);
    expect(write.stdout).toMatch(/^kafkalint: wrote \d+ entries to ci\/kafkalint-baseline\.json\n$/);
    expect(existsSync(join(cwd, '.kafkalint-baseline.json'))).toBe(false);
    const run = await runInTree(['--format', 'compact', '--baseline', 'ci/kafkalint-baseline.json'], {}, '', cwd);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe('');
    // Without the flag, the default file is missing, so there is no baseline.
    const plain = await runInTree(['--format', 'compact'], {}, '', cwd);
    expect(plain.exitCode).toBe(1);
  });
});

describe('a run with a baseline', () => {
  it('reports nothing after ten lines are inserted at the top of the affected files', async () => {
    const { cwd, written } = await repoWithBaseline();
    edit(cwd, ORDERS, (text) => TEN_COMMENTS + text);
    edit(cwd, AUDIT, (text) => TEN_COMMENTS + text);
    const run = await runInTree(['--format', 'compact'], {}, '', cwd);
    expect(run.stdout).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toBe(`kafkalint: ${written.length} findings in the baseline (.kafkalint-baseline.json) not reported\n`);
  });

  it('reports only a new violation, at its line, and fails on it', async () => {
    const { cwd } = await repoWithBaseline();
    edit(cwd, ORDERS, (text) => `${TEN_COMMENTS}${text}ssl.endpoint.identification.algorithm=\n`);
    const run = await runInTree(['--format', 'json'], {}, '', cwd);
    const findings = findingsOf(run.stdout);
    expect(findings.map(({ ruleId, file, line }) => ({ ruleId, file, line }))).toEqual([{ ruleId: 'tls-hostname-verification-disabled', file: ORDERS, line: 15 }]);
    expect(run.exitCode).toBe(1);
  });

  it('reports nothing when a finding moves within a YAML file', async () => {
    const { cwd } = await repoWithBaseline();
    edit(cwd, BILLING, () =>
      [
        'server:',
        '  port: 8080',
        'management:',
        '  endpoints:',
        '    web:',
        '      exposure:',
        '        include: health',
        'spring:',
        '  application:',
        '    name: billing',
        '  kafka:',
        '    producer:',
        '      compression-type: zstd',
        '      acks: 1',
        '      client-id: billing',
        '    bootstrap-servers: kafka-1.internal:9093',
        '',
      ].join('\n'),
    );
    const run = await runInTree(['--format', 'compact'], {}, '', cwd);
    expect(run.stdout).toBe('');
    expect(run.exitCode).toBe(0);
  });

  it('counts a second occurrence of an accepted finding as new', async () => {
    const { cwd } = await repoWithBaseline();
    writeFileSync(join(cwd, 'services/audit/producer-copy.properties'), read(cwd, AUDIT));
    const run = await runInTree(['--format', 'json'], {}, '', cwd);
    expect(findingsOf(run.stdout).every((finding) => finding.file === 'services/audit/producer-copy.properties')).toBe(true);
    expect(run.exitCode).toBe(1);
  });

  it('uses the same fingerprint in SARIF partialFingerprints as in the baseline', async () => {
    const { cwd } = await repoWithBaseline();
    const entries = new Set(JSON.parse(read(cwd, '.kafkalint-baseline.json')).entries.map((entry: { fingerprint: string }) => entry.fingerprint));
    // An empty baseline, so that the SARIF run reports every finding.
    writeFileSync(join(cwd, 'empty-baseline.json'), '{"version":1,"toolVersion":"0.1.0","entries":[]}\n');
    const run = await runInTree(['--format', 'sarif', '--baseline', 'empty-baseline.json'], {}, '', cwd);
    const results = JSON.parse(run.stdout).runs[0].results as Array<{ partialFingerprints: { primaryLocationLineHash: string } }>;
    expect(results.length).toBe(entries.size);
    expect(new Set(results.map((result) => result.partialFingerprints.primaryLocationLineHash))).toEqual(entries);
  });
});

describe('entries that no longer occur', () => {
  it('are listed on standard error, and --baseline-prune removes them from the file', async () => {
    const { cwd, written } = await repoWithBaseline();
    edit(cwd, AUDIT, (text) => text.replace('acks=0', 'acks=all'));
    const fixed = written.filter((finding) => finding.file === AUDIT);
    expect(fixed.length).toBeGreaterThan(0);

    const run = await runInTree(['--format', 'compact'], {}, '', cwd);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(`kafkalint: ${written.length - fixed.length} findings in the baseline (.kafkalint-baseline.json) not reported`);
    expect(lines[1]).toBe(`kafkalint: ${fixed.length} baseline entries no longer occur (remove with --baseline-prune):`);
    expect(lines.slice(2).sort()).toEqual(fixed.map((finding) => expect.stringMatching(new RegExp(`^  ${AUDIT}: .* \\[${finding.ruleId}\\]$`))).sort());
    expect(lines.slice(2).some((line) => line.endsWith('[producer-acks-zero]'))).toBe(true);

    const prune = await runInTree(['--baseline-prune', '--format', 'compact'], {}, '', cwd);
    expect(prune.exitCode).toBe(0);
    expect(prune.stderr).toContain(`kafkalint: removed ${fixed.length} entries that no longer occur from .kafkalint-baseline.json:\n`);
    const entries = JSON.parse(read(cwd, '.kafkalint-baseline.json')).entries as Array<{ file: string }>;
    expect(entries).toHaveLength(written.length - fixed.length);
    expect(entries.some((entry) => entry.file === AUDIT)).toBe(false);

    const after = await runInTree(['--format', 'compact'], {}, '', cwd);
    expect(after.stderr).toBe(`kafkalint: ${entries.length} findings in the baseline (.kafkalint-baseline.json) not reported\n`);
    // The fix stays fixed: putting acks=0 back is a new finding again.
    edit(cwd, AUDIT, (text) => text.replace('acks=all', 'acks=0'));
    expect((await runInTree(['--format', 'compact'], {}, '', cwd)).exitCode).toBe(1);
  });

  it('are judged only for the files the run looked at', async () => {
    const { cwd, written } = await repoWithBaseline();
    const run = await runInTree(['--format', 'compact', 'services/orders'], {}, '', cwd);
    expect(run.exitCode).toBe(0);
    expect(run.stderr).not.toContain('no longer occur');
    await runInTree(['--baseline-prune', 'services/orders'], {}, '', cwd);
    expect(JSON.parse(read(cwd, '.kafkalint-baseline.json')).entries).toHaveLength(written.length);
  });
});

describe('baseline problems', () => {
  it('exits 2 when the baseline --baseline names does not exist', async () => {
    const run = await runInTree(['--baseline', 'missing.json'], REPO);
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('kafkalint: baseline missing.json does not exist (create it with --baseline-write)\n');
  });

  it('runs without a baseline when the default file is missing', async () => {
    const run = await runInTree(['--format', 'compact'], REPO);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe('');
  });

  it('exits 2 with the file and the reason for a corrupt baseline', async () => {
    const cwd = writeTree({ ...REPO, '.kafkalint-baseline.json': '{"version":1,"entries":[{"fingerprint":"abc"}]}' });
    const run = await runInTree(['--format', 'compact'], {}, '', cwd);
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('kafkalint: baseline .kafkalint-baseline.json is not a kafkalint baseline: entries[0].ruleId must be a non-empty string\n');
    writeFileSync(join(cwd, '.kafkalint-baseline.json'), '{"version": 1, "entries": [');
    const truncated = await runInTree(['--format', 'compact'], {}, '', cwd);
    expect(truncated.exitCode).toBe(2);
    expect(truncated.stderr).toMatch(/^kafkalint: baseline \.kafkalint-baseline\.json is not valid JSON: .+\n$/);
  });

  it('exits 2 for --baseline-prune without a baseline, and for --baseline-write with --baseline-prune', async () => {
    const prune = await runInTree(['--baseline-prune'], REPO);
    expect(prune.exitCode).toBe(2);
    expect(prune.stderr).toBe('kafkalint: --baseline-prune: there is no baseline .kafkalint-baseline.json to prune\n');
    const both = await runInTree(['--baseline-write', '--baseline-prune'], REPO);
    expect(both.exitCode).toBe(2);
    expect(both.stderr).toContain('use either --baseline-write');
    expect(existsSync(join(both.cwd, '.kafkalint-baseline.json'))).toBe(false);
  });
});
