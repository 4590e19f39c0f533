// SARIF 2.1.0 as GitHub code scanning reads it (docs: "SARIF support for code scanning"): every rule that ran, with
// short and full descriptions, help text and markdown that carry the docs link, and a default level; every result
// with its rule, level, message, exactly one location with a relative URI and a full region, and a fingerprint.
// GitHub uses only the first location and only `primaryLocationLineHash` among the partial fingerprints.

import type { Finding, RelatedLocation } from '../engine/rule.js';
import type { Severity, SourceLocation } from '../model/types.js';
import type { ReportInput, RuleDescription } from './report-input.js';
import { compareText } from '../model/text-order.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const PROJECT_URL = 'https://github.com/kafkalint/kafkalint';
/** GitHub rejects longer short and full descriptions. */
const MAX_DESCRIPTION = 1024;

type SarifLevel = 'error' | 'warning' | 'note';

const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

export function sarifLevel(severity: Severity): SarifLevel {
  return LEVEL[severity];
}

function truncate(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|]/g, (character) => `\\${character}`);
}

/** A URI with a scheme (`kafka://prod/topic/orders` for live findings) stays as is; a path becomes a relative URI. */
function isUri(file: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(file);
}

export function artifactUri(file: string): string {
  if (isUri(file)) return encodeURI(file);
  return file.split('/').map(encodeURIComponent).join('/');
}

interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** Our ranges already end after the last character, as SARIF's do; a point becomes a one-character range. */
export function sarifRegion(location: Required<Omit<SourceLocation, 'file'>>): SarifRegion {
  const startLine = Math.max(1, location.line);
  const startColumn = Math.max(1, location.column);
  const endLine = Math.max(startLine, location.endLine);
  const endColumn = endLine === startLine ? Math.max(startColumn + 1, location.endColumn) : Math.max(1, location.endColumn);
  return { startLine, startColumn, endLine, endColumn };
}

function sarifLocation(file: string, region: SarifRegion) {
  const physicalLocation = { artifactLocation: { uri: artifactUri(file) }, region };
  // A live resource has no file in the repository; its logical name says which topic, broker or group it is.
  if (isUri(file)) return { physicalLocation, logicalLocations: [{ fullyQualifiedName: file, kind: 'resource' }] };
  return { physicalLocation };
}

function relatedLocation(related: RelatedLocation, index: number) {
  const { location } = related;
  const region = sarifRegion({
    line: location.line,
    column: location.column,
    endLine: location.endLine ?? location.line,
    endColumn: location.endColumn ?? location.column,
  });
  return { id: index + 1, message: { text: related.message }, ...sarifLocation(location.file, region) };
}

function reportingDescriptor(rule: RuleDescription) {
  const help = rule.help || rule.description;
  return {
    id: rule.id,
    shortDescription: { text: truncate(rule.description, MAX_DESCRIPTION) },
    fullDescription: { text: truncate(`${rule.description} ${rule.help}`.trim(), MAX_DESCRIPTION) },
    helpUri: rule.docsUrl,
    help: {
      text: `${help}\n\nDocumentation: ${rule.docsUrl}`,
      markdown: `${escapeMarkdown(help)}\n\nSee [${rule.id}](${rule.docsUrl}) for why it matters, bad and good examples, and when it is fine to turn it off.`,
    },
    defaultConfiguration: { level: sarifLevel(rule.defaultSeverity) },
    properties: { tags: [rule.category] },
  };
}

/** A rule that reported but was not listed (defensive: every result needs a descriptor to point at). */
function descriptionFromFinding(finding: Finding): RuleDescription {
  return {
    id: finding.ruleId,
    category: 'governance',
    defaultSeverity: finding.severity,
    description: finding.help || finding.message,
    help: finding.help,
    docsUrl: finding.docsUrl,
  };
}

function describedRules(input: ReportInput): RuleDescription[] {
  const byId = new Map<string, RuleDescription>();
  for (const rule of input.rules) byId.set(rule.id, rule);
  for (const finding of input.findings) if (!byId.has(finding.ruleId)) byId.set(finding.ruleId, descriptionFromFinding(finding));
  return [...byId.values()].sort((left, right) => compareText(left.id, right.id));
}

/** SARIF §3.35: a kafkalint-disable comment is an in-source suppression; its reason is the justification. */
function sarifSuppression(suppression: NonNullable<Finding['suppression']>) {
  const { location } = suppression;
  const region = sarifRegion({ line: location.line, column: location.column, endLine: location.endLine ?? location.line, endColumn: location.endColumn ?? location.column });
  return {
    kind: 'inSource',
    ...(suppression.justification ? { justification: suppression.justification } : {}),
    location: sarifLocation(location.file, region),
  };
}

function sarifResult(finding: Finding, ruleIndex: number) {
  const region = sarifRegion(finding);
  const properties: Record<string, unknown> = {};
  if (finding.origin) properties.origin = finding.origin.kind === 'default' ? `default: ${finding.origin.library}` : finding.origin.kind;
  if (finding.environment) properties.environment = finding.environment.name;
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: sarifLevel(finding.severity),
    message: { text: finding.message },
    locations: [sarifLocation(finding.file, region)],
    // The engine's logical fingerprint (rule + file + key + occurrence) survives edits that move lines, which a
    // line-number based hash would not (SARIF §3.27.17 and appendix B advise against line numbers).
    partialFingerprints: { primaryLocationLineHash: finding.fingerprint },
    ...(finding.related.length > 0 ? { relatedLocations: finding.related.map(relatedLocation) } : {}),
    ...(finding.suppression ? { suppressions: [sarifSuppression(finding.suppression)] } : {}),
    ...(Object.keys(properties).length > 0 ? { properties } : {}),
  };
}

export function sarifLog(input: ReportInput) {
  const rules = describedRules(input);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kafkalint',
            semanticVersion: input.toolVersion,
            informationUri: PROJECT_URL,
            rules: rules.map(reportingDescriptor),
          },
        },
        // `category/` — one category for kafkalint, so several uploads for one commit do not replace each other.
        automationDetails: { id: 'kafkalint/' },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: input.notes.map((note) => ({
              level: 'note',
              message: { text: `Skipped: ${note.reason}` },
              locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(note.file) } } }],
            })),
          },
        ],
        results: input.findings.map((finding) => sarifResult(finding, ruleIndex.get(finding.ruleId)!)),
      },
    ],
  };
}

export function formatSarif(input: ReportInput): string {
  return `${JSON.stringify(sarifLog(input), null, 2)}\n`;
}
