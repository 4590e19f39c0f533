// kafkalint as a library: the same engine and formatters the CLI uses.

export { lintSources, type LintOptions, type LintResult, type SourceFile } from './engine/lint.js';
export { discoverFiles } from './engine/discover.js';
export { builtInRules } from './engine/registry.js';
export type { Finding, Rule } from './engine/rule.js';
export { buildReportInput, formatReport, scrubSecrets, FORMAT_NAMES, type FormatName } from './report/index.js';
export type * from './model/types.js';
