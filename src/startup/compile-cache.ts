// A V8 code cache for the bundled CLI and the big CommonJS files it loads (TypeScript is one 9 MB file).
//
// Why: most of a pre-commit run's own time is V8 compiling JavaScript, not linting. Node 22 has a built-in compile
// cache (module.enableCompileCache); Node 20, which kafkalint supports, has only the V8 API underneath it: compile a
// script with `cachedData` from an earlier run and V8 skips parsing and compiling the functions that run used.
//
// How: `load(file)` runs a CommonJS file the way Node's loader does (the same wrapper, `require`, `module`), but
// through `vm.Script` with the cache stored for that file. After the run, `save()` writes a cache for every file
// whose cache was missing or rejected, so the second run of a given kafkalint build on a given Node is fast.
//
// Safety: V8 checks that a cache fits its own version and flags, and rejects it otherwise; it does not check the
// source text. So the cache's name includes the file's path, size and modification time, its package's version and
// the Node version: a rebuilt, edited or upgraded file gets a new entry. The directory is the user's own (mode 0700,
// owned by the user, not writable by others): a cache is code, and one planted by another user must never be loaded.
// On Windows, where these permissions cannot be checked this way, no cache is used. Any failure to read or write only
// costs speed.

import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, basename } from 'node:path';
import { Script } from 'node:vm';

/** `require` as the loaded code sees it; `route` may answer an id before Node's own resolution does. */
export type RequireRoute = (id: string) => unknown;

interface LoadedScript {
  script: Script;
  cacheFile: string | undefined;
  /** Whether the run should write a cache for this script: none was found, or V8 rejected it. */
  needsCache: boolean;
}

// Node's own CommonJS wrapper: the loaded file sees the same five names as under `require`.
const WRAPPER_HEAD = '(function (exports, require, module, __filename, __dirname) { ';
const WRAPPER_TAIL = '\n});';

/** The cache directory, or undefined when the cache is off (`KAFKALINT_COMPILE_CACHE=0`) or not safely usable. */
export function compileCacheDirectory(env: NodeJS.ProcessEnv): string | undefined {
  const setting = env.KAFKALINT_COMPILE_CACHE;
  if (setting === '0' || setting === 'off' || setting === 'false') return undefined;
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  const directory = setting && setting.length > 0 ? setting : join(tmpdir(), `kafkalint-compile-cache${uid === undefined ? '' : `-${uid}`}`);
  try {
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    const stat = lstatSync(directory);
    if (!stat.isDirectory()) return undefined;
    if (uid !== undefined && stat.uid !== uid) return undefined;
    if ((stat.mode & 0o022) !== 0) return undefined;
    return directory;
  } catch {
    return undefined;
  }
}

/**
 * The version of the package a file belongs to (its nearest package.json). npm gives every installed file the same
 * modification time, so after an upgrade a file can have the path, size and time of its predecessor; the version
 * tells them apart. (An edit in place changes the time.)
 */
function packageVersionOf(file: string, versionsByFolder: Map<string, string>): string {
  let directory = dirname(file);
  for (let level = 0; level < 6; level++) {
    const known = versionsByFolder.get(directory);
    if (known !== undefined) return known;
    try {
      const version = String((JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as { version?: unknown }).version ?? '');
      versionsByFolder.set(directory, version);
      return version;
    } catch {
      const parent = dirname(directory);
      if (parent === directory) break;
      directory = parent;
    }
  }
  return '';
}

export class CompileCache {
  private readonly loaded = new Map<string, { exports: unknown }>();
  private readonly scripts: LoadedScript[] = [];
  /** package.json versions by folder, for this run (the bundle and its vendored parsers share one). */
  private readonly versionsByFolder = new Map<string, string>();

  constructor(private readonly directory: string | undefined) {}

  private cacheFileFor(file: string, source: string): string | undefined {
    if (!this.directory) return undefined;
    let stat;
    try {
      stat = statSync(file);
    } catch {
      return undefined;
    }
    const identity = [process.version, process.arch, file, stat.size, stat.mtimeMs, source.length, packageVersionOf(file, this.versionsByFolder)].join('\u0000');
    return join(this.directory, `${basename(file)}-${createHash('sha256').update(identity).digest('hex').slice(0, 24)}.cache`);
  }

  /** Run a CommonJS file (once per process, like `require`) and return its `module.exports`. */
  load(file: string, route: RequireRoute = () => undefined): unknown {
    const known = this.loaded.get(file);
    if (known) return known.exports;
    // Pure ASCII text (TypeScript's compiled output, nearly all of a bundle) is decoded as latin1, which skips UTF-8
    // decoding and gives V8 a one-byte string; anything else is decoded as UTF-8.
    const bytes = readFileSync(file);
    const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
    const cacheFile = this.cacheFileFor(file, source);
    let cachedData: Buffer | undefined;
    if (cacheFile) {
      try {
        cachedData = readFileSync(cacheFile);
      } catch {
        cachedData = undefined;
      }
    }
    // No `import()` in these files (the build turns them into `require`), so no dynamic-import hook is needed.
    const script = new Script(WRAPPER_HEAD + source + WRAPPER_TAIL, { filename: file, cachedData });
    this.scripts.push({ script, cacheFile, needsCache: cachedData === undefined || script.cachedDataRejected === true });
    const module = { exports: {} as unknown };
    this.loaded.set(file, module);
    const nodeRequire = createRequire(file);
    const routedRequire = Object.assign((id: string) => route(id) ?? nodeRequire(id), { resolve: nodeRequire.resolve, cache: nodeRequire.cache, main: nodeRequire.main });
    const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
    wrapper.call(module.exports, module.exports, routedRequire, module, file, dirname(file));
    return module.exports;
  }

  /** Write the caches this run lacked. Each is written whole to a temporary file and renamed: runs may race. */
  save(): void {
    for (const entry of this.scripts) {
      if (!entry.needsCache || !entry.cacheFile) continue;
      const temporary = `${entry.cacheFile}.${process.pid}.tmp`;
      try {
        writeFileSync(temporary, entry.script.createCachedData(), { mode: 0o600 });
        renameSync(temporary, entry.cacheFile);
        entry.needsCache = false;
      } catch {
        rmSync(temporary, { force: true });
      }
    }
  }
}
