// The report stage: one formatter per output format, each a pure function from ReportInput to text. The CLI picks
// one by name, writes its output through scrubSecrets, and decides the exit code; nothing here prints or exits.

import { formatCompact } from './compact.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import type { FormatName, ReportInput } from './report-input.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';

export const FORMATTERS: Record<FormatName, (input: ReportInput) => string> = {
  stylish: formatStylish,
  compact: formatCompact,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
};

export function formatReport(format: FormatName, input: ReportInput): string {
  return FORMATTERS[format](input);
}

export { FORMAT_NAMES, type FormatName, type ReportInput, type RuleDescription } from './report-input.js';
export { buildReportInput, describeRule, secretLinesOf, type EnabledRule, type ReportOptions } from './build-report-input.js';
export { scrubSecrets } from './redact.js';
