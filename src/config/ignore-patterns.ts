// Which files a run does not read: the configuration's `ignorePatterns` (relative to its folder) and
// `--ignore-pattern` (relative to the working directory, as ESLint's), as one list in which the last matching
// pattern decides, so a `!pattern` on the command line can read again what the configuration ignores.

import type { IgnoredPaths } from '../engine/discover.js';
import { configRelativePath, fileGlobMatcher, hasExclusions, rebaseGlob } from './file-globs.js';
import type { Configuration } from './load-config.js';

export function ignoredPaths(configuration: Configuration | undefined, commandLinePatterns: string[] = []): IgnoredPaths | undefined {
  const base = configuration?.configBase ?? '';
  const patterns = [...(configuration?.ignorePatterns ?? []), ...commandLinePatterns.map((pattern) => rebaseGlob(pattern, base))];
  if (patterns.length === 0) return undefined;
  const matches = fileGlobMatcher(patterns);
  const prunes = !hasExclusions(patterns);
  return {
    file: (path) => matches(configRelativePath(path, base)),
    folder: (path) => prunes && matches(configRelativePath(path, base)),
  };
}
