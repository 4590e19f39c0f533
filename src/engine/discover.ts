// Which files a run reads: the paths the user named, walked for the file kinds kafkalint reads. Folders that hold
// dependencies or build output are not walked. Binary, oversized and unreadable files are skipped with a note, never
// silently, and never fatally: the other files are still linted.

import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { sourceKindOf, type SourceKind } from '../sources/index.js';
import type { SkipNote } from './rule.js';
import type { DeferredSourceFile, SourceFile } from './lint.js';
import { mentionsKafka } from '../sources/source-texts.js';

/** Folders that hold dependencies, VCS data or build output: never Kafka configuration the user maintains. */
const SKIPPED_FOLDERS = new Set([
  'node_modules', '.git', '.hg', '.svn', 'dist', 'build', 'target', 'out', 'coverage', 'vendor', '.next', '.nuxt',
  '.venv', 'venv', '__pycache__', '.gradle', '.idea', '.terraform',
]);

/** Files above this size are skipped with a note: real Kafka configs are kilobytes, lockfiles a few megabytes. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

export class PathNotFoundError extends Error {}

export interface Discovery {
  /** Code files that do not mention Kafka come without their text (DeferredSourceFile); see sources/source-texts.ts. */
  files: Array<SourceFile | DeferredSourceFile>;
  notes: SkipNote[];
}

/** The configuration's `ignorePatterns` and `--ignore-pattern`, over paths relative to the working directory. */
export interface IgnoredPaths {
  file(path: string): boolean;
  /** True only when nothing inside the folder can be read again (no `!` pattern), so the walk may skip it. */
  folder(path: string): boolean;
}

/** Path relative to the working directory with POSIX separators: how every output names a file. */
export function displayPath(cwd: string, absolute: string): string {
  const relativePath = relative(cwd, absolute) || absolute;
  return relativePath.split(sep).join('/');
}

function isBinary(buffer: Buffer): boolean {
  return buffer.subarray(0, 8192).includes(0);
}

/** The whole file, read through one descriptor: open, fstat, read, close (a walk does this for thousands of files). */
function readWhole(descriptor: number, size: number): Buffer {
  const buffer = Buffer.allocUnsafe(size);
  let filled = 0;
  // A file can shrink or grow between fstat and read; read what is there, up to the size fstat saw.
  while (filled < size) {
    const count = readSync(descriptor, buffer, filled, size - filled, null);
    if (count === 0) break;
    filled += count;
  }
  return filled === size ? buffer : buffer.subarray(0, filled);
}

/** A deferred file's text, when a Kafka module imports it; undefined if it is gone or unreadable by then. */
function readTextAgain(absolute: string): string | undefined {
  try {
    return readFileSync(absolute, 'utf8');
  } catch {
    return undefined;
  }
}

// A FIFO with a config name would block a plain open until some writer appears; opened without blocking, it is
// turned away by fstat like any other file that is not a regular one. (O_NONBLOCK does not exist on Windows.)
const OPEN_WITHOUT_BLOCKING = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Read one file of a kind kafkalint reads (`kind`, already decided by the caller from its name). */
function readCandidate(cwd: string, absolute: string, kind: SourceKind, discovery: Discovery, path = displayPath(cwd, absolute)): void {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(absolute, OPEN_WITHOUT_BLOCKING);
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) {
      discovery.notes.push({ file: path, reason: 'skipped: not a regular file' });
      return;
    }
    const size = stats.size;
    if (size > MAX_FILE_BYTES) {
      discovery.notes.push({ file: path, reason: `skipped: ${size} bytes is over the ${MAX_FILE_BYTES}-byte limit` });
      return;
    }
    const buffer = readWhole(descriptor, size);
    if (isBinary(buffer)) {
      discovery.notes.push({ file: path, reason: 'skipped: binary file' });
      return;
    }
    const text = buffer.toString('utf8');
    if (kind === 'code' && !mentionsKafka(text)) discovery.files.push({ path, read: () => readTextAgain(absolute) });
    else discovery.files.push({ path, text });
  } catch (error) {
    discovery.notes.push({ file: path, reason: `skipped: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` });
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

function walk(cwd: string, directory: string, discovery: Discovery, visited: Set<string>, ignored?: IgnoredPaths): void {
  let real: string;
  try {
    // The native call: one syscall, where the JavaScript version lstats every component of the path.
    real = realpathSync.native(directory);
  } catch {
    discovery.notes.push({ file: displayPath(cwd, directory), reason: 'skipped: cannot resolve folder' });
    return;
  }
  if (visited.has(real)) {
    discovery.notes.push({ file: displayPath(cwd, directory), reason: 'skipped: folder already visited (symbolic link loop)' });
    return;
  }
  visited.add(real);
  let entries: Dirent[];
  try {
    // With file types: the listing says which entries are folders and regular files, so they need no lstat each.
    entries = readdirSync(directory, { withFileTypes: true }).sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0));
  } catch (error) {
    discovery.notes.push({ file: displayPath(cwd, directory), reason: `skipped: cannot list folder (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
    return;
  }
  // Paths of entries are built from the folder's own display path, not computed with path.relative for each file.
  const folderPath = relative(cwd, directory).split(sep).join('/');
  const displayOf = (name: string, absolute: string) => (folderPath === '' ? displayPath(cwd, absolute) : `${folderPath}/${name}`);
  for (const entry of entries) {
    const name = entry.name;
    const absolute = join(directory, name);
    let isDirectory = entry.isDirectory();
    if (entry.isSymbolicLink()) {
      try {
        isDirectory = statSync(absolute).isDirectory();
      } catch {
        discovery.notes.push({ file: displayOf(name, absolute), reason: 'skipped: broken symbolic link' });
        continue;
      }
    }
    if (isDirectory) {
      if (!SKIPPED_FOLDERS.has(name) && !ignored?.folder(displayOf(name, absolute))) walk(cwd, absolute, discovery, visited, ignored);
    } else {
      const kind = sourceKindOf(name);
      if (kind === undefined) continue;
      const path = displayOf(name, absolute);
      if (!ignored?.file(path)) readCandidate(cwd, absolute, kind, discovery, path);
    }
  }
}

/** Read the files under the given paths. A path that does not exist is the user's mistake: PathNotFoundError. */
export function discoverFiles(paths: string[], cwd: string, ignored?: IgnoredPaths): Discovery {
  const discovery: Discovery = { files: [], notes: [] };
  const visited = new Set<string>();
  const seen = new Set<string>();
  for (const input of paths.length > 0 ? paths : ['.']) {
    const absolute = resolve(cwd, input);
    let stats;
    try {
      stats = statSync(absolute);
    } catch {
      throw new PathNotFoundError(`no such file or folder: ${input}`);
    }
    const kind = stats.isDirectory() ? undefined : sourceKindOf(absolute);
    if (stats.isDirectory()) {
      walk(cwd, absolute, discovery, visited, ignored);
    } else if (kind === undefined) {
      discovery.notes.push({ file: displayPath(cwd, absolute), reason: 'skipped: not a file kind kafkalint reads' });
    } else if (ignored?.file(displayPath(cwd, absolute))) {
      discovery.notes.push({ file: displayPath(cwd, absolute), reason: 'skipped: matches an ignore pattern (--no-ignore reads it)' });
    } else {
      readCandidate(cwd, absolute, kind, discovery);
    }
  }
  // A file named twice (a folder and a file inside it) is linted once.
  discovery.files = discovery.files.filter((file) => (seen.has(file.path) ? false : (seen.add(file.path), true)));
  return discovery;
}
