// Which files a run reads: the paths the user named, walked for the file kinds kafkalint reads. Folders that hold
// dependencies or build output are not walked. Binary, oversized and unreadable files are skipped with a note, never
// silently, and never fatally: the other files are still linted.

import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { sourceKindOf } from '../sources/index.js';
import type { SkipNote } from './rule.js';
import type { SourceFile } from './lint.js';

/** Folders that hold dependencies, VCS data or build output: never Kafka configuration the user maintains. */
const SKIPPED_FOLDERS = new Set([
  'node_modules', '.git', '.hg', '.svn', 'dist', 'build', 'target', 'out', 'coverage', 'vendor', '.next', '.nuxt',
  '.venv', 'venv', '__pycache__', '.gradle', '.idea', '.terraform',
]);

/** Files above this size are skipped with a note: real Kafka configs are kilobytes, lockfiles a few megabytes. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

export class PathNotFoundError extends Error {}

export interface Discovery {
  files: SourceFile[];
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

function readCandidate(cwd: string, absolute: string, discovery: Discovery): void {
  const path = displayPath(cwd, absolute);
  try {
    const stats = statSync(absolute);
    // A FIFO, socket or device with a config name: reading it could block the run forever (a FIFO waits for a writer).
    if (!stats.isFile()) {
      discovery.notes.push({ file: path, reason: 'skipped: not a regular file' });
      return;
    }
    const size = stats.size;
    if (size > MAX_FILE_BYTES) {
      discovery.notes.push({ file: path, reason: `skipped: ${size} bytes is over the ${MAX_FILE_BYTES}-byte limit` });
      return;
    }
    const buffer = readFileSync(absolute);
    if (isBinary(buffer)) {
      discovery.notes.push({ file: path, reason: 'skipped: binary file' });
      return;
    }
    discovery.files.push({ path, text: buffer.toString('utf8') });
  } catch (error) {
    discovery.notes.push({ file: path, reason: `skipped: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` });
  }
}

function walk(cwd: string, directory: string, discovery: Discovery, visited: Set<string>, ignored?: IgnoredPaths): void {
  let real: string;
  try {
    real = realpathSync(directory);
  } catch {
    discovery.notes.push({ file: displayPath(cwd, directory), reason: 'skipped: cannot resolve folder' });
    return;
  }
  if (visited.has(real)) {
    discovery.notes.push({ file: displayPath(cwd, directory), reason: 'skipped: folder already visited (symbolic link loop)' });
    return;
  }
  visited.add(real);
  let names: string[];
  try {
    names = readdirSync(directory).sort();
  } catch (error) {
    discovery.notes.push({ file: displayPath(cwd, directory), reason: `skipped: cannot list folder (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
    return;
  }
  for (const name of names) {
    const absolute = join(directory, name);
    let stats;
    try {
      stats = lstatSync(absolute);
    } catch {
      continue;
    }
    if (stats.isSymbolicLink()) {
      try {
        stats = statSync(absolute);
      } catch {
        discovery.notes.push({ file: displayPath(cwd, absolute), reason: 'skipped: broken symbolic link' });
        continue;
      }
    }
    if (stats.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(name) && !ignored?.folder(displayPath(cwd, absolute))) walk(cwd, absolute, discovery, visited, ignored);
    } else if (sourceKindOf(name) !== undefined && !ignored?.file(displayPath(cwd, absolute))) {
      readCandidate(cwd, absolute, discovery);
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
    if (stats.isDirectory()) {
      walk(cwd, absolute, discovery, visited, ignored);
    } else if (sourceKindOf(absolute) === undefined) {
      discovery.notes.push({ file: displayPath(cwd, absolute), reason: 'skipped: not a file kind kafkalint reads' });
    } else if (ignored?.file(displayPath(cwd, absolute))) {
      discovery.notes.push({ file: displayPath(cwd, absolute), reason: 'skipped: matches an ignore pattern (--no-ignore reads it)' });
    } else {
      readCandidate(cwd, absolute, discovery);
    }
  }
  // A file named twice (a folder and a file inside it) is linted once.
  discovery.files = discovery.files.filter((file) => (seen.has(file.path) ? false : (seen.add(file.path), true)));
  return discovery;
}
