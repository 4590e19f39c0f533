// A configuration that cannot be used: each problem names the configuration file, the line and column of the YAML
// node at fault, and what was expected. The CLI prints one line per problem and exits 2.

import { compareText } from '../model/text-order.js';

export interface ConfigProblem {
  /** The configuration file as messages name it: relative to the working directory. */
  file: string;
  /** Absent for a problem with the file as a whole (it cannot be read). */
  line?: number;
  column?: number;
  message: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(problems.map(formatConfigProblem).join('\n'));
  }
}

/** `kafkalint.config.yaml:3:5: policies[0].severity must be one of: error, warning, info, not "eror"` */
export function formatConfigProblem(problem: ConfigProblem): string {
  if (problem.line === undefined) return `${problem.file}: ${problem.message}`;
  return `${problem.file}:${problem.line}:${problem.column ?? 1}: ${problem.message}`;
}

export function compareProblems(left: ConfigProblem, right: ConfigProblem): number {
  return compareText(left.file, right.file) || (left.line ?? 0) - (right.line ?? 0) || (left.column ?? 0) - (right.column ?? 0);
}
