// The GitHub Action: lint the checked-out repository in-process with the same engine and formatters as the CLI,
// then speak the runner's protocol — annotations (workflow commands) on standard output, outputs appended to
// GITHUB_OUTPUT, a Markdown table appended to GITHUB_STEP_SUMMARY, and a SARIF file for code scanning.
// `bin/kafkalint-action.js` is the only caller that touches `process`; tests call runAction with their own env.

import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConfigError, formatConfigProblem } from '../config/config-problems.js';
import { ignoredPaths } from '../config/ignore-patterns.js';
import { lintOptionsOf, loadConfiguration } from '../config/load-config.js';
import { discoverFiles, PathNotFoundError } from '../engine/discover.js';
import { enabledRules, lintSources } from '../engine/lint.js';
import type { Finding } from '../engine/rule.js';
import { runBaselineStep } from '../cli/baseline-step.js';
import { exitStatusFor } from '../cli/exit-status.js';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from '../cli/io.js';
import { runCli, toolVersion } from '../cli/main.js';
import { escapeData, escapeProperty } from '../report/github.js';
import { buildReportInput, formatReport, scrubSecrets } from '../report/index.js';
import { ownWordsOf } from '../report/redact.js';
import { countBySeverity, plural } from '../report/summary.js';
import { ActionInputError, readActionInputs, type ActionInputs } from './inputs.js';
import { jobSummary } from './job-summary.js';

export interface ActionIo {
  /** The folder to lint from: GITHUB_WORKSPACE on a runner. */
  cwd: string;
  env: Record<string, string | undefined>;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Whether the findings fail the step, by the fail-on and max-warnings inputs. */
export function actionExitStatus(findings: Finding[], inputs: Pick<ActionInputs, 'failOn' | 'maxWarnings'>): number {
  if (inputs.failOn === 'never') return EXIT_OK;
  if (inputs.failOn === 'warning') return exitStatusFor(findings, 0);
  return exitStatusFor(findings, inputs.maxWarnings);
}

function verdictOf(exitCode: number, inputs: ActionInputs): string {
  if (exitCode === EXIT_OK) return inputs.failOn === 'never' ? 'The step passes (fail-on: never).' : 'The step passes.';
  const limit = inputs.failOn === 'warning' ? 'fail-on: warning' : inputs.maxWarnings !== undefined ? `fail-on: error, max-warnings: ${inputs.maxWarnings}` : 'fail-on: error';
  return `The step fails (${limit}).`;
}

/** Appends `name=value` lines; a value with a line break uses the heredoc form the runner also accepts. */
function writeOutputs(file: string | undefined, outputs: Record<string, string>): void {
  if (!file) return;
  const lines = Object.entries(outputs).map(([name, value]) => {
    if (!/[\r\n]/.test(value)) return `${name}=${value}\n`;
    const delimiter = `kafkalint_${Math.random().toString(36).slice(2)}`;
    return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
  });
  appendFileSync(file, lines.join(''));
}

/** Values the runner must never print: `::add-mask::` makes it replace them with *** in every later log line. */
function maskedValues(inputs: ActionInputs): string[] {
  return [inputs.saslUsername, inputs.saslPassword].filter((value): value is string => value !== undefined);
}

function withoutValues(text: string, values: string[]): string {
  return values.reduce((result, value) => result.split(value).join('***'), text);
}

/** The optional live audit: the `cluster` subcommand, its credentials passed in the environment, never as flags. */
async function runLiveAudit(inputs: ActionInputs, io: ActionIo, masked: string[]): Promise<number> {
  const argv = ['cluster', '--bootstrap-server', inputs.bootstrapServer!, '--format', 'github'];
  if (inputs.commandConfig) argv.push('--command-config', inputs.commandConfig);
  argv.push(...inputs.paths);
  const env = { ...io.env };
  if (inputs.saslUsername) env.KAFKALINT_SASL_USERNAME = inputs.saslUsername;
  if (inputs.saslPassword) env.KAFKALINT_SASL_PASSWORD = inputs.saslPassword;
  io.stdout(`::group::${escapeData(`kafkalint cluster --bootstrap-server ${inputs.bootstrapServer}`)}\n`);
  const exitCode = await runCli(argv, {
    cwd: io.cwd,
    env,
    isTTY: false,
    readStdin: async () => '',
    stdout: (text) => io.stdout(withoutValues(text, masked)),
    stderr: (text) => io.stderr(withoutValues(text, masked)),
  });
  io.stdout('::endgroup::\n');
  return exitCode;
}

async function lintAndReport(inputs: ActionInputs, io: ActionIo): Promise<number> {
  const masked = maskedValues(inputs);
  for (const value of masked) io.stdout(`::add-mask::${escapeData(value)}\n`);

  const configuration = await loadConfiguration(io.cwd, inputs.config);
  const lintOptions = lintOptionsOf(configuration);
  const discovery = discoverFiles(inputs.paths, io.cwd, ignoredPaths(configuration));
  const result = await lintSources(discovery.files, lintOptions, discovery.notes);
  const cliIo: CliIo = { cwd: io.cwd, env: io.env, isTTY: false, readStdin: async () => '', stdout: io.stdout, stderr: io.stderr };
  const baseline = await runBaselineStep(result, inputs.paths, { baseline: configuration?.baseline }, cliIo);

  const rules = await enabledRules(lintOptions);
  const input = buildReportInput(result, rules, { toolVersion: toolVersion(), color: false });
  let ownWords: Set<string> | undefined;
  const scrub = (text: string) => withoutValues(scrubSecrets(text, result.secrets, () => (ownWords ??= ownWordsOf(rules))), masked);

  if (inputs.format !== 'github') io.stdout(scrub(formatReport(inputs.format, input)));
  io.stdout(scrub(formatReport('github', input)));
  for (const notice of baseline.notices) io.stderr(`${notice}\n`);

  const sarifPath = resolve(io.cwd, inputs.sarifFile);
  mkdirSync(dirname(sarifPath), { recursive: true });
  writeFileSync(sarifPath, scrub(formatReport('sarif', input)));

  let exitCode = actionExitStatus(result.findings, inputs);
  let liveLine = '';
  if (inputs.bootstrapServer) {
    const liveExit = await runLiveAudit(inputs, io, masked);
    if (liveExit === EXIT_USAGE) exitCode = EXIT_USAGE;
    else if (liveExit === EXIT_FINDINGS && inputs.failOn !== 'never' && exitCode === EXIT_OK) exitCode = EXIT_FINDINGS;
    liveLine = `\nLive audit of \`${inputs.bootstrapServer}\`: ${liveExit === EXIT_OK ? 'passed' : liveExit === EXIT_FINDINGS ? 'findings (see the annotations)' : 'could not run (see the log)'}.\n`;
  }

  const counts = countBySeverity(result.findings);
  writeOutputs(io.env.GITHUB_OUTPUT, {
    findings: String(counts.errors + counts.warnings + counts.infos),
    errors: String(counts.errors),
    warnings: String(counts.warnings),
    'sarif-file': sarifPath,
  });
  if (io.env.GITHUB_STEP_SUMMARY) appendFileSync(io.env.GITHUB_STEP_SUMMARY, scrub(jobSummary(input, verdictOf(exitCode, inputs)) + liveLine));
  if (exitCode !== EXIT_OK) {
    io.stderr(`kafkalint: ${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}. ${verdictOf(exitCode, inputs)}\n`);
  }
  return exitCode;
}

/** Run the action; returns the process exit code (0 pass, 1 findings fail the step, 2 wrong input or setup). */
export async function runAction(io: ActionIo): Promise<number> {
  try {
    return await lintAndReport(readActionInputs(io.env), io);
  } catch (error) {
    const fail = (message: string) => io.stdout(`::error title=${escapeProperty('kafkalint')}::${escapeData(message)}\n`);
    if (error instanceof ConfigError) {
      for (const problem of error.problems) fail(formatConfigProblem(problem));
    } else if (error instanceof ActionInputError || error instanceof UsageError || error instanceof PathNotFoundError) {
      fail(error.message);
    } else {
      fail(`internal error: ${(error as Error).message}`);
    }
    return EXIT_USAGE;
  }
}
