// What every formatter receives. Formatters are pure: (input) → string. Secrets are scrubbed by the caller after
// formatting (report/redact.ts) and also masked in code frames by the formatters that print source lines.

import type { Finding, SkipNote } from '../engine/rule.js';
import type { Severity } from '../model/types.js';

export interface RuleDescription {
  id: string;
  category: string;
  defaultSeverity: Severity;
  description: string;
  help: string;
  docsUrl: string;
}

export interface ReportInput {
  findings: Finding[];
  notes: SkipNote[];
  /** Every rule that ran (SARIF lists them; others may use descriptions). */
  rules: RuleDescription[];
  /** File path (as in findings) → text, for code frames. */
  files: Map<string, string>;
  /** Line numbers per file that hold a secret value, so code frames never show them unmasked. */
  secretLines: Map<string, Set<number>>;
  filesLinted: number;
  toolVersion: string;
  color: boolean;
}

export type FormatName = 'stylish' | 'compact' | 'json' | 'sarif' | 'github';
export const FORMAT_NAMES: FormatName[] = ['stylish', 'compact', 'json', 'sarif', 'github'];
