import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatCompact } from '../../src/report/compact.js';
import { handMadeFinding, reportInputFor } from '../support/report-input-for.js';

interface PatternConfig {
  regexp: string;
  file?: number;
  line?: number;
  column?: number;
  severity?: number;
  message?: number;
  code?: number;
}

interface MatcherConfig {
  owner: string;
  severity?: string;
  pattern: PatternConfig[];
}

const MATCHERS = (JSON.parse(readFileSync('matchers/kafkalint-matcher.json', 'utf8')) as { problemMatcher: MatcherConfig[] }).problemMatcher;
const MAIN = MATCHERS.find((matcher) => matcher.owner === 'kafkalint')!;
const INFO = MATCHERS.find((matcher) => matcher.owner === 'kafkalint-info')!;

/** What a problem matcher reads from one line, the way the runner and VS Code apply the group indices. */
function applyMatcher(matcher: MatcherConfig, line: string) {
  const pattern = matcher.pattern[0];
  const match = new RegExp(pattern.regexp).exec(line);
  if (!match) return undefined;
  const group = (index: number | undefined) => (index === undefined ? undefined : match[index]);
  return {
    file: group(pattern.file),
    line: Number(group(pattern.line)),
    column: Number(group(pattern.column)),
    severity: group(pattern.severity) ?? matcher.severity,
    message: group(pattern.message),
    code: group(pattern.code),
  };
}

const FILES = {
  'config/producer.properties': 'bootstrap.servers=k:9092\nacks=1\n',
  'config/legacy producer.properties': '# old service\nbootstrap.servers=k:9092\nrequest.required.acks=1\n',
  'broken.json': '{ "bootstrap.servers": "k:9092",\n "acks": }\n',
};

describe('compact', () => {
  it('prints path:line:col: severity message [rule-id], one line per finding', async () => {
    const { input } = await reportInputFor(FILES, { onlyRules: ['producer-acks-one', 'parse-error'] });
    const lines = formatCompact(input).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(input.findings.length);
    expect(lines).toContain(
      "broken.json:2:10: error Could not parse this file, so its Kafka settings were not checked: JSON syntax error: expected a value but found '}' [parse-error]",
    );
  });

  it('every line of a real run matches the shipped matcher, and its groups give the finding back', async () => {
    const { input } = await reportInputFor(FILES);
    expect(input.findings.length).toBeGreaterThanOrEqual(3);
    const lines = formatCompact(input).trimEnd().split('\n');
    lines.forEach((line, index) => {
      const finding = input.findings[index];
      expect(applyMatcher(MAIN, line), line).toEqual({
        file: finding.file,
        line: finding.line,
        column: finding.column,
        severity: finding.severity,
        message: finding.message.replace(/\s*(\r\n|\r|\n)\s*/g, ' ').trim(),
        code: finding.ruleId,
      });
    });
  });

  it('folds a multi-line message and keeps brackets inside it', async () => {
    const { input } = await reportInputFor({}, { onlyRules: [] });
    input.findings = [handMadeFinding({ ruleId: 'duplicate-setting', file: 'a.properties', line: 3, column: 5, message: 'first line\n  second [acks] line\r\nthird' })];
    const output = formatCompact(input);
    expect(output).toBe('a.properties:3:5: warning first line second [acks] line third [duplicate-setting]\n');
    expect(applyMatcher(MAIN, output.trimEnd())).toMatchObject({ message: 'first line second [acks] line third', code: 'duplicate-setting' });
  });

  it('prints nothing at all when there is nothing to report', async () => {
    const { input } = await reportInputFor({ 'producer.properties': 'acks=all\n' }, { onlyRules: ['producer-acks-one'] });
    input.notes = [{ file: 'big.properties', reason: 'too large' }];
    expect(formatCompact(input)).toBe('');
  });

  describe('the matcher file', () => {
    it('is valid for the Actions runner: distinct owners, notice as the only default severity, groups in range', () => {
      expect(new Set(MATCHERS.map((matcher) => matcher.owner.toLowerCase())).size).toBe(MATCHERS.length);
      for (const matcher of MATCHERS) {
        expect([undefined, 'error', 'warning', 'notice']).toContain(matcher.severity);
        expect(matcher.pattern).toHaveLength(1);
        const [pattern] = matcher.pattern;
        const groups = new RegExp(`${pattern.regexp}|`).exec('')!.length - 1;
        for (const index of [pattern.file, pattern.line, pattern.column, pattern.severity, pattern.message, pattern.code]) {
          if (index !== undefined) expect(index).toBeLessThanOrEqual(groups);
        }
        expect(pattern.message).toBeDefined();
      }
    });

    it('annotates info lines as notices through the second matcher, which the runner would otherwise skip', async () => {
      const { input } = await reportInputFor({}, { onlyRules: [] });
      input.findings = [
        handMadeFinding({ ruleId: 'compression-none', file: 'p.properties', line: 2, column: 1, severity: 'info', message: 'uncompressed' }),
        handMadeFinding({ ruleId: 'producer-acks-one', file: 'p.properties', line: 3, column: 1, severity: 'warning', message: 'leader only' }),
      ];
      const [infoLine, warningLine] = formatCompact(input).trimEnd().split('\n');
      expect(applyMatcher(INFO, infoLine)).toEqual({ file: 'p.properties', line: 2, column: 1, severity: 'notice', message: 'uncompressed', code: 'compression-none' });
      expect(applyMatcher(INFO, warningLine)).toBeUndefined();
      expect(applyMatcher(MAIN, infoLine)?.severity).toBe('info');
    });

    it('does not match ordinary log lines', () => {
      for (const line of ['kafkalint: skipped big.properties: too large', '✖ 3 problems (1 error, 2 warnings, 0 infos)', 'src/a.ts:3:1: error missing rule id']) {
        expect(applyMatcher(MAIN, line), line).toBeUndefined();
      }
    });
  });
});
