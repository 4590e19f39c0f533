// The human format (default on a terminal): findings grouped by file, each with what is wrong, the line it is on,
// what to do and where to read more; then the files that were skipped and one summary line.
//
//   producer.properties
//     2:1  warning  Producer acknowledges records once the leader alone has them: …  producer-acks-one
//       2 | acks=1
//         | ^~~~~~
//       help: Set acks=all (and keep enable.idempotence=true) …
//       docs: https://github.com/kafkalint/kafkalint/blob/main/rules/producer-acks-one.md
//
//   ✖ 1 problem (0 errors, 1 warning, 0 infos)

import type { Finding } from '../engine/rule.js';
import type { Severity } from '../model/types.js';
import { painter, type Paint, type Style } from './ansi.js';
import { codeFrame, looksLikeSecretLine, sourceLines, visibleText } from './code-frame.js';
import { foldLineBreaks } from './line-breaks.js';
import type { ReportInput } from './report-input.js';
import { countBySeverity, plural, unsuppressed } from './summary.js';

const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'cyan' };

function groupByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.file);
    if (group) group.push(finding);
    else groups.set(finding.file, [finding]);
  }
  return groups;
}

/** Messages are one line in this format; a rule's multi-line message is folded rather than breaking the layout. */
function oneLine(text: string): string {
  return visibleText(foldLineBreaks(text));
}

function findingLines(finding: Finding, input: ReportInput, lineOf: ReturnType<typeof sourceLines>, paint: Paint): string[] {
  const position = `${finding.line}:${finding.column}`;
  const lines = [
    `  ${paint(position, 'dim')}  ${paint(finding.severity, SEVERITY_STYLE[finding.severity])}  ${oneLine(finding.message)}  ${paint(finding.ruleId, 'gray')}`,
  ];
  const source = lineOf(finding.file, finding.line);
  if (source !== undefined) {
    const masked = (input.secretLines.get(finding.file)?.has(finding.line) ?? false) || looksLikeSecretLine(source);
    lines.push(...codeFrame(source, finding, masked, paint).map((line) => `    ${line}`));
  }
  for (const related of finding.related) {
    const where = `${related.location.file}:${related.location.line}:${related.location.column}`;
    lines.push(`    ${paint('related:', 'dim')} ${where} ${oneLine(related.message)}`);
  }
  if (finding.help) lines.push(`    ${paint('help:', 'bold')} ${oneLine(finding.help)}`);
  lines.push(`    ${paint('docs:', 'dim')} ${finding.docsUrl}`);
  return lines;
}

function summaryLine(input: ReportInput, paint: Paint): string {
  const counts = countBySeverity(input.findings);
  const total = counts.errors + counts.warnings + counts.infos;
  // Suppressed findings are not shown, but the summary says how many exceptions the comments made.
  const suppressed = counts.suppressed > 0 ? ` (${counts.suppressed} suppressed)` : '';
  if (total === 0) return paint(`✔ No problems found in ${plural(input.filesLinted, 'file')}${suppressed}.`, 'green', 'bold');
  const style: Style = counts.errors > 0 ? 'red' : counts.warnings > 0 ? 'yellow' : 'cyan';
  const breakdown = `${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${plural(counts.infos, 'info')}`;
  return paint(`✖ ${plural(total, 'problem')} (${breakdown})${suppressed}`, style, 'bold');
}

export function formatStylish(input: ReportInput): string {
  const paint = painter(input.color);
  const lineOf = sourceLines(input.files);
  const out: string[] = [];
  for (const [file, findings] of groupByFile(unsuppressed(input.findings))) {
    out.push(paint(visibleText(file), 'underline'));
    for (const finding of findings) out.push(...findingLines(finding, input, lineOf, paint));
    out.push('');
  }
  if (input.notes.length > 0) {
    out.push(paint(`Skipped ${plural(input.notes.length, 'file')}:`, 'bold'));
    for (const note of input.notes) out.push(`  ${visibleText(note.file)}  ${paint(oneLine(note.reason), 'dim')}`);
    out.push('');
  }
  out.push(summaryLine(input, paint));
  return `${out.join('\n')}\n`;
}
