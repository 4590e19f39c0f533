// `kafkalint [paths…]`: discover, lint, format, scrub secrets, write, and decide the exit code.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { discoverFiles, PathNotFoundError, type Discovery } from '../engine/discover.js';
import { enabledRules, lintSources, type LintResult } from '../engine/lint.js';
import type { PresetName } from '../engine/registry.js';
import { docsUrl } from '../engine/rule.js';
import { isSecretKey } from '../model/secrets.js';
import { sourceKindOf } from '../sources/index.js';
import { formatReport } from '../report/index.js';
import { scrubSecrets } from '../report/redact.js';
import type { FormatName, ReportInput } from '../report/report-input.js';
import { exitStatusFor } from './exit-status.js';
import { UsageError, type CliIo } from './io.js';
import { toolVersion } from './main.js';

export interface LintCommandOptions {
  format: FormatName;
  outputFile?: string;
  maxWarnings?: number;
  quiet?: boolean;
  color?: boolean;
  preset: PresetName;
  stdin?: boolean;
  stdinFilename?: string;
}

async function readInputs(paths: string[], options: LintCommandOptions, io: CliIo): Promise<Discovery> {
  if (options.stdin) {
    if (paths.length > 0) throw new UsageError('--stdin lints standard input only; do not also name paths');
    const name = options.stdinFilename;
    if (!name) throw new UsageError('--stdin needs --stdin-filename, which decides how the text is read (e.g. producer.properties)');
    if (!sourceKindOf(name)) throw new UsageError(`--stdin-filename "${name}" is not a file kind kafkalint reads (.properties, .yaml, .json, .env)`);
    return { files: [{ path: name.split('\\').join('/'), text: await io.readStdin() }], notes: [] };
  }
  if (options.stdinFilename) throw new UsageError('--stdin-filename only makes sense with --stdin');
  try {
    return discoverFiles(paths, io.cwd);
  } catch (error) {
    if (error instanceof PathNotFoundError) throw new UsageError(error.message);
    throw error;
  }
}

/** Lines of each file that hold a secret value: code frames mask them. */
export function secretLinesOf(result: LintResult): Map<string, Set<number>> {
  const lines = new Map<string, Set<number>>();
  const facts = [...result.model.clients, ...result.model.brokers, ...result.model.topics];
  for (const fact of facts) {
    for (const setting of fact.settings) {
      if (!isSecretKey(setting.key) && !isSecretKey(setting.writtenAs)) continue;
      const fileLines = lines.get(setting.location.file) ?? new Set<number>();
      const last = setting.location.endLine ?? setting.location.line;
      for (let line = setting.location.line; line <= last; line++) fileLines.add(line);
      lines.set(setting.location.file, fileLines);
    }
  }
  return lines;
}

function useColor(options: LintCommandOptions, io: CliIo): boolean {
  if (options.outputFile) return false;
  if (options.color !== undefined) return options.color;
  if (io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  return io.isTTY;
}

export async function runLint(paths: string[], options: LintCommandOptions, io: CliIo): Promise<number> {
  const discovery = await readInputs(paths, options, io);
  const result = await lintSources(discovery.files, { preset: options.preset }, discovery.notes);
  const findings = options.quiet ? result.findings.filter((finding) => finding.severity === 'error') : result.findings;
  const rules = (await enabledRules({ preset: options.preset })).map(({ rule, severity }) => ({
    id: rule.id,
    category: rule.meta.category,
    defaultSeverity: severity,
    description: rule.meta.description,
    help: rule.meta.help,
    docsUrl: docsUrl(rule.id),
  }));
  const input: ReportInput = {
    findings,
    notes: result.notes,
    rules,
    files: result.model.files,
    secretLines: secretLinesOf(result),
    filesLinted: result.filesLinted,
    toolVersion: toolVersion(),
    color: useColor(options, io),
  };
  const output = scrubSecrets(formatReport(options.format, input), result.secrets);
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
  return exitStatusFor(findings, options.maxWarnings);
}
