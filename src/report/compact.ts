// One grep-able line per finding, `path:line:col: severity message [rule-id]`, and nothing else: this is the format
// problem matchers read (matchers/kafkalint-matcher.json for GitHub Actions, the same regexp in a VS Code task).
// Problem matchers handle single-line messages only, so line breaks in a message are folded into spaces.
// Suppressed findings are not problems to annotate, so they are left out.

import type { Finding } from '../engine/rule.js';
import { foldLineBreaks } from './line-breaks.js';
import type { ReportInput } from './report-input.js';
import { unsuppressed } from './summary.js';

export function compactLine(finding: Finding): string {
  // An empty message would not match the matcher's `\s+(.*?)\s+\[` and the finding would vanish from the annotations.
  const message = foldLineBreaks(finding.message) || finding.messageId;
  return `${finding.file}:${finding.line}:${finding.column}: ${finding.severity} ${message} [${finding.ruleId}]`;
}

export function formatCompact(input: ReportInput): string {
  return unsuppressed(input.findings).map((finding) => `${compactLine(finding)}\n`).join('');
}
