// The lint command's baseline flags: `--baseline-write` records the run's findings and ends the run; otherwise a
// baseline file (the named one, or the default when it exists) takes its findings out of the report and the exit
// status, and the entries that no longer occur are listed on standard error (`--baseline-prune` drops them).
// Standard error, not the report, so that json and sarif stay exactly their documented shapes.

import { relative, resolve, sep } from 'node:path';
import {
  BaselineError,
  baselineLocation,
  baselineOf,
  compareWithBaseline,
  pruneBaseline,
  readBaseline,
  runScope,
  writeBaseline,
  type BaselineEntry,
} from '../engine/baseline.js';
import type { LintResult } from '../engine/lint.js';
import { builtInRules } from '../engine/registry.js';
import type { Finding } from '../engine/rule.js';
import { scrubSecrets, ownWordsOf } from '../report/redact.js';
import { plural } from '../report/summary.js';
import { EXIT_OK, UsageError, type CliIo } from './io.js';
import { toolVersion } from './main.js';

export interface BaselineFlags {
  /** `--baseline <path>`, or the configuration's `baseline:` (see configuredBaselinePath). */
  baseline?: string;
  baselineWrite?: boolean;
  baselinePrune?: boolean;
  stdin?: boolean;
  stdinFilename?: string;
}

export interface BaselineStep {
  /** Set when the run ends here (`--baseline-write`). */
  exitCode?: number;
  /** What to say on standard error after the report: how many findings the baseline took, which entries are stale. */
  notices: string[];
}

/** The run's path arguments as display paths, for deciding which baseline entries this run can call stale. */
function scopeOf(paths: string[], flags: BaselineFlags, cwd: string): (file: string) => boolean {
  if (flags.stdin && flags.stdinFilename) return runScope([flags.stdinFilename.split('\\').join('/')]);
  return runScope(paths.map((path) => relative(cwd, resolve(cwd, path)).split(sep).join('/')));
}

function entries(count: number): string {
  return `${count} ${count === 1 ? 'entry' : 'entries'}`;
}

function staleLine(entry: BaselineEntry): string {
  return `  ${entry.file}: ${entry.message} [${entry.ruleId}]`;
}

async function ownWords(): Promise<Set<string>> {
  const rules = [...(await builtInRules()).values()];
  return ownWordsOf(rules);
}

/**
 * Apply the baseline flags to a finished run. Findings the baseline accepts are removed from `result.findings`, so
 * the report and the exit status see only new ones.
 */
export async function runBaselineStep(result: LintResult, paths: string[], flags: BaselineFlags, io: CliIo): Promise<BaselineStep> {
  if (flags.baselineWrite && flags.baselinePrune) throw new UsageError('use either --baseline-write (record every current finding) or --baseline-prune (drop entries that no longer occur), not both');
  const location = baselineLocation(io.cwd, flags.baseline);
  // Rules never put secret values in messages; the file is committed, so scrub anyway, as every report is.
  const words = result.secrets.size > 0 ? await ownWords() : new Set<string>();
  const scrub = (text: string) => scrubSecrets(text, result.secrets, words);
  try {
    if (flags.baselineWrite) {
      const baseline = baselineOf(result.findings, toolVersion(), (finding: Finding) => scrub(finding.message));
      writeBaseline(location, baseline);
      io.stdout(`kafkalint: wrote ${entries(baseline.entries.length)} to ${location.display}\n`);
      return { exitCode: EXIT_OK, notices: [] };
    }
    const baseline = readBaseline(location);
    if (!baseline) {
      if (flags.baselinePrune) throw new UsageError(`--baseline-prune: there is no baseline ${location.display} to prune`);
      return { notices: [] };
    }
    const comparison = compareWithBaseline(result.findings, baseline, scopeOf(paths, flags, io.cwd));
    result.findings = comparison.reported;
    const notices = [`kafkalint: ${plural(comparison.baselined.length, 'finding')} in the baseline (${location.display}) not reported`];
    if (flags.baselinePrune) {
      writeBaseline(location, { ...pruneBaseline(baseline, comparison.stale), toolVersion: toolVersion() });
      notices.push(`kafkalint: removed ${entries(comparison.stale.length)} that no longer ${comparison.stale.length === 1 ? 'occurs' : 'occur'} from ${location.display}${comparison.stale.length > 0 ? ':' : ''}`);
      notices.push(...comparison.stale.map(staleLine));
    } else if (comparison.stale.length > 0) {
      const count = comparison.stale.length;
      notices.push(`kafkalint: ${count} baseline ${count === 1 ? 'entry no longer occurs' : 'entries no longer occur'} (remove with --baseline-prune):`);
      notices.push(...comparison.stale.map(staleLine));
    }
    return { notices: notices.map(scrub) };
  } catch (error) {
    if (error instanceof BaselineError) throw new UsageError(error.message);
    throw error;
  }
}
