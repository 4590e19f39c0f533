// `kafkalint [paths…]`: discover, lint, format, scrub secrets, write, and decide the exit code.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { discoverFiles, PathNotFoundError, type Discovery, type IgnoredPaths } from '../engine/discover.js';
import { ignoredPaths } from '../config/ignore-patterns.js';
import { lintOptionsOf, loadConfiguration } from '../config/load-config.js';
import { enabledRules, lintSources } from '../engine/lint.js';
import type { PresetName } from '../engine/registry.js';
import { sourceKindOf } from '../sources/index.js';
import { buildReportInput, formatReport, scrubSecrets, type FormatName } from '../report/index.js';
import { ownWordsOf } from '../report/redact.js';
import { exitStatusFor } from './exit-status.js';
import type { RunStats } from '../sources/source-context.js';
import { UsageError, type CliIo } from './io.js';
import { toolVersion } from './main.js';
import { runBaselineStep } from './baseline-step.js';

export interface LintCommandOptions {
  format: FormatName;
  outputFile?: string;
  maxWarnings?: number;
  quiet?: boolean;
  color?: boolean;
  /** `--preset`; when absent, the configuration's `extends` decides (else recommended). */
  preset?: PresetName;
  /** `--config <path>`: this configuration file instead of the one found from the working directory up. */
  config?: string;
  /** `--ignore-pattern` (repeatable), relative to the working directory. */
  ignorePattern?: string[];
  /** false with `--no-ignore`: read what ignorePatterns and --ignore-pattern would skip. */
  ignore?: boolean;
  stdin?: boolean;
  stdinFilename?: string;
  stats?: boolean;
  /** `--cache` and `--cache-location`: reuse facts of unchanged files (src/engine/cache.ts). */
  cache?: boolean;
  cacheLocation?: string;
  /** `--baseline <path>`; the configuration's `baseline:` fills it when the flag is absent (configuredBaselinePath). */
  baseline?: string;
  baselineWrite?: boolean;
  baselinePrune?: boolean;
}

async function readInputs(paths: string[], options: LintCommandOptions, io: CliIo, ignored?: IgnoredPaths): Promise<Discovery> {
  if (options.stdin) {
    if (paths.length > 0) throw new UsageError('--stdin lints standard input only; do not also name paths');
    const name = options.stdinFilename;
    if (!name) throw new UsageError('--stdin needs --stdin-filename, which decides how the text is read (e.g. producer.properties)');
    if (!sourceKindOf(name)) throw new UsageError(`--stdin-filename "${name}" is not a file kind kafkalint reads (.properties, .yaml, .json, .env)`);
    return { files: [{ path: name.split('\\').join('/'), text: await io.readStdin() }], notes: [] };
  }
  if (options.stdinFilename) throw new UsageError('--stdin-filename only makes sense with --stdin');
  try {
    return discoverFiles(paths, io.cwd, ignored);
  } catch (error) {
    if (error instanceof PathNotFoundError) throw new UsageError(error.message);
    throw error;
  }
}

/** `--stats`: what the run read and parsed; the TypeScript parser is loaded only for files that mention a client. */
export function describeStats(stats: RunStats | undefined, milliseconds: number): string {
  const parsed = stats?.codeFilesParsed.length ?? 0;
  const parser = stats?.typescriptParserLoaded ? 'TypeScript parser loaded' : 'TypeScript parser not loaded';
  const read = stats?.filesRead ?? 0;
  return `kafkalint stats: ${read} ${read === 1 ? 'file' : 'files'} read, ${parsed} code ${parsed === 1 ? 'file' : 'files'} parsed (${parser}), ${Math.round(milliseconds)} ms`;
}

function useColor(options: LintCommandOptions, io: CliIo): boolean {
  if (options.outputFile) return false;
  if (options.color !== undefined) return options.color;
  if (io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  return io.isTTY;
}

export async function runLint(paths: string[], options: LintCommandOptions, io: CliIo): Promise<number> {
  // process.hrtime, not performance.now(): the global `performance` loads perf_hooks, a cost on every run.
  const started = process.hrtime.bigint();
  const configuration = await loadConfiguration(io.cwd, options.config);
  const lintOptions = lintOptionsOf(configuration, options.preset);
  options = { ...options, baseline: options.baseline ?? configuration?.baseline };
  const ignored = options.ignore === false ? undefined : ignoredPaths(configuration, options.ignorePattern);
  const discovery = await readInputs(paths, options, io, ignored);
  // The cache module is imported only when asked for: a plain run pays nothing for it.
  const cache = options.cache ? (await import('../engine/cache.js')).FactsCache.open(options.cacheLocation ?? '.kafkalint-cache', io.cwd) : undefined;
  const result = await lintSources(discovery.files, { ...lintOptions, cache }, discovery.notes);
  cache?.save();
  const baselineStep = await runBaselineStep(result, paths, options, io);
  if (baselineStep.exitCode !== undefined) return baselineStep.exitCode;
  const findings = options.quiet ? result.findings.filter((finding) => finding.severity === 'error') : result.findings;
  const rules = await enabledRules(lintOptions);
  const input = { ...buildReportInput(result, rules, { toolVersion: toolVersion(), color: useColor(options, io) }), findings };
  const output = scrubSecrets(formatReport(options.format, input), result.secrets, () => ownWordsOf(rules));
  if (options.outputFile) {
    const target = resolve(io.cwd, options.outputFile);
    try {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, output);
    } catch (error) {
      throw new UsageError(`cannot write --output-file ${options.outputFile}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  } else {
    io.stdout(output);
  }
  for (const notice of baselineStep.notices) io.stderr(`${notice}\n`);
  if (options.stats) io.stderr(`${describeStats(result.model.stats, Number(process.hrtime.bigint() - started) / 1e6)}\n`);
  return exitStatusFor(findings, options.maxWarnings);
}
