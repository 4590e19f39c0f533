// One harness for every rule test: file texts in, the real engine run, findings compared. Valid cases must give the
// rule no finding; invalid cases must give exactly the findings listed (line, and column/message id/severity/file
// when given), in order.

import { describe, expect, it } from 'vitest';
import { lintSources, type LintOptions, type LintResult } from '../../src/engine/lint.js';
import type { Finding } from '../../src/engine/rule.js';
import type { Severity } from '../../src/model/types.js';

export async function lintFiles(files: Record<string, string>, options: LintOptions = {}): Promise<LintResult> {
  return lintSources(Object.entries(files).map(([path, text]) => ({ path, text })), options);
}

export interface ExpectedFinding {
  line: number;
  column?: number;
  file?: string;
  messageId?: string;
  severity?: Severity;
  /** A substring the message must contain. */
  message?: string;
}

export interface RuleCase {
  name: string;
  files: Record<string, string>;
  findings?: ExpectedFinding[];
  options?: LintOptions;
}

function pick(finding: Finding, expected: ExpectedFinding): ExpectedFinding {
  const actual: ExpectedFinding = { line: finding.line };
  if (expected.column !== undefined) actual.column = finding.column;
  if (expected.file !== undefined) actual.file = finding.file;
  if (expected.messageId !== undefined) actual.messageId = finding.messageId;
  if (expected.severity !== undefined) actual.severity = finding.severity;
  if (expected.message !== undefined) actual.message = finding.message.includes(expected.message) ? expected.message : finding.message;
  return actual;
}

export function ruleTester(ruleId: string, cases: { valid: RuleCase[]; invalid: RuleCase[] }): void {
  describe(ruleId, () => {
    describe('valid', () => {
      for (const testCase of cases.valid) {
        it(testCase.name, async () => {
          const result = await lintFiles(testCase.files, testCase.options);
          expect(result.findings.filter((finding) => finding.ruleId === ruleId)).toEqual([]);
        });
      }
    });
    describe('invalid', () => {
      for (const testCase of cases.invalid) {
        it(testCase.name, async () => {
          const result = await lintFiles(testCase.files, testCase.options);
          const findings = result.findings.filter((finding) => finding.ruleId === ruleId);
          const expected = testCase.findings ?? [];
          expect(expected.length, 'an invalid case must list the findings it expects').toBeGreaterThan(0);
          expect(findings.map((finding, index) => pick(finding, expected[index] ?? { line: 0 }))).toEqual(expected);
        });
      }
    });
  });
}
