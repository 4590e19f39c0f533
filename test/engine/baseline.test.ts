import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BaselineError,
  baselineLocation,
  baselineOf,
  compareWithBaseline,
  configuredBaselinePath,
  DEFAULT_BASELINE_FILE,
  parseBaseline,
  pruneBaseline,
  readBaseline,
  runScope,
  serializeBaseline,
} from '../../src/engine/baseline.js';
import type { Finding } from '../../src/engine/rule.js';
import { lintFiles } from '../support/lint-harness.js';

const PRODUCER = 'bootstrap.servers=kafka-1.internal:9093\nclient.id=orders\nacks=1\ncompression.type=zstd\n';
const TEN_COMMENTS = Array.from({ length: 10 }, (_, index) => `# owner note ${index + 1}\n`).join('');

const SPRING_YAML = [
  'spring:',
  '  kafka:',
  '    bootstrap-servers: kafka-1.internal:9093',
  '    producer:',
  '      client-id: billing',
  '      acks: 1',
  '      compression-type: zstd',
  '',
].join('\n');

// The same settings under other keys' lines, the producer's keys reordered and bootstrap-servers after them: every
// finding moves to another line.
const SPRING_YAML_MOVED = [
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
].join('\n');

const fingerprints = (findings: Finding[], ruleId?: string) =>
  findings.filter((finding) => !ruleId || finding.ruleId === ruleId).map((finding) => finding.fingerprint).sort();

describe('logical fingerprints', () => {
  it('do not change when ten lines are inserted above the findings of a .properties file', async () => {
    const before = await lintFiles({ 'svc/producer.properties': PRODUCER });
    const after = await lintFiles({ 'svc/producer.properties': TEN_COMMENTS + PRODUCER });
    expect(before.findings.length).toBeGreaterThan(0);
    expect(after.findings.map((finding) => finding.line)).toEqual(before.findings.map((finding) => finding.line + 10));
    expect(fingerprints(after.findings)).toEqual(fingerprints(before.findings));
  });

  it('do not change when a finding moves within a YAML file', async () => {
    const before = await lintFiles({ 'app/application.yml': SPRING_YAML });
    const after = await lintFiles({ 'app/application.yml': SPRING_YAML_MOVED });
    const acksBefore = before.findings.find((finding) => finding.ruleId === 'producer-acks-one')!;
    const acksAfter = after.findings.find((finding) => finding.ruleId === 'producer-acks-one')!;
    expect(acksAfter.line).not.toBe(acksBefore.line);
    expect(acksAfter.fingerprint).toBe(acksBefore.fingerprint);
    expect(after.findings.map((finding) => finding.ruleId).sort()).toEqual(before.findings.map((finding) => finding.ruleId).sort());
    expect(fingerprints(after.findings)).toEqual(fingerprints(before.findings));
  });

  it('differ for the same setting in another file, and for another rule on the same key', async () => {
    const result = await lintFiles({ 'a/producer.properties': PRODUCER, 'b/producer.properties': PRODUCER });
    const acksOne = result.findings.filter((finding) => finding.ruleId === 'producer-acks-one');
    expect(acksOne).toHaveLength(2);
    expect(acksOne[0].fingerprint).not.toBe(acksOne[1].fingerprint);
    const all = result.findings.map((finding) => finding.fingerprint);
    expect(new Set(all).size).toBe(all.length);
  });
});

function finding(overrides: Partial<Finding>): Finding {
  return {
    ruleId: 'producer-acks-one',
    messageId: 'acksOne',
    severity: 'warning',
    message: 'acks=1 (set at line 3)',
    help: '',
    file: 'svc/producer.properties',
    line: 3,
    column: 1,
    endLine: 3,
    endColumn: 7,
    related: [],
    docsUrl: '',
    fingerprint: 'aaaa',
    ...overrides,
  };
}

describe('baselineOf', () => {
  it('records fingerprint, rule, file and message, sorted by file, rule and fingerprint', () => {
    const baseline = baselineOf(
      [
        finding({ file: 'b.properties', fingerprint: 'f2' }),
        finding({ file: 'a.properties', ruleId: 'producer-acks-zero', fingerprint: 'f3' }),
        finding({ file: 'a.properties', fingerprint: 'f1' }),
      ],
      '9.9.9',
    );
    expect(baseline).toEqual({
      version: 1,
      toolVersion: '9.9.9',
      entries: [
        { fingerprint: 'f1', ruleId: 'producer-acks-one', file: 'a.properties', message: 'acks=1 (set at line 3)' },
        { fingerprint: 'f3', ruleId: 'producer-acks-zero', file: 'a.properties', message: 'acks=1 (set at line 3)' },
        { fingerprint: 'f2', ruleId: 'producer-acks-one', file: 'b.properties', message: 'acks=1 (set at line 3)' },
      ],
    });
  });

  it('leaves out findings a suppression comment covers: they already carry their exception', () => {
    const suppression = { kind: 'inline' as const, justification: 'telemetry tolerates loss', location: { file: 'x', line: 2, column: 1 } };
    const baseline = baselineOf([finding({ fingerprint: 'kept' }), finding({ fingerprint: 'suppressed', suppression })], '1.0.0');
    expect(baseline.entries.map((entry) => entry.fingerprint)).toEqual(['kept']);
  });

  it('keeps the message the caller describes (the CLI scrubs secrets there)', () => {
    const baseline = baselineOf([finding({ message: 'password hunter2 is set' })], '1.0.0', () => 'password **** is set');
    expect(baseline.entries[0].message).toBe('password **** is set');
  });
});

describe('parseBaseline', () => {
  it('reads back what serializeBaseline wrote', () => {
    const baseline = baselineOf([finding({ fingerprint: 'f1' })], '0.1.0');
    expect(parseBaseline(serializeBaseline(baseline), 'b.json')).toEqual(baseline);
  });

  it.each([
    ['{', /^baseline b\.json is not valid JSON: /],
    ['[]', /^baseline b\.json is not a kafkalint baseline: expected a JSON object/],
    ['{"version":2,"entries":[]}', /unsupported "version" 2 \(this kafkalint reads version 1\)/],
    ['{"entries":[]}', /unsupported "version" missing/],
    ['{"version":1,"entries":{}}', /"entries" must be an array/],
    ['{"version":1,"entries":[{"fingerprint":"f","ruleId":"r","file":"f"}]}', /entries\[0\]\.message must be a non-empty string/],
    ['{"version":1,"entries":[{"fingerprint":"","ruleId":"r","file":"f","message":""}]}', /entries\[0\]\.fingerprint must be a non-empty string/],
  ])('rejects %s, naming the file and the reason', (text, reason) => {
    expect(() => parseBaseline(text, 'b.json')).toThrow(BaselineError);
    expect(() => parseBaseline(text, 'b.json')).toThrow(reason);
  });

  it('accepts an entry with an empty message', () => {
    const text = '{"version":1,"toolVersion":"0.1.0","entries":[{"fingerprint":"f","ruleId":"r","file":"a","message":""}]}';
    expect(parseBaseline(text, 'b.json').entries).toHaveLength(1);
  });
});

describe('baselineLocation and readBaseline', () => {
  it('uses the default file in the working directory, which may be missing', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'kafkalint-baseline-'));
    const location = baselineLocation(cwd);
    expect(location).toEqual({ path: join(cwd, DEFAULT_BASELINE_FILE), display: DEFAULT_BASELINE_FILE, explicit: false });
    expect(readBaseline(location)).toBeUndefined();
  });

  it('treats a named file as required', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'kafkalint-baseline-'));
    const location = baselineLocation(cwd, 'ci/baseline.json');
    expect(location.display).toBe('ci/baseline.json');
    expect(() => readBaseline(location)).toThrow('baseline ci/baseline.json does not exist (create it with --baseline-write)');
  });

  it('reports a corrupt default file rather than ignoring it', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'kafkalint-baseline-'));
    writeFileSync(join(cwd, DEFAULT_BASELINE_FILE), 'not json');
    expect(() => readBaseline(baselineLocation(cwd))).toThrow(/^baseline \.kafkalint-baseline\.json is not valid JSON/);
  });

  it("resolves the configuration's baseline: relative to the configuration file's folder", () => {
    expect(configuredBaselinePath('/repo/tools/kafkalint.config.yaml', 'baseline.json')).toBe('/repo/tools/baseline.json');
    expect(configuredBaselinePath('/repo/kafkalint.config.yaml', '/abs/b.json')).toBe('/abs/b.json');
  });
});

describe('compareWithBaseline', () => {
  const baseline = baselineOf(
    [finding({ fingerprint: 'old', file: 'a/p.properties' }), finding({ fingerprint: 'fixed', file: 'a/p.properties' }), finding({ fingerprint: 'elsewhere', file: 'b/p.properties' })],
    '0.1.0',
  );

  it('drops accepted findings, keeps new ones, and lists entries that no longer occur', () => {
    const old = finding({ fingerprint: 'old', file: 'a/p.properties' });
    const fresh = finding({ fingerprint: 'new', file: 'a/p.properties' });
    const comparison = compareWithBaseline([old, fresh], baseline);
    expect(comparison.reported).toEqual([fresh]);
    expect(comparison.baselined).toEqual([old]);
    expect(comparison.stale.map((entry) => entry.fingerprint)).toEqual(['fixed', 'elsewhere']);
  });

  it('calls stale only entries of files inside the run', () => {
    const comparison = compareWithBaseline([finding({ fingerprint: 'old', file: 'a/p.properties' })], baseline, runScope(['a']));
    expect(comparison.stale.map((entry) => entry.fingerprint)).toEqual(['fixed']);
  });

  it('passes suppressed findings through and does not count them as occurring', () => {
    const suppression = { kind: 'inline' as const, justification: 'accepted', location: { file: 'a/p.properties', line: 1, column: 1 } };
    const suppressed = finding({ fingerprint: 'old', file: 'a/p.properties', suppression });
    const comparison = compareWithBaseline([suppressed], baseline, runScope(['a']));
    expect(comparison.reported).toEqual([suppressed]);
    expect(comparison.baselined).toEqual([]);
    expect(comparison.stale.map((entry) => entry.fingerprint)).toEqual(['fixed', 'old']);
  });

  it('prunes exactly the stale entries', () => {
    const comparison = compareWithBaseline([finding({ fingerprint: 'old', file: 'a/p.properties' })], baseline, runScope(['a/']));
    expect(pruneBaseline(baseline, comparison.stale).entries.map((entry) => entry.fingerprint)).toEqual(['old', 'elsewhere']);
  });
});

describe('runScope', () => {
  it('covers everything for no paths or the working directory', () => {
    expect(runScope([])('x/y.properties')).toBe(true);
    expect(runScope(['.', 'a'])('x/y.properties')).toBe(true);
    expect(runScope([''])('x/y.properties')).toBe(true);
  });

  it('covers a named file and what is under a named folder, not a sibling with the same prefix', () => {
    const inScope = runScope(['services/orders', 'deploy/topics.yaml']);
    expect(inScope('services/orders/producer.properties')).toBe(true);
    expect(inScope('deploy/topics.yaml')).toBe(true);
    expect(inScope('services/orders-v2/producer.properties')).toBe(false);
    expect(inScope('deploy/topics.yaml.bak')).toBe(false);
  });
});
