// ESLint's exit codes: 1 when any error-severity finding remains or warnings exceed --max-warnings, else 0.

import type { Finding } from '../engine/rule.js';
import { EXIT_FINDINGS, EXIT_OK } from './io.js';

export function exitStatusFor(findings: Finding[], maxWarnings: number | undefined): number {
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.filter((finding) => finding.severity === 'warning').length;
  if (errors > 0) return EXIT_FINDINGS;
  if (maxWarnings !== undefined && warnings > maxWarnings) return EXIT_FINDINGS;
  return EXIT_OK;
}
