// Counts shared by the formats that summarise (stylish's last line, the JSON summary, the GitHub overflow notice).

import type { Finding } from '../engine/rule.js';

export interface SeverityCounts {
  errors: number;
  warnings: number;
  infos: number;
  /** Findings a kafkalint-disable comment covers; they are not in the other counts. */
  suppressed: number;
}

/** The findings shown as problems: suppressed ones are kept in the result but are not problems. */
export function unsuppressed(findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => !finding.suppression);
}

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { errors: 0, warnings: 0, infos: 0, suppressed: 0 };
  for (const finding of findings) {
    if (finding.suppression) counts.suppressed++;
    else if (finding.severity === 'error') counts.errors++;
    else if (finding.severity === 'warning') counts.warnings++;
    else counts.infos++;
  }
  return counts;
}

/** `1 error`, `2 warnings`, `0 infos`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
