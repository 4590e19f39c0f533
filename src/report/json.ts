// The machine-readable format, documented by schema/output.json. Keys are always present (null when not known) so
// that consumers can rely on the shape; `version` changes only when the shape changes incompatibly.

import type { Finding, RelatedLocation, SkipNote } from '../engine/rule.js';
import type { EnvironmentInfo, Origin, Severity } from '../model/types.js';
import type { ReportInput } from './report-input.js';
import { countBySeverity } from './summary.js';

/** Version of the JSON output shape (schema/output.json), not of the tool. */
export const JSON_OUTPUT_VERSION = 1;

export interface JsonRelatedLocation {
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface JsonFinding {
  ruleId: string;
  messageId: string;
  severity: Severity;
  message: string;
  help: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  origin: Origin['kind'] | null;
  originDetail: string | null;
  docsUrl: string;
  fingerprint: string;
  related: JsonRelatedLocation[];
  environment?: EnvironmentInfo;
  suppressed: boolean;
  /** How a suppressed finding was silenced: the comment's reason (empty when it gives none) and where it is. */
  suppression?: { kind: 'inline'; reason: string; line: number; column: number };
}

export interface JsonReport {
  version: typeof JSON_OUTPUT_VERSION;
  tool: { name: 'kafkalint'; version: string };
  findings: JsonFinding[];
  notes: SkipNote[];
  summary: { errors: number; warnings: number; infos: number; suppressed: number; filesLinted: number };
}

/** Which default (`Java client ≥ 3.0 default`) or which cluster; an explicit value's place is the finding's own. */
function originDetailOf(origin: Origin | undefined): string | null {
  if (origin?.kind === 'default') return origin.library;
  if (origin?.kind === 'live') return origin.cluster;
  return null;
}

function jsonRelated(related: RelatedLocation): JsonRelatedLocation {
  const { file, line, column } = related.location;
  return {
    message: related.message,
    file,
    line,
    column,
    endLine: related.location.endLine ?? line,
    endColumn: related.location.endColumn ?? column,
  };
}

function jsonFinding(finding: Finding): JsonFinding {
  return {
    ruleId: finding.ruleId,
    messageId: finding.messageId,
    severity: finding.severity,
    message: finding.message,
    help: finding.help,
    file: finding.file,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    origin: finding.origin?.kind ?? null,
    originDetail: originDetailOf(finding.origin),
    docsUrl: finding.docsUrl,
    fingerprint: finding.fingerprint,
    related: finding.related.map(jsonRelated),
    ...(finding.environment ? { environment: { name: finding.environment.name, reason: finding.environment.reason } } : {}),
    suppressed: finding.suppression !== undefined,
    ...(finding.suppression
      ? {
          suppression: {
            kind: finding.suppression.kind,
            reason: finding.suppression.justification,
            line: finding.suppression.location.line,
            column: finding.suppression.location.column,
          },
        }
      : {}),
  };
}

export function jsonReport(input: ReportInput): JsonReport {
  return {
    version: JSON_OUTPUT_VERSION,
    tool: { name: 'kafkalint', version: input.toolVersion },
    findings: input.findings.map(jsonFinding),
    notes: input.notes.map((note) => ({ file: note.file, reason: note.reason })),
    summary: { ...countBySeverity(input.findings), filesLinted: input.filesLinted },
  };
}

export function formatJson(input: ReportInput): string {
  return `${JSON.stringify(jsonReport(input), null, 2)}\n`;
}
