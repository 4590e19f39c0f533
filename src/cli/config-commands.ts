// `kafkalint init` (a commented starter configuration) and `kafkalint print-config <file>` (what the configuration
// makes of one file: each rule's setting and where it came from, the file's environment, the policies that can
// apply to it).

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Document, isMap, isScalar, type Pair } from 'yaml';
import { configRelativePath, fileGlobMatcher } from '../config/file-globs.js';
import { ignoredPaths } from '../config/ignore-patterns.js';
import { CONFIG_FILE_NAMES, lintOptionsOf, loadConfiguration, type Configuration } from '../config/load-config.js';
import { STARTER_CONFIG, STARTER_CONFIG_FILE } from '../config/starter-config.js';
import { configuredEnvironmentOf } from '../engine/configured-environments.js';
import { displayPath } from '../engine/discover.js';
import { buildRepoModel, type LintOptions, type RuleSetting } from '../engine/lint.js';
import { builtInRules } from '../engine/registry.js';
import { settingPerFile } from '../engine/rule-settings.js';
import { DEVELOPMENT_ENVIRONMENT } from '../model/environments.js';
import type { EnvironmentInfo } from '../model/types.js';
import type { Policy } from '../policy/policy-types.js';
import { sourceKindOf } from '../sources/index.js';
import { UsageError, type CliIo } from './io.js';

/** Write the starter configuration in the working directory; never over an existing configuration. */
export function initConfig(io: CliIo): string {
  const existing = CONFIG_FILE_NAMES.find((name) => existsSync(join(io.cwd, name)));
  if (existing) throw new UsageError(`${existing} already exists here; kafkalint init does not overwrite it`);
  writeFileSync(join(io.cwd, STARTER_CONFIG_FILE), STARTER_CONFIG, { flag: 'wx' });
  return `Wrote ${STARTER_CONFIG_FILE}: the recommended preset, with commented examples of every other key.\n`;
}

export interface ResolvedFileConfig {
  file: string;
  configuration: string | null;
  preset: string;
  ignored: boolean;
  environment: EnvironmentInfo | null;
  /** The overrides whose files match, in the order they apply. */
  overrides: Array<{ source: string; files: string[] }>;
  rules: Record<string, RuleSetting>;
  /** Where each rule's setting came from, when not from the preset. */
  ruleSources: Record<string, string>;
  policies: Array<Pick<Policy, 'id' | 'severity' | 'description'>>;
}

/** kafkalint's own development-stack detection, which reads the file (a single-broker docker-compose file). */
async function detectedEnvironment(path: string, absolute: string): Promise<EnvironmentInfo | undefined> {
  if (!sourceKindOf(path) || !existsSync(absolute)) return undefined;
  const model = await buildRepoModel([{ path, text: readFileSync(absolute, 'utf8') }]);
  return [...model.brokers, ...model.topics, ...model.clients].find((fact) => fact.environment)?.environment;
}

async function environmentOf(path: string, absolute: string, options: LintOptions): Promise<EnvironmentInfo | undefined> {
  const configured = configuredEnvironmentOf(path, options);
  if (configured) return configured;
  if (options.environments && DEVELOPMENT_ENVIRONMENT in options.environments) return undefined;
  return detectedEnvironment(path, absolute);
}

function policyApplies(policy: Policy, path: string, environment: EnvironmentInfo | undefined, configBase: string | undefined): boolean {
  const files = policy.match?.files;
  if (files !== undefined && !fileGlobMatcher(Array.isArray(files) ? files : [files])(configRelativePath(path, configBase))) return false;
  return policy.match?.environment === undefined || policy.match.environment === environment?.name;
}

export async function resolveFileConfig(file: string, configuration: Configuration | undefined, cwd: string): Promise<ResolvedFileConfig> {
  const absolute = resolve(cwd, file);
  const path = displayPath(cwd, absolute);
  const options = lintOptionsOf(configuration);
  const relativePath = configRelativePath(path, options.configBase);
  const overrides = (configuration?.overrides ?? []).filter((override) => fileGlobMatcher(override.files)(relativePath));
  const rules: Record<string, RuleSetting> = {};
  const ruleSources: Record<string, string> = {};
  for (const rule of (await builtInRules()).values()) {
    const setting = settingPerFile(rule, options);
    rules[rule.id] = typeof setting === 'function' ? setting(path) : setting;
    const override = [...overrides].reverse().find((candidate) => candidate.rules[rule.id] !== undefined);
    if (override) ruleSources[rule.id] = override.source ?? 'overrides';
    else if (configuration?.rules[rule.id] !== undefined) ruleSources[rule.id] = `rules in ${configuration.display}`;
  }
  const environment = await environmentOf(path, absolute, options);
  return {
    file: path,
    configuration: configuration?.display ?? null,
    preset: options.preset ?? 'recommended',
    ignored: ignoredPaths(configuration)?.file(path) ?? false,
    environment: environment ?? null,
    overrides: overrides.map((override) => ({ source: override.source ?? 'overrides', files: override.files })),
    rules,
    ruleSources,
    policies: (configuration?.policies ?? [])
      .filter((policy) => policyApplies(policy, path, environment, options.configBase))
      .map((policy) => ({ id: policy.id, severity: policy.severity, ...(policy.description ? { description: policy.description } : {}) })),
  };
}

/** YAML for people: rule settings that do not come from the preset say where they come from in a comment. */
function asYaml(resolved: ResolvedFileConfig): string {
  const { ruleSources, ...shown } = resolved;
  const document = new Document(shown);
  const rules = document.get('rules', true);
  if (isMap(rules)) {
    for (const pair of rules.items as Pair[]) {
      const source = isScalar(pair.key) ? ruleSources[String(pair.key.value)] : undefined;
      if (source && isScalar(pair.value)) pair.value.comment = ` ${source}`;
    }
  }
  return `# kafkalint print-config ${resolved.file}\n${document.toString({ lineWidth: 0 })}`;
}

export async function printConfig(file: string, options: { config?: string; format: 'yaml' | 'json' }, io: CliIo): Promise<string> {
  const configuration = await loadConfiguration(io.cwd, options.config);
  const resolved = await resolveFileConfig(file, configuration, io.cwd);
  return options.format === 'json' ? `${JSON.stringify(resolved, null, 2)}\n` : asYaml(resolved);
}
