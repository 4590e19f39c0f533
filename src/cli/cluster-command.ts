// `kafkalint cluster --bootstrap-server host:9092 [paths…]`: read a live cluster (read-only), merge what it holds
// into the model with the repository's facts, run every rule, and report like the lint command.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ignoredPaths } from '../config/ignore-patterns.js';
import { lintOptionsOf, loadConfiguration } from '../config/load-config.js';
import { discoverFiles, PathNotFoundError, type Discovery } from '../engine/discover.js';
import { enabledRules, lintSources } from '../engine/lint.js';
import type { PresetName } from '../engine/registry.js';
import { buildReportInput, formatReport, scrubSecrets, type FormatName } from '../report/index.js';
import { ownWordsOf } from '../report/redact.js';
import { clientSecurityOf, ConnectionSetupError, kafkaConfigOf } from '../cluster/connection.js';
import { AuditTimeoutError, describeConnectionFailure } from '../cluster/connection-errors.js';
import { liveFactsOf } from '../cluster/live-facts.js';
import { readCluster } from '../cluster/read-cluster.js';
import type { LiveSnapshot } from '../cluster/snapshot.js';
import { exitStatusFor } from './exit-status.js';
import { EXIT_USAGE, UsageError, type CliIo } from './io.js';
import { toolVersion } from './main.js';

export interface ClusterCommandOptions {
  bootstrapServer: string;
  commandConfig?: string;
  topics?: string;
  groups?: string;
  timeout: number;
  lagThreshold?: number;
  format: FormatName;
  outputFile?: string;
  quiet?: boolean;
  color?: boolean;
  preset?: PresetName;
  config?: string;
}

function bootstrapServersOf(text: string): string[] {
  const servers = text.split(',').map((server) => server.trim()).filter((server) => server !== '');
  for (const server of servers) {
    if (!/^[^\s:]+:\d+$/.test(server) && !/^\[[0-9a-f:]+\]:\d+$/i.test(server)) throw new UsageError(`--bootstrap-server takes host:port[,host:port…], not "${server}"`);
  }
  if (servers.length === 0) throw new UsageError('--bootstrap-server needs at least one host:port');
  return servers;
}

function readCommandConfig(path: string | undefined, cwd: string): string | undefined {
  if (!path) return undefined;
  try {
    return readFileSync(resolve(cwd, path), 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read --command-config ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** readCluster under one overall deadline: kafkajs' per-request timeouts do not bound a sequence of calls. */
async function withDeadline<T>(work: Promise<T>, timeoutMs: number, onTimeout: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(new AuditTimeoutError('timed out'));
    }, timeoutMs);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function repositoryFiles(paths: string[], io: CliIo, ignored: ReturnType<typeof ignoredPaths>): Discovery {
  // Without paths the audit is of the cluster alone; the lint command is the one that defaults to the folder.
  if (paths.length === 0) return { files: [], notes: [] };
  try {
    return discoverFiles(paths, io.cwd, ignored);
  } catch (error) {
    if (error instanceof PathNotFoundError) throw new UsageError(error.message);
    throw error;
  }
}

export async function runCluster(paths: string[], options: ClusterCommandOptions, io: CliIo): Promise<number> {
  const bootstrap = bootstrapServersOf(options.bootstrapServer);
  const security = clientSecurityOf(readCommandConfig(options.commandConfig, io.cwd), io.env);
  let kafkaConfig;
  try {
    kafkaConfig = kafkaConfigOf(bootstrap, security, options.timeout);
  } catch (error) {
    if (error instanceof ConnectionSetupError) throw new UsageError(error.message);
    throw error;
  }
  const scrub = (text: string) => (security.password ? text.split(security.password).join('****') : text);
  let snapshot: LiveSnapshot;
  try {
    const abort = new AbortController();
    const reading = readCluster(kafkaConfig, { topics: options.topics, groups: options.groups, signal: abort.signal, progress: (line) => io.stderr(`${line}\n`) });
    snapshot = await withDeadline(reading, options.timeout, () => abort.abort());
  } catch (error) {
    io.stderr(scrub(`kafkalint: cannot audit the cluster at ${bootstrap.join(',')}: ${describeConnectionFailure(error, options.timeout)}\n`));
    return EXIT_USAGE;
  }
  for (const problem of snapshot.problems) io.stderr(scrub(`kafkalint: ${problem}\n`));

  const configuration = await loadConfiguration(io.cwd, options.config);
  const lintOptions = { ...lintOptionsOf(configuration, options.preset), extraFacts: liveFactsOf(snapshot, options.lagThreshold, options.topics !== undefined) };
  const discovery = repositoryFiles(paths, io, ignoredPaths(configuration, undefined));
  const result = await lintSources(discovery.files, lintOptions, discovery.notes);
  if (security.password) result.secrets.add(security.password);
  const findings = options.quiet ? result.findings.filter((finding) => finding.severity === 'error') : result.findings;
  const rules = await enabledRules(lintOptions);
  const color = options.outputFile ? false : options.color ?? (io.env.NO_COLOR ? false : io.isTTY);
  const input = { ...buildReportInput(result, rules, { toolVersion: toolVersion(), color }), findings };
  const output = scrubSecrets(formatReport(options.format, input), result.secrets, () => ownWordsOf(rules));
  if (options.outputFile) {
    const { mkdirSync, writeFileSync } = await import('node:fs');
    const { dirname } = await import('node:path');
    const target = resolve(io.cwd, options.outputFile);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, output);
  } else {
    io.stdout(output);
  }
  return exitStatusFor(findings, undefined);
}
