// The pipeline from file texts to findings: extract facts per file, join them into one repository model, run every
// enabled rule over it, and turn reports into findings. No process exits and no printing happen here.

import { createHash } from 'node:crypto';
import { extractFileFacts } from '../sources/index.js';
import { newSourceContext } from '../sources/source-context.js';
import { SourceTexts } from '../sources/source-texts.js';
import { mergeFacts } from '../sources/source-text.js';
import { literalSecretsOf } from '../model/secrets.js';
import type { FileFacts, LibraryDependency, RepoModel, Severity } from '../model/types.js';
import type { Policy } from '../policy/policy-types.js';
import { emptyFileFacts } from '../model/types.js';
import { builtInRules, type PresetName } from './registry.js';
import { docsUrl, fillTemplate, type Finding, type ReportDescriptor, type Rule, type RuleContext, type SkipNote } from './rule.js';
import { applySuppressions } from './suppressions.js';
import { developmentStackOf } from '../model/environments.js';
import { applyConfiguredEnvironments } from './configured-environments.js';
import { settingPerFile, severityWhereEnabled, type SettingInFile } from './rule-settings.js';
import type { FactsCache } from './cache.js';
import { compareText } from '../model/text-order.js';

export type RuleSetting = Severity | 'off';

export interface LintOptions {
  preset?: PresetName;
  /** Per-rule severity or `off`, on top of the preset. */
  rules?: Record<string, RuleSetting>;
  /** Per-file rule settings (configuration `overrides`), applied after `rules`; the last matching entry wins. */
  overrides?: Array<{ files: string[]; rules: Record<string, RuleSetting> }>;
  /** Named file globs (`environments`), e.g. dev stacks; facts in matching files get that environment. */
  environments?: Record<string, string[]>;
  /** The organisation's governance policies. */
  policies?: Policy[];
  /**
   * The working directory as a path below the folder configuration globs are relative to (the configuration file's
   * folder): the prefix that turns a file's path into the path globs see (src/config/file-globs.ts configRelativePath).
   */
  configBase?: string;
  /** The configuration file as messages name it (`matches environments.dev in kafkalint.config.yaml`). */
  configFile?: string;
  /** Facts that come from no file, merged into the model before rules run: what `kafkalint cluster` read live. */
  extraFacts?: { facts: FileFacts; live?: RepoModel['live'] };
  /** `--cache`: facts of unchanged files come from here (see cache.ts); the caller saves it after the run. */
  cache?: FactsCache;
}

export interface SourceFile {
  /** Path relative to the working directory, POSIX separators: how every output names the file. */
  path: string;
  text: string;
}

/**
 * A code file whose text discovery did not keep, because it does not mention Kafka (sources/source-texts.ts says
 * why): no facts come from it, and its text is read again only if a Kafka module imports it.
 */
export interface DeferredSourceFile {
  path: string;
  read: () => string | undefined;
}

export interface LintResult {
  findings: Finding[];
  notes: SkipNote[];
  model: RepoModel;
  /** Literal secret values seen in the inputs; the CLI scrubs them from every output. */
  secrets: Set<string>;
  filesLinted: number;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Read every file's facts and join them into the repository model. */
export async function buildRepoModel(files: Array<SourceFile | DeferredSourceFile>, cache?: FactsCache): Promise<RepoModel> {
  const texts = new SourceTexts();
  for (const file of files) {
    if ('text' in file) texts.set(file.path, file.text);
    else texts.defer(file.path, file.read);
  }
  const model: RepoModel = { ...emptyFileFacts(), files: texts };
  const context = newSourceContext(texts);
  context.stats.filesRead = texts.fileCount;
  model.stats = context.stats;
  for (const file of files) {
    if (!('text' in file)) continue;
    let facts: FileFacts;
    const cached = cache?.lookup(file.path, file.text, context);
    if (cached) {
      mergeFacts(model, cached);
      continue;
    }
    try {
      facts = await extractFileFacts(file.path, file.text, context);
      cache?.store(file.path, file.text, facts, context);
    } catch (error) {
      // An extractor bug must not hide the other files' findings: report it where the user can see it.
      facts = emptyFileFacts();
      facts.problems.push({ file: file.path, line: 1, column: 1, message: `kafkalint could not read this file: ${(error as Error).message}` });
    }
    mergeFacts(model, facts);
  }
  applyDependencyVersions(model);
  return model;
}

const LOCKFILES = new Set(['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml']);

function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash + 1);
}

/**
 * The version a client's library has in the repository: the manifest nearest above the client's file wins (a
 * monorepo's packages pin their own versions), and at the same folder a lockfile's exact version beats a
 * package.json range. Manifests that still tie (a pom.xml beside a build.gradle) are taken in file-name order, so
 * the answer never depends on the order files were read in.
 */
export function versionFor(client: { file: string; library: string }, dependencies: LibraryDependency[]): string | undefined {
  // Spring for Apache Kafka runs the Java client: its defaults are those of the kafka-clients version in the build.
  const library = client.library === 'spring' ? 'java' : client.library;
  let best: ManifestVersion | undefined;
  for (const dependency of dependencies) {
    if (dependency.library !== library || !dependency.version) continue;
    const folder = folderOf(dependency.file);
    if (!client.file.startsWith(folder)) continue;
    const candidate = { version: dependency.version, depth: folder.split('/').length, exact: LOCKFILES.has(dependency.file.slice(folder.length)), file: dependency.file };
    if (!best || preferredManifest(candidate, best)) best = candidate;
  }
  return best?.version;
}

interface ManifestVersion {
  version: string;
  /** How many folders deep the manifest is: the nearest one above a client wins. */
  depth: number;
  /** A lockfile's exact version, rather than a manifest's range. */
  exact: boolean;
  file: string;
}

function preferredManifest(candidate: ManifestVersion, best: ManifestVersion): boolean {
  if (candidate.depth !== best.depth) return candidate.depth > best.depth;
  if (candidate.exact !== best.exact) return candidate.exact;
  return compareText(candidate.file, best.file) < 0 || (candidate.file === best.file && compareText(candidate.version, best.version) < 0);
}

/** Clients whose file does not pin a version take the version the repository's manifests declare. */
function applyDependencyVersions(model: RepoModel): void {
  for (const client of model.clients) {
    client.libraryVersion ??= versionFor(client, model.dependencies);
  }
}

function collectSecrets(model: RepoModel): Set<string> {
  const secrets = new Set<string>();
  for (const fact of [...model.clients, ...model.brokers, ...model.topics]) {
    for (const setting of fact.settings) {
      for (const value of literalSecretsOf(setting.writtenAs, setting.raw)) secrets.add(value);
      for (const value of literalSecretsOf(setting.key, setting.raw)) secrets.add(value);
    }
  }
  return secrets;
}

function raise(severity: Severity): Severity {
  return severity === 'info' ? 'warning' : 'error';
}

function fingerprintOf(ruleId: string, file: string, key: string, occurrence: number): string {
  return createHash('sha256').update(`${ruleId}\u0000${file}\u0000${key}\u0000${occurrence}`).digest('hex').slice(0, 16);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Messages name where a value was set (`set at config/producer.properties:12`). Inside a finding on that same file
 * the path is noise, so it reads `set at line 12`; other files keep their path, which is what makes cross-file
 * findings (a producer and the broker that sets min.insync.replicas) readable.
 */
export function shortenOwnFileReferences(message: string, file: string): string {
  if (!message.includes(file)) return message; // the common case, without building a RegExp
  return message.replace(new RegExp(`(?<![\\w./-])${escapeRegExp(file)}:(\\d+)`, 'g'), 'line $1');
}

function runRule(rule: Rule, severity: Severity | SettingInFile, preset: PresetName, model: RepoModel, configuration: Pick<RuleContext<string>, 'policies' | 'configBase'> = {}): Finding[] {
  const findings: Finding[] = [];
  const report = (descriptor: ReportDescriptor<string>) => {
    const template = rule.meta.messages[descriptor.messageId];
    if (template === undefined) throw new Error(`rule ${rule.id} reported unknown message id "${descriptor.messageId}"`);
    const ruleSeverity = typeof severity === 'function' ? severity(descriptor.location.file) : severity;
    if (ruleSeverity === 'off') return;
    let findingSeverity = descriptor.severity ? (preset === 'strict' ? raise(descriptor.severity) : descriptor.severity) : ruleSeverity;
    let message = shortenOwnFileReferences(fillTemplate(template, descriptor.data), descriptor.location.file);
    const environment = descriptor.subject?.environment;
    const developmentStack = developmentStackOf(environment);
    if (developmentStack && rule.meta.category === 'durability' && findingSeverity !== 'info') {
      findingSeverity = 'info';
      message += ` Reported as info: ${developmentStack.reason}.`;
    }
    const location = descriptor.location;
    findings.push({
      ruleId: rule.id,
      messageId: descriptor.messageId,
      severity: findingSeverity,
      message,
      help: rule.meta.help,
      file: location.file,
      line: location.line,
      column: location.column,
      endLine: location.endLine ?? location.line,
      endColumn: location.endColumn ?? location.column,
      origin: descriptor.origin,
      related: descriptor.related ?? [],
      environment,
      docsUrl: docsUrl(rule.id),
      fingerprint: '',
      fingerprintKey: descriptor.fingerprintKey,
    });
  };
  rule.check({ model, report, ...configuration });
  return findings;
}

function compareFindings(left: Finding, right: Finding): number {
  return (
    compareText(left.file, right.file) ||
    left.line - right.line ||
    left.column - right.column ||
    compareText(left.ruleId, right.ruleId) ||
    SEVERITY_ORDER[left.severity] - SEVERITY_ORDER[right.severity] ||
    compareText(left.message, right.message)
  );
}

/** Logical fingerprints: rule + file + key or resource + occurrence, stable when lines move. */
function assignFingerprints(findings: Finding[]): void {
  const occurrences = new Map<string, number>();
  for (const finding of findings) {
    const key = finding.fingerprintKey ?? finding.messageId;
    const identity = `${finding.ruleId}\u0000${finding.file}\u0000${key}`;
    const occurrence = occurrences.get(identity) ?? 0;
    occurrences.set(identity, occurrence + 1);
    finding.fingerprint = fingerprintOf(finding.ruleId, finding.file, key, occurrence);
  }
}

/** Resolve which rules run and at what severity; unknown ids are the caller's error to report. */
export async function enabledRules(options: LintOptions): Promise<Array<{ rule: Rule; severity: Severity }>> {
  const rules = await builtInRules();
  const enabled: Array<{ rule: Rule; severity: Severity }> = [];
  for (const rule of rules.values()) {
    const severity = severityWhereEnabled(rule, options);
    if (severity) enabled.push({ rule, severity });
  }
  return enabled;
}

/** The first of findings with the same rule, position and message (two listeners on one line stay two findings). */
export function withoutRepeats(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const identity = `${finding.ruleId}\u0000${finding.file}\u0000${finding.line}\u0000${finding.column}\u0000${finding.message}`;
    if (seen.has(identity)) return false;
    seen.add(identity);
    return true;
  });
}

export async function lintSources(files: Array<SourceFile | DeferredSourceFile>, options: LintOptions = {}, notes: SkipNote[] = []): Promise<LintResult> {
  const model = await buildRepoModel(files, options.cache);
  if (options.extraFacts) {
    mergeFacts(model, options.extraFacts.facts);
    model.live = options.extraFacts.live;
  }
  applyConfiguredEnvironments(model, options);
  const preset = options.preset ?? 'recommended';
  const findings: Finding[] = [];
  const enabled = await enabledRules(options);
  for (const { rule } of enabled) {
    findings.push(...runRule(rule, settingPerFile(rule, options), preset, model, { policies: options.policies ?? [], configBase: options.configBase }));
  }
  // One setting can reach a rule through several facts (a Kafka object shared by the producers made from it, a
  // client file read as producer and consumer): the user sees each finding once.
  const unique = withoutRepeats(findings);
  findings.length = 0;
  findings.push(...unique);
  // Suppression comments mark what they cover (kept, not dropped) and report on themselves through their two rules.
  const reportAs = (id: string, descriptor: ReportDescriptor<string>) => {
    const entry = enabled.find(({ rule }) => rule.id === id);
    return entry ? runRule({ ...entry.rule, check: ({ report }) => report(descriptor) }, entry.severity, preset, model) : [];
  };
  findings.push(...applySuppressions(findings, model.files, new Set((await builtInRules()).keys()), reportAs));
  findings.sort(compareFindings);
  assignFingerprints(findings);
  return { findings, notes, model, secrets: collectSecrets(model), filesLinted: files.length };
}
