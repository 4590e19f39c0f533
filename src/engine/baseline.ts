// The baseline: findings a team has accepted for now, recorded by logical fingerprint (rule + file + canonical key or
// resource + occurrence, see assignFingerprints in lint.ts), so that adding or moving unrelated lines does not bring
// them back, while a new violation is still reported. Pure functions plus reading and writing the file; the CLI
// decides what to print and the exit code.

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import type { Finding } from './rule.js';
import { compareText } from '../model/text-order.js';

/** Where the baseline lives when neither `--baseline` nor the configuration's `baseline:` names a file. */
export const DEFAULT_BASELINE_FILE = '.kafkalint-baseline.json';

/** Version of the baseline file's shape, not of the tool. */
export const BASELINE_FORMAT_VERSION = 1;

export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  file: string;
  /** For the people who review the file; matching uses the fingerprint alone. */
  message: string;
}

export interface Baseline {
  version: typeof BASELINE_FORMAT_VERSION;
  /** The kafkalint version that wrote the file. */
  toolVersion: string;
  entries: BaselineEntry[];
}

export interface BaselineLocation {
  /** Absolute path. */
  path: string;
  /** How messages name the file: relative to the working directory when it is inside it. */
  display: string;
  /**
   * Named by the user (`--baseline`, or the configuration's `baseline:`): a missing file is then a mistake. Only the
   * default file may be absent, which means "no baseline".
   */
  explicit: boolean;
}

/** A baseline that cannot be used (missing when named, unreadable, corrupt): the CLI exits 2 with this message. */
export class BaselineError extends Error {}

function displayOf(cwd: string, absolute: string): string {
  const path = relative(cwd, absolute);
  return path && !path.startsWith('..') ? path.split(sep).join('/') : absolute;
}

/** The baseline file of a run: the named path (relative to the working directory) or the default one. */
export function baselineLocation(cwd: string, namedPath?: string): BaselineLocation {
  const path = resolve(cwd, namedPath ?? DEFAULT_BASELINE_FILE);
  return { path, display: displayOf(cwd, path), explicit: namedPath !== undefined };
}

/**
 * The configuration file's `baseline:` value as a path the CLI takes (`LintCommandOptions.baseline`): relative paths
 * are relative to the configuration file's folder, as its globs are.
 */
export function configuredBaselinePath(configFile: string, value: string): string {
  return resolve(dirname(configFile), value);
}

function compareEntries(left: BaselineEntry, right: BaselineEntry): number {
  // File and rule first so that a reviewer reads the file by place; the fingerprint keeps the order total and free of
  // line numbers, so re-writing an unchanged baseline gives an identical file.
  return compareText(left.file, right.file) || compareText(left.ruleId, right.ruleId) || compareText(left.fingerprint, right.fingerprint);
}

/** A finding a suppression comment covers already has its recorded exception; the baseline is for the others. */
function isActive(finding: Finding): boolean {
  return finding.suppression === undefined;
}

/**
 * A baseline that accepts exactly these findings, except those a suppression comment covers. `describe` turns a
 * finding into the message kept in the file.
 */
export function baselineOf(findings: readonly Finding[], toolVersion: string, describe: (finding: Finding) => string = (finding) => finding.message): Baseline {
  const byFingerprint = new Map<string, BaselineEntry>();
  for (const finding of findings.filter(isActive)) {
    byFingerprint.set(finding.fingerprint, { fingerprint: finding.fingerprint, ruleId: finding.ruleId, file: finding.file, message: describe(finding) });
  }
  return { version: BASELINE_FORMAT_VERSION, toolVersion, entries: [...byFingerprint.values()].sort(compareEntries) };
}

export function serializeBaseline(baseline: Baseline): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

const ENTRY_FIELDS = ['fingerprint', 'ruleId', 'file', 'message'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Why the text is not a baseline, or undefined when it is one. */
function baselineProblem(data: unknown): string | undefined {
  if (!isRecord(data)) return 'expected a JSON object with "version", "toolVersion" and "entries"';
  if (data.version !== BASELINE_FORMAT_VERSION) {
    return `unsupported "version" ${JSON.stringify(data.version) ?? 'missing'} (this kafkalint reads version ${BASELINE_FORMAT_VERSION})`;
  }
  if (!Array.isArray(data.entries)) return '"entries" must be an array';
  for (const [index, entry] of data.entries.entries()) {
    if (!isRecord(entry)) return `entries[${index}] must be an object`;
    for (const field of ENTRY_FIELDS) {
      if (typeof entry[field] !== 'string' || (field !== 'message' && entry[field] === '')) return `entries[${index}].${field} must be a non-empty string`;
    }
  }
  return undefined;
}

/** Parse a baseline file's text; `display` names the file in the error. */
export function parseBaseline(text: string, display: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new BaselineError(`baseline ${display} is not valid JSON: ${(error as Error).message}`);
  }
  const problem = baselineProblem(data);
  if (problem) throw new BaselineError(`baseline ${display} is not a kafkalint baseline: ${problem}`);
  const { toolVersion, entries } = data as { toolVersion?: unknown; entries: BaselineEntry[] };
  return {
    version: BASELINE_FORMAT_VERSION,
    toolVersion: typeof toolVersion === 'string' ? toolVersion : 'unknown',
    entries: entries.map(({ fingerprint, ruleId, file, message }) => ({ fingerprint, ruleId, file, message })),
  };
}

/** The run's baseline, or undefined when the default file does not exist. */
export function readBaseline(location: BaselineLocation): Baseline | undefined {
  let text: string;
  try {
    text = readFileSync(location.path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !location.explicit) return undefined;
    if (code === 'ENOENT') throw new BaselineError(`baseline ${location.display} does not exist (create it with --baseline-write)`);
    throw new BaselineError(`cannot read baseline ${location.display}: ${code ?? (error as Error).message}`);
  }
  return parseBaseline(text, location.display);
}

export function writeBaseline(location: BaselineLocation, baseline: Baseline): void {
  try {
    mkdirSync(dirname(location.path), { recursive: true });
    writeFileSync(location.path, serializeBaseline(baseline));
  } catch (error) {
    throw new BaselineError(`cannot write baseline ${location.display}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/**
 * Which files a run looked at, so that an entry for a file outside it (`kafkalint services/a` with a repository-wide
 * baseline) is neither called stale nor pruned. `paths` are the run's path arguments as display paths (relative to
 * the working directory, POSIX); none means the whole working directory.
 */
export function runScope(paths: readonly string[]): (file: string) => boolean {
  const roots = paths.map((path) => path.replace(/\/+$/, '')).filter((path) => path !== '.');
  if (roots.length < paths.length || paths.length === 0) return () => true;
  return (file) => roots.some((root) => root === '' || file === root || file.startsWith(`${root}/`));
}

export interface BaselineComparison {
  /** Findings not in the baseline, and suppressed findings untouched: reported as the run would without a baseline. */
  reported: Finding[];
  /** Findings the baseline accepts: left out of the report. */
  baselined: Finding[];
  /** Entries of files this run looked at that no finding (not covered by a suppression comment) matches any more. */
  stale: BaselineEntry[];
}

export function compareWithBaseline(findings: readonly Finding[], baseline: Baseline, inScope: (file: string) => boolean = () => true): BaselineComparison {
  const accepted = new Set(baseline.entries.map((entry) => entry.fingerprint));
  const seen = new Set(findings.filter(isActive).map((finding) => finding.fingerprint));
  const reported: Finding[] = [];
  const baselined: Finding[] = [];
  for (const finding of findings) (isActive(finding) && accepted.has(finding.fingerprint) ? baselined : reported).push(finding);
  const stale = baseline.entries.filter((entry) => !seen.has(entry.fingerprint) && inScope(entry.file));
  return { reported, baselined, stale };
}

/** The baseline without the given entries (`--baseline-prune`). */
export function pruneBaseline(baseline: Baseline, stale: readonly BaselineEntry[]): Baseline {
  const removed = new Set(stale.map((entry) => entry.fingerprint));
  return { ...baseline, entries: baseline.entries.filter((entry) => !removed.has(entry.fingerprint)) };
}
