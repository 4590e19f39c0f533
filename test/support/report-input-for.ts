// Report inputs for formatter tests, built the way the CLI builds them: the real engine over file texts, every
// enabled rule described, secret lines taken from the model. `onlyRules` keeps the findings of the named rules, so
// a formatter test does not change each time another rule learns to fire on its fixture.

import { enabledRules, type LintOptions, type LintResult } from '../../src/engine/lint.js';
import { docsUrl, type Finding } from '../../src/engine/rule.js';
import { buildReportInput } from '../../src/report/build-report-input.js';
import type { ReportInput } from '../../src/report/report-input.js';
import { lintFiles } from './lint-harness.js';

export interface ReportFixture {
  result: LintResult;
  input: ReportInput;
}

export async function reportInputFor(
  files: Record<string, string>,
  options: { color?: boolean; lint?: LintOptions; onlyRules?: string[] } = {},
): Promise<ReportFixture> {
  const result = await lintFiles(files, options.lint);
  const input = buildReportInput(result, await enabledRules(options.lint ?? {}), {
    toolVersion: '0.1.0-test',
    color: options.color ?? false,
  });
  if (options.onlyRules) input.findings = input.findings.filter((finding) => options.onlyRules!.includes(finding.ruleId));
  return { result, input };
}

/** A finding made by hand, for formatter cases the engine cannot produce on demand (escaping, overflow). */
export function handMadeFinding(fields: Partial<Finding> & Pick<Finding, 'ruleId' | 'file' | 'line'>): Finding {
  return {
    messageId: 'handMade',
    severity: 'warning',
    message: `a hand-made ${fields.ruleId} finding`,
    help: 'Do the right thing.',
    column: 1,
    endLine: fields.line,
    endColumn: fields.column ?? 1,
    related: [],
    docsUrl: docsUrl(fields.ruleId),
    fingerprint: `${fields.ruleId}-${fields.file}-${fields.line}`.replace(/[^a-z0-9]/gi, '').slice(0, 16),
    ...fields,
  };
}
