// ESLint's exit codes: 1 when any error-severity finding remains or warnings exceed --max-warnings, else 0.
// Findings a kafkalint-disable comment covers are accepted exceptions: they never fail the run.

import type { Finding } from '../engine/rule.js';
import { countBySeverity } from '../report/summary.js';
import { EXIT_FINDINGS, EXIT_OK } from './io.js';

export function exitStatusFor(findings: Finding[], maxWarnings: number | undefined): number {
  const { errors, warnings } = countBySeverity(findings);
  if (errors > 0) return EXIT_FINDINGS;
  if (maxWarnings !== undefined && warnings > maxWarnings) return EXIT_FINDINGS;
  return EXIT_OK;
}
