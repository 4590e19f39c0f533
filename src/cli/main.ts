// argv → options → engine → formatter → exit code. The only module that decides exit codes; `bin/kafkalint.js`
// is the only one that touches `process`.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { packageRoot } from '../engine/package-root.js';
import { builtInRules, PRESETS, type PresetName } from '../engine/registry.js';
import { FORMAT_NAMES, type FormatName } from '../report/report-input.js';
import { closestMatch } from './did-you-mean.js';
import { EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from './io.js';
import { runLint, type LintCommandOptions } from './lint-command.js';
import { ConfigError, formatConfigProblem } from '../config/config-problems.js';
// Subcommand modules (config-commands loads the YAML library) are imported when their command runs: start-up time
// is the pre-commit hook's budget.
import { explainRule, listRules } from './rules-command.js';
import type { ClusterCommandOptions } from './cluster-command.js';

export function toolVersion(): string {
  const manifest = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

function parseFormat(value: string): FormatName {
  if ((FORMAT_NAMES as string[]).includes(value)) return value as FormatName;
  const suggestion = closestMatch(value, FORMAT_NAMES);
  throw new UsageError(`unknown format "${value}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; use one of: ${FORMAT_NAMES.join(', ')}`);
}

function parseMaxWarnings(value: string): number {
  if (!/^-?\d+$/.test(value)) throw new UsageError(`--max-warnings takes a whole number, not "${value}"`);
  return Number(value);
}

function parsePositiveInteger(flag: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value) || Number(value) <= 0) throw new UsageError(`${flag} takes a positive whole number, not "${value}"`);
    return Number(value);
  };
}

function parsePreset(value: string): PresetName {
  if ((PRESETS as string[]).includes(value)) return value as PresetName;
  throw new UsageError(`unknown preset "${value}"; use one of: ${PRESETS.join(', ')}`);
}

function buildProgram(io: CliIo, setExitCode: (code: number) => void): Command {
  const program = new Command();
  program
    .name('kafkalint')
    .description('Find unsafe Kafka client, topic and broker settings in a repository.')
    .version(toolVersion(), '-v, --version')
    .argument('[paths...]', 'files or folders to lint', [])
    .addOption(new Option('-f, --format <name>', `output format: ${FORMAT_NAMES.join(', ')}`).default('stylish').argParser(parseFormat))
    .option('-o, --output-file <path>', 'write the report to this file instead of standard output')
    .option('--max-warnings <n>', 'exit with 1 when there are more warnings than this', parseMaxWarnings)
    .option('--quiet', 'report errors only (warnings and infos are neither shown nor counted)')
    .option('--color', 'force coloured output')
    .option('--no-color', 'never colour the output')
    .addOption(new Option('--preset <name>', `rule preset: ${PRESETS.join(', ')} (default: the configuration's, else recommended)`).argParser(parsePreset))
    .option('-c, --config <path>', 'use this configuration file instead of the kafkalint.config.yaml found from here up')
    .option('--ignore-pattern <pattern>', 'also skip files matching this glob (repeatable; relative to the working directory)', (pattern: string, patterns: string[] = []) => [...patterns, pattern])
    .option('--no-ignore', 'read files that ignorePatterns and --ignore-pattern would skip')
    .option('--cache', 'reuse the facts of unchanged files from the previous run (stored in .kafkalint-cache/)')
    .option('--cache-location <path>', 'folder for the --cache file (default: .kafkalint-cache)')
    .option('--stats', 'print what was read and parsed, and how long it took, to standard error')
    .option('--stdin', 'lint text read from standard input')
    .option('--stdin-filename <name>', 'the file name that standard input stands for (decides how it is read)')
    .option('--baseline <path>', 'baseline file of accepted findings (default: .kafkalint-baseline.json, used when it exists)')
    .option('--baseline-write', 'record every current finding in the baseline file and exit 0')
    .option('--baseline-prune', 'remove baseline entries that no longer occur from the baseline file')
    .showHelpAfterError(false)
    // Options after a subcommand belong to it (`kafkalint rules --format json`), not to the lint command.
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
      outputError: () => {},
    })
    .action(async (paths: string[], options: LintCommandOptions) => {
      setExitCode(await runLint(paths, options, io));
    });

  program
    .command('rules')
    .description('list the built-in rules')
    .addOption(new Option('-f, --format <name>', 'text or json').choices(['text', 'json']).default('text'))
    .action(async (options: { format: 'text' | 'json' }) => {
      io.stdout(await listRules(options.format));
      setExitCode(EXIT_OK);
    });

  program
    .command('explain')
    .description('show the documentation page of a rule')
    .argument('<rule-id>', 'the rule to explain')
    .action(async (ruleId: string) => {
      io.stdout(await explainRule(ruleId));
      setExitCode(EXIT_OK);
    });

  program
    .command('init')
    .description('write a commented starter kafkalint.config.yaml in the current folder')
    .action(async () => {
      io.stdout((await import('./config-commands.js')).initConfig(io));
      setExitCode(EXIT_OK);
    });

  program
    .command('print-config')
    .description('show the rule settings, environment and policies that apply to a file')
    .argument('<file>', 'the file, relative to the current folder')
    .option('-c, --config <path>', 'use this configuration file instead of the one found from here up')
    .addOption(new Option('-f, --format <name>', 'yaml or json').choices(['yaml', 'json']).default('yaml'))
    .action(async (file: string, options: { config?: string; format: 'yaml' | 'json' }) => {
      io.stdout(await (await import('./config-commands.js')).printConfig(file, options, io));
      setExitCode(EXIT_OK);
    });

  program
    .command('cluster')
    .description('audit a live Kafka cluster (read-only) and check it together with the repository')
    .argument('[paths...]', 'repository files or folders whose clients meet the live topics', [])
    .requiredOption('--bootstrap-server <host:port,...>', 'brokers to connect to')
    .option('--command-config <path>', 'Kafka client .properties with security.protocol, sasl.mechanism, sasl.jaas.config (passwords never on the command line)')
    .option('--topics <glob>', 'audit only the topics matching this glob')
    .option('--groups <glob>', 'audit only the consumer groups matching this glob')
    .option('--timeout <ms>', 'bound on connecting and on the whole audit', parsePositiveInteger('--timeout'), 10000)
    .option('--lag-threshold <n>', 'consumer lag above this is reported (default 1000)', parsePositiveInteger('--lag-threshold'))
    .addOption(new Option('-f, --format <name>', `output format: ${FORMAT_NAMES.join(', ')}`).default('stylish').argParser(parseFormat))
    .option('-o, --output-file <path>', 'write the report to this file instead of standard output')
    .option('--quiet', 'report errors only')
    .option('--color', 'force coloured output')
    .option('--no-color', 'never colour the output')
    .addOption(new Option('--preset <name>', `rule preset: ${PRESETS.join(', ')}`).argParser(parsePreset))
    .option('-c, --config <path>', 'use this configuration file instead of the kafkalint.config.yaml found from here up')
    .action(async (paths: string[], options: ClusterCommandOptions) => {
      setExitCode(await (await import('./cluster-command.js')).runCluster(paths, options, io));
    });

  for (const command of program.commands) {
    command.exitOverride().configureOutput({ writeOut: (text) => io.stdout(text), writeErr: (text) => io.stderr(text), outputError: () => {} });
  }
  return program;
}

/** Run the CLI; returns the exit code instead of exiting, so tests run it in-process. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let exitCode = EXIT_OK;
  const program = buildProgram(io, (code) => (exitCode = code));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with a CommanderError whose exit code is 0.
      if (error.exitCode === 0) return EXIT_OK;
      const cause = (error as CommanderError & { cause?: unknown }).cause;
      const message = cause instanceof UsageError ? cause.message : error.message.replace(/^error: /, '');
      io.stderr(`kafkalint: ${message}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof UsageError) {
      io.stderr(`kafkalint: ${error.message}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof ConfigError) {
      // One grep-able line per problem: the configuration file, line and column, and what was expected.
      for (const problem of error.problems) io.stderr(`${formatConfigProblem(problem)}\n`);
      return EXIT_USAGE;
    }
    // Not the user's mistake: say so plainly, with the detail needed for a bug report, and exit 2.
    io.stderr(`kafkalint: internal error: ${(error as Error).message}\nPlease report this at https://github.com/kafkalint/kafkalint/issues\n`);
    return EXIT_USAGE;
  }
}

export async function knownRuleIds(): Promise<string[]> {
  return [...(await builtInRules()).keys()];
}
