// GitHub Actions workflow commands: one `::error|warning|notice file=…::message` annotation per finding, escaped
// exactly as @actions/core's command.js does. GitHub keeps only the first 10 annotations of each kind per step, so
// when a kind overflows, a notice says how many were not annotated and where to see them all.

import type { Finding } from '../engine/rule.js';
import type { Severity } from '../model/types.js';
import { foldLineBreaks } from './line-breaks.js';
import type { ReportInput } from './report-input.js';
import { plural, unsuppressed } from './summary.js';

type AnnotationKind = 'error' | 'warning' | 'notice';

const KIND: Record<Severity, AnnotationKind> = { error: 'error', warning: 'warning', info: 'notice' };

/** Annotations GitHub shows per kind per step (actions/toolkit docs/problem-matchers.md, "Limitations"). */
export const ANNOTATIONS_PER_KIND = 10;

/** @actions/core escapeData: the message after `::`. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** @actions/core escapeProperty: `key=value` pairs, where `:` and `,` would end the value. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function annotation(finding: Finding): string {
  const properties: Array<[string, string | number]> = [
    ['file', finding.file],
    ['line', finding.line],
    ['endLine', finding.endLine],
  ];
  // @actions/core: "col and endColumn cannot be sent when startLine and endLine are different".
  if (finding.endLine === finding.line) {
    properties.push(['col', finding.column], ['endColumn', Math.max(finding.column, finding.endColumn)]);
  }
  properties.push(['title', `kafkalint(${finding.ruleId})`]);
  const list = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
  const message = `${finding.message}\nhelp: ${finding.help}\n${finding.docsUrl}`;
  return `::${KIND[finding.severity]} ${list}::${escapeData(message)}`;
}

function overflowNotice(counts: Record<AnnotationKind, number>): string {
  const hidden = (['error', 'warning', 'notice'] as const)
    .filter((kind) => counts[kind] > ANNOTATIONS_PER_KIND)
    .map((kind) => plural(counts[kind] - ANNOTATIONS_PER_KIND, kind));
  const total = counts.error + counts.warning + counts.notice;
  const message =
    `kafkalint reported ${plural(total, 'finding')}, but GitHub shows only the first ${ANNOTATIONS_PER_KIND} annotations ` +
    `of each kind per step: ${hidden.join(', ')} are not annotated. Every finding is listed in this step's log; ` +
    'to see them all on the pull request, upload `kafkalint --format sarif` to code scanning ' +
    '(github/codeql-action/upload-sarif), or run `kafkalint --format stylish` for a readable log.';
  return `::notice title=${escapeProperty('kafkalint: more findings than annotations')}::${escapeData(message)}`;
}

/** One log line the runner cannot take for a command: the older `##[command]` form is recognised anywhere in a line. */
function plainLogLine(text: string): string {
  return foldLineBreaks(text).replace(/##\[/g, '#\u200b#[');
}

export function formatGithub(input: ReportInput): string {
  // A suppressed finding is an accepted exception, not something to annotate on a pull request.
  const findings = unsuppressed(input.findings);
  const counts: Record<AnnotationKind, number> = { error: 0, warning: 0, notice: 0 };
  for (const finding of findings) counts[KIND[finding.severity]]++;
  const overflows = Object.values(counts).some((count) => count > ANNOTATIONS_PER_KIND);

  const lines: string[] = [];
  let noticesPrinted = 0;
  let overflowPrinted = false;
  for (const finding of findings) {
    const kind = KIND[finding.severity];
    // The overflow notice is a notice too: when info findings would fill the notices GitHub keeps, it takes the
    // last kept slot instead of the end, where it would be dropped.
    if (kind === 'notice' && overflows && !overflowPrinted && noticesPrinted === ANNOTATIONS_PER_KIND - 1) {
      lines.push(overflowNotice(counts));
      overflowPrinted = true;
      noticesPrinted++;
    }
    lines.push(annotation(finding));
    if (kind === 'notice') noticesPrinted++;
  }
  if (overflows && !overflowPrinted) lines.push(overflowNotice(counts));
  // Skipped files are plain log lines: notices for them would use up the annotations findings need.
  for (const note of input.notes) lines.push(plainLogLine(`kafkalint: skipped ${note.file}: ${note.reason}`));
  return lines.map((line) => `${line}\n`).join('');
}
