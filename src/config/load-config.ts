// The configuration file: found from the working directory upward (or named with --config), checked, its `extends`
// followed, and merged into one Configuration that the lint command turns into LintOptions.
//
// Merging, in `extends` order with the file itself last (later wins): the last preset named; `rules` key by key;
// `overrides` and `ignorePatterns` appended; `environments` name by name; `policies` by id; `baseline` replaced.
// Globs in every file are relative to the folder of the file kafkalint loaded (as ESLint's shared configurations
// are): a base configuration says what to check, the repository's own file says where.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { displayPath } from '../engine/discover.js';
import { configuredBaselinePath } from '../engine/baseline.js';
import type { LintOptions, RuleSetting } from '../engine/lint.js';
import { builtInRules, PRESETS, type PresetName } from '../engine/registry.js';
import type { Policy } from '../policy/policy-types.js';
import { compareProblems, ConfigError, type ConfigProblem } from './config-problems.js';
import { rebaseGlob } from './file-globs.js';
import type { ParsedYaml, Position } from './yaml-locations.js';

// The YAML parser and the schema validator (ajv) cost ~130 ms to load; they are imported only when a configuration
// file exists, so a pre-commit run in a repository without one does not pay for them.
let readers: (typeof import('./yaml-locations.js') & typeof import('./validate-config.js')) | undefined;

/** The names kafkalint looks for, in this order, in each folder from the working directory up. */
export const CONFIG_FILE_NAMES = ['kafkalint.config.yaml', 'kafkalint.config.yml', '.kafkalint.yaml', '.kafkalint.yml'];

export type RuleSettings = Record<string, RuleSetting>;

export interface Override {
  files: string[];
  rules: RuleSettings;
  /** Where it was written, for print-config: `overrides[0] in kafkalint.config.yaml`. */
  source?: string;
}

/** The data of one configuration file, once it has passed schema/config.json. */
interface ConfigData {
  extends?: string | string[];
  rules?: RuleSettings;
  overrides?: Array<{ files: string[]; rules: RuleSettings }>;
  environments?: Record<string, string[] | { files: string[]; rules?: RuleSettings }>;
  ignorePatterns?: string[];
  policies?: Policy[];
  baseline?: string;
}

export interface Configuration {
  /** Absolute path of the configuration file kafkalint loaded. */
  file: string;
  /** The same file as messages name it: relative to the working directory. */
  display: string;
  /** Absolute paths of every file read: the ones `extends` names first, the loaded file last. */
  files: string[];
  preset?: PresetName;
  rules: RuleSettings;
  /** Environments' own `rules` first (as overrides of their files), then `overrides` in order. */
  overrides: Override[];
  environments: Record<string, string[]>;
  ignorePatterns: string[];
  policies: Policy[];
  /** Absolute path of the baseline file the configuration names. */
  baseline?: string;
  /** The working directory as a path below the folder the globs are relative to (see configRelativePath). */
  configBase: string;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The configuration file that applies in this folder: the first of CONFIG_FILE_NAMES in it or a folder above. The
 * search stops at a repository's root (a folder with `.git`) and at the filesystem root.
 */
export function findConfigFile(cwd: string): string | undefined {
  let folder = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(folder, name);
      if (isFile(candidate)) return candidate;
    }
    if (existsSync(join(folder, '.git'))) return undefined;
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

interface Layer {
  preset?: PresetName;
  file?: string;
  data?: ConfigData;
  parsed?: ParsedYaml;
}

interface Reading {
  cwd: string;
  ruleIds: ReadonlySet<string>;
  problems: ConfigProblem[];
  layers: Layer[];
}

function problemAt(reading: Reading, file: string, position: Position, message: string): void {
  reading.problems.push({ file: displayPath(reading.cwd, file), ...position, message });
}

/** Read one file and, depth first, the files it extends; append their layers in merge order. */
function readConfigTree(reading: Reading, file: string, chain: string[], reference?: { file: string; position: Position }): void {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    const message = `cannot read configuration file ${displayPath(reading.cwd, file)} (${reason})`;
    if (reference) problemAt(reading, reference.file, reference.position, message);
    else reading.problems.push({ file: displayPath(reading.cwd, file), message: `cannot read this configuration file (${reason})` });
    return;
  }
  const { parseYaml, syntaxErrors, valuePosition, validateConfigData } = readers!;
  const parsed = parseYaml(text);
  const syntax = syntaxErrors(parsed);
  if (syntax.length > 0) {
    for (const error of syntax) problemAt(reading, file, error, `YAML syntax error: ${error.message}`);
    return;
  }
  // An empty file configures nothing, which is valid.
  let data: unknown;
  try {
    data = parsed.document.contents === null ? {} : parsed.document.toJS({ maxAliasCount: 1000 });
  } catch (error) {
    // An alias without its anchor, or one that expands past maxAliasCount (a billion-laughs file), is a YAML error.
    problemAt(reading, file, { line: 1, column: 1 }, `YAML error: ${(error as Error).message}`);
    return;
  }
  const problems = validateConfigData(parsed, data, reading.ruleIds);
  for (const problem of problems) problemAt(reading, file, problem, problem.message);
  if (problems.length > 0) return;
  const config = data as ConfigData;
  const entries = config.extends === undefined ? [] : Array.isArray(config.extends) ? config.extends : [config.extends];
  entries.forEach((entry, index) => {
    if ((PRESETS as string[]).includes(entry)) {
      reading.layers.push({ preset: entry as PresetName });
      return;
    }
    const position = valuePosition(parsed, Array.isArray(config.extends) ? ['extends', String(index)] : ['extends']);
    const target = resolve(dirname(file), entry);
    if (chain.includes(target) || target === file) {
      const cycle = [...chain, file, target].map((path) => displayPath(reading.cwd, path)).join(' → ');
      problemAt(reading, file, position, `extends goes round in a circle: ${cycle}`);
      return;
    }
    readConfigTree(reading, target, [...chain, file], { file, position });
  });
  reading.layers.push({ file, data: config, parsed });
}

function commonFolder(left: string, right: string): string {
  const leftParts = left.split(sep);
  const rightParts = right.split(sep);
  let length = 0;
  while (length < leftParts.length && length < rightParts.length && leftParts[length] === rightParts[length]) length++;
  return leftParts.slice(0, length).join(sep) || sep;
}

function posixPath(path: string): string {
  return path.split(sep).join('/');
}

/**
 * Where globs are matched from. Normally the configuration folder is the working directory or above it: globs stay
 * as written and files get the working directory's path below it as a prefix. A configuration named with --config
 * below or beside the working directory makes both relative to the folder the two share.
 */
function globFrame(configFolder: string, cwd: string): { globPrefix: string; configBase: string } {
  const fromConfig = relative(configFolder, cwd);
  if (!fromConfig.startsWith('..') && !isAbsolute(fromConfig)) return { globPrefix: '', configBase: posixPath(fromConfig) };
  const shared = commonFolder(configFolder, cwd);
  return { globPrefix: posixPath(relative(shared, configFolder)), configBase: posixPath(relative(shared, cwd)) };
}

function rebasePolicyFiles(policy: Policy, prefix: string): Policy {
  const files = policy.match?.files;
  if (!prefix || files === undefined) return policy;
  const rebased = Array.isArray(files) ? files.map((glob) => rebaseGlob(glob, prefix)) : rebaseGlob(files, prefix);
  return { ...policy, match: { ...policy.match, files: rebased } };
}

function merge(reading: Reading, file: string): Configuration {
  const { globPrefix, configBase } = globFrame(dirname(file), reading.cwd);
  const rebase = (globs: string[]) => globs.map((glob) => rebaseGlob(glob, globPrefix));
  const configuration: Configuration = {
    file,
    display: displayPath(reading.cwd, file),
    files: [],
    rules: {},
    overrides: [],
    environments: {},
    ignorePatterns: [],
    policies: [],
    configBase,
  };
  const environmentRules = new Map<string, Override>();
  const policies = new Map<string, Policy>();
  for (const layer of reading.layers) {
    if (layer.preset) configuration.preset = layer.preset;
    const data = layer.data;
    if (!data || !layer.file) continue;
    configuration.files.push(layer.file);
    const layerName = displayPath(reading.cwd, layer.file);
    Object.assign(configuration.rules, data.rules ?? {});
    (data.overrides ?? []).forEach((override, index) => {
      configuration.overrides.push({ files: rebase(override.files), rules: override.rules, source: `overrides[${index}] in ${layerName}` });
    });
    for (const [name, environment] of Object.entries(data.environments ?? {})) {
      const files = rebase(Array.isArray(environment) ? environment : environment.files);
      configuration.environments[name] = files;
      const rules = Array.isArray(environment) ? undefined : environment.rules;
      if (rules) environmentRules.set(name, { files, rules, source: `environments.${name} in ${layerName}` });
      else environmentRules.delete(name);
    }
    configuration.ignorePatterns.push(...rebase(data.ignorePatterns ?? []));
    for (const policy of data.policies ?? []) policies.set(policy.id, rebasePolicyFiles(policy, globPrefix));
    if (data.baseline !== undefined) configuration.baseline = configuredBaselinePath(layer.file, data.baseline);
  }
  configuration.overrides.unshift(...environmentRules.values());
  configuration.policies = [...policies.values()];
  return configuration;
}

/**
 * The configuration that applies: the one `--config` names (relative to the working directory), else the one found
 * from the working directory up; undefined when there is none. Throws ConfigError with every problem found.
 */
export async function loadConfiguration(cwd: string, configPath?: string): Promise<Configuration | undefined> {
  const file = configPath !== undefined ? resolve(cwd, configPath) : findConfigFile(cwd);
  if (file === undefined) return undefined;
  readers ??= { ...(await import('./yaml-locations.js')), ...(await import('./validate-config.js')) };
  const { unknownEnvironments } = readers;
  const reading: Reading = { cwd, ruleIds: new Set((await builtInRules()).keys()), problems: [], layers: [] };
  readConfigTree(reading, file, []);
  if (reading.problems.length === 0) {
    // A policy may select an environment that another file of the configuration defines.
    const defined = reading.layers.flatMap((layer) => Object.keys(layer.data?.environments ?? {}));
    for (const layer of reading.layers) {
      if (!layer.parsed || !layer.file) continue;
      for (const problem of unknownEnvironments(layer.parsed, layer.data, defined)) problemAt(reading, layer.file, problem, problem.message);
    }
  }
  if (reading.problems.length > 0) throw new ConfigError(reading.problems.sort(compareProblems));
  return merge(reading, file);
}

/** What the engine takes from the configuration; a `--preset` given on the command line wins over `extends`. */
export function lintOptionsOf(configuration: Configuration | undefined, preset?: PresetName): LintOptions {
  if (!configuration) return { preset: preset ?? 'recommended' };
  return {
    preset: preset ?? configuration.preset ?? 'recommended',
    rules: configuration.rules,
    overrides: configuration.overrides,
    environments: configuration.environments,
    policies: configuration.policies,
    configBase: configuration.configBase,
    configFile: configuration.display,
  };
}
