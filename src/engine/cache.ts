// `--cache`: the facts each file yielded, stored by content hash, so an unchanged file is neither parsed nor even
// handed to its parser module on the next run (a warm run over a monorepo never loads TypeScript or YAML).
//
// What is cached, and why: per-file FileFacts, not findings. Facts depend only on the file (and, for code, on the
// modules it imports); rules, presets, overrides, environments and policies are applied afresh on every run. So the
// key needs no configuration hash: changing a rule's severity keeps the cache warm and still takes effect.
//
// The key of an entry: cache format + tool version + a fingerprint of the installed extractors (size and mtime of
// every file under sources/ and model/, or of the bundled CLI, so a rebuilt kafkalint with the same version number does not reuse facts of
// the old build) + the file's path + a SHA-256 of its text.
//
// Code files: a module that imports other modules by relative path can take values from them (a config object in
// `./kafka-config`), and which file an import names depends on which files the run has. Its entry therefore also
// records its dependencies: every relative import of the modules the run parsed for it, transitively, with the file
// each resolved to, and a hash of each of those files' text. The entry is used only while every import still
// resolves to the same file and every such file still has the same text — checking that reads a few files, where a
// hash of the whole file set would read them all. Code files that mention no Kafka client module are not cached at
// all: the substring prefilter that rejects them is cheaper than a cache lookup.
//
// Secrets: facts hold raw setting values, secrets included (rules need them, and the CLI scrubs output with them).
// The cache never stores the facts of a file that holds a literal secret (model/secrets.ts literalSecretsOf), nor of
// a file with a parse problem (parser messages may quote the offending line); such files are read afresh every run.
// So the cache directory never contains a secret in clear text, and warm runs see exactly what cold runs see.
//
// Concurrency: the cache is one file, read once at start and replaced at the end by writing a temporary file and
// renaming it over the old one; concurrent runs each write a whole file (the last one wins, nothing is torn). A
// corrupt, unreadable or other-version file is ignored (the run is then cold).

import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileFacts } from '../model/types.js';
import { literalSecretsOf } from '../model/secrets.js';
import { sourceKindOf } from '../sources/index.js';
import type { SourceContext } from '../sources/source-context.js';
import { mentionsKafkaClient } from '../sources/typescript/prefilter.js';
import { resolveRelativeImport, type CodeProject } from '../sources/typescript/project.js';
import { packageRoot } from './package-root.js';

export const DEFAULT_CACHE_LOCATION = '.kafkalint-cache';
const CACHE_FILE = 'facts.cache';
const CACHE_FORMAT = 3;

/** What a code module's facts depend on besides its own text. */
interface CodeDependencies {
  /** `[importing file, specifier, the file it resolved to or null]` for every relative import followed. */
  imports: Array<[string, string, string | null]>;
  /** Hash of the text of every file those imports resolved to. */
  texts: Record<string, string>;
}

interface CacheEntry {
  path: string;
  /** For a code module: its dependencies (see above); absent for other files, which depend on their text alone. */
  dependencies?: CodeDependencies;
  /**
   * The facts as JSON text: reading the cache file then parses each entry's facts only when its file is looked up,
   * and that parse is also the fresh copy the engine may change (it sets library versions and environments).
   */
  facts: string;
}

interface CacheFile {
  format: number;
  build: string;
  entries: Record<string, CacheEntry>;
}


function statFingerprint(directory: string, hash: ReturnType<typeof createHash>): void {
  let names: string[];
  try {
    names = readdirSync(directory).sort();
  } catch {
    return;
  }
  for (const name of names) {
    const path = join(directory, name);
    const stat = statSync(path);
    if (stat.isDirectory()) statFingerprint(path, hash);
    else hash.update(`${path}\u0000${stat.size}\u0000${stat.mtimeMs}\n`);
  }
}

/** Tool version + the installed extractors' files: what decides the facts besides the inputs. */
function buildFingerprint(): string {
  const hash = createHash('sha256');
  const manifest = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
  hash.update(`kafkalint@${manifest.version}\u0000format ${CACHE_FORMAT}\n`);
  // The extractors are the files under sources/ and model/ (unbundled), or the bundle this code runs in.
  const ownFile = fileURLToPath(import.meta.url);
  const own = statSync(ownFile);
  hash.update(`${ownFile}\u0000${own.size}\u0000${own.mtimeMs}\n`);
  for (const folder of ['../sources', '../model']) statFingerprint(fileURLToPath(new URL(folder, import.meta.url)), hash);
  return hash.digest('hex');
}

function holdsLiteralSecret(facts: FileFacts): boolean {
  for (const fact of [...facts.clients, ...facts.brokers, ...facts.topics]) {
    for (const setting of [...fact.settings, ...('partitions' in fact ? [fact.partitions, fact.replicationFactor] : [])]) {
      if (!setting) continue;
      if (literalSecretsOf(setting.writtenAs, setting.raw).length > 0 || literalSecretsOf(setting.key, setting.raw).length > 0) return true;
    }
  }
  return false;
}

const textHash = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The files a code module's facts may depend on: its relative imports and theirs, as far as the run parsed them (a
 * superset of what the analysis followed, so an entry is never used when it might be stale). Undefined when the
 * module itself was not parsed, so its dependencies are unknown.
 */
function dependenciesOf(path: string, context: SourceContext): CodeDependencies | undefined {
  const project = context.caches.get('typescript') as Pick<CodeProject, 'importsOf'> | undefined;
  if (!project?.importsOf(path)) return undefined;
  const dependencies: CodeDependencies = { imports: [], texts: {} };
  const pending = [path];
  const seen = new Set(pending);
  while (pending.length > 0) {
    const file = pending.pop()!;
    // A module that was not parsed (it did not parse, or the run did not go that far) adds only its text.
    for (const { specifier, resolved } of project.importsOf(file) ?? []) {
      dependencies.imports.push([file, specifier, resolved ?? null]);
      if (resolved === undefined || seen.has(resolved)) continue;
      seen.add(resolved);
      const text = context.files.get(resolved);
      if (text === undefined) return undefined;
      dependencies.texts[resolved] = textHash(text);
      pending.push(resolved);
    }
  }
  return dependencies;
}

/** Whether every import still resolves to the same file and every such file still has the same text. */
function dependenciesUnchanged(dependencies: CodeDependencies, context: SourceContext): boolean {
  const exists = (candidate: string) => context.files.has(candidate);
  for (const [file, specifier, resolved] of dependencies.imports) {
    if ((resolveRelativeImport(file, specifier, exists) ?? null) !== resolved) return false;
  }
  for (const [file, hash] of Object.entries(dependencies.texts)) {
    const text = context.files.get(file);
    if (text === undefined || textHash(text) !== hash) return false;
  }
  return true;
}

export class FactsCache {
  private readonly entries: Map<string, CacheEntry>;
  private readonly used = new Map<string, CacheEntry>();
  private changed = false;

  private constructor(
    private readonly directory: string,
    private readonly build: string,
    entries: Record<string, CacheEntry>,
  ) {
    this.entries = new Map(Object.entries(entries));
  }

  /** Open the cache in `directory` (resolved against `cwd`); a missing, corrupt or stale cache opens empty. */
  static open(directory: string, cwd: string): FactsCache {
    const absolute = resolve(cwd, directory);
    const build = buildFingerprint();
    let entries: Record<string, CacheEntry> = {};
    try {
      const stored = JSON.parse(readFileSync(join(absolute, CACHE_FILE), 'utf8')) as Partial<CacheFile>;
      if (stored.format === CACHE_FORMAT && stored.build === build && stored.entries && typeof stored.entries === 'object') entries = stored.entries;
      for (const [key, entry] of Object.entries(entries)) if (typeof entry?.facts !== 'string' || typeof entry.path !== 'string') delete entries[key];
    } catch {
      // No cache yet, or one we cannot read: this run is cold.
    }
    return new FactsCache(absolute, build, entries);
  }

  private keyOf(path: string, text: string): string {
    return createHash('sha256').update(`${this.build}\u0000${path}\u0000${text.length}\u0000`).update(text).digest('hex');
  }

  /** Whether a file's facts are worth caching: code that the prefilter rejects costs less to re-scan. */
  static wants(path: string, text: string): boolean {
    const kind = sourceKindOf(path);
    if (!kind) return false;
    return kind !== 'code' || mentionsKafkaClient(text);
  }

  /** The facts stored for this file text, as fresh objects, or undefined. */
  lookup(path: string, text: string, context: SourceContext): FileFacts | undefined {
    if (!FactsCache.wants(path, text)) return undefined;
    const key = this.keyOf(path, text);
    const entry = this.entries.get(key);
    if (!entry || entry.path !== path || !entry.facts) return undefined;
    if (entry.dependencies !== undefined && !dependenciesUnchanged(entry.dependencies, context)) return undefined;
    this.used.set(key, entry);
    return JSON.parse(entry.facts) as FileFacts;
  }

  /** Remember the facts just extracted from a file, unless they hold a secret or a parse problem. */
  store(path: string, text: string, facts: FileFacts, context: SourceContext): void {
    if (!FactsCache.wants(path, text)) return;
    if (facts.problems.length > 0 || holdsLiteralSecret(facts)) return;
    const entry: CacheEntry = { path, facts: JSON.stringify(facts) };
    if (sourceKindOf(path) === 'code') {
      const dependencies = dependenciesOf(path, context);
      if (!dependencies) return;
      entry.dependencies = dependencies;
    }
    const key = this.keyOf(path, text);
    this.used.set(key, entry);
    this.changed = true;
  }

  /** Write the cache: this run's entries, plus earlier entries of files this run did not read. Never throws. */
  save(): void {
    const pathsOfRun = new Set([...this.used.values()].map((entry) => entry.path));
    const entries: Record<string, CacheEntry> = {};
    for (const [key, entry] of this.entries) {
      if (this.used.has(key)) continue;
      // An older version of a file this run read is stale.
      if (pathsOfRun.has(entry.path)) this.changed = true;
      else entries[key] = entry;
    }
    for (const [key, entry] of this.used) entries[key] = entry;
    if (!this.changed) return;
    const target = join(this.directory, CACHE_FILE);
    const temporary = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      mkdirSync(this.directory, { recursive: true });
      writeFileSync(temporary, JSON.stringify({ format: CACHE_FORMAT, build: this.build, entries } satisfies CacheFile));
      renameSync(temporary, target);
    } catch {
      // A cache that cannot be written only costs speed next time.
      rmSync(temporary, { force: true });
    }
  }
}
