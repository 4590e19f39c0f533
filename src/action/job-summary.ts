// The step summary (GITHUB_STEP_SUMMARY, GitHub-flavoured Markdown): the counts, then one table row per rule that
// found something, linking the rule's page, so a reviewer sees what failed without opening the log.

import type { Finding } from '../engine/rule.js';
import type { Severity } from '../model/types.js';
import type { ReportInput } from '../report/report-input.js';
import { countBySeverity, plural, unsuppressed } from '../report/summary.js';
import { compareText } from '../model/text-order.js';

interface RuleRow {
  ruleId: string;
  docsUrl: string;
  severity: Severity;
  count: number;
  files: Set<string>;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** A table cell: `|` would end the cell and a line break the row. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function rowsOf(findings: Finding[]): RuleRow[] {
  const rows = new Map<string, RuleRow>();
  for (const finding of findings) {
    const row = rows.get(finding.ruleId) ?? { ruleId: finding.ruleId, docsUrl: finding.docsUrl, severity: finding.severity, count: 0, files: new Set<string>() };
    row.count++;
    row.files.add(finding.file);
    // A rule's findings share one severity unless overrides differ by file; the row shows the worst.
    if (SEVERITY_ORDER[finding.severity] < SEVERITY_ORDER[row.severity]) row.severity = finding.severity;
    rows.set(finding.ruleId, row);
  }
  return [...rows.values()].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.count - a.count || compareText(a.ruleId, b.ruleId));
}

export function jobSummary(input: ReportInput, verdict: string): string {
  const findings = unsuppressed(input.findings);
  const counts = countBySeverity(input.findings);
  const lines = [
    '## kafkalint',
    '',
    `${plural(input.filesLinted, 'file')} linted: ${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${plural(counts.infos, 'info')}` +
      (counts.suppressed > 0 ? ` (${counts.suppressed} suppressed)` : '') +
      `. ${verdict}`,
    '',
  ];
  if (findings.length === 0) return `${lines.join('\n')}\n`;
  lines.push('| Rule | Severity | Findings | Files |', '| --- | --- | ---: | ---: |');
  for (const row of rowsOf(findings)) {
    lines.push(`| [${cell(row.ruleId)}](${row.docsUrl}) | ${row.severity} | ${row.count} | ${row.files.size} |`);
  }
  return `${lines.join('\n')}\n`;
}
