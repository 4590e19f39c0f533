// File globs of the configuration (`ignorePatterns`, `overrides[].files`, `environments`, policies' `match.files`).
// They follow .gitignore's reading, which is what people already write in these places:
//   - relative to the configuration file's folder; a leading `/` or `./` anchors there;
//   - a pattern without a `/` matches a name at any depth (`docker-compose*.yml`, `*.properties`);
//   - `*` and `?` stay within one path segment, `**` spans any number of them, `{a,b}` and `[abc]` as usual;
//   - a pattern that matches a folder matches every file under it (`services/telemetry` = `services/telemetry/**`);
//   - `!pattern` excludes again; in a list, the last pattern that matches a path decides.
// Node's own `path.matchesGlob` is still experimental in Node 20 (it prints a warning), so the translation is here.

import { posix } from 'node:path';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** One path segment's pattern (no `/`, except inside `{…}` alternatives) as a regular expression source. */
function segmentSource(segment: string): string {
  let source = '';
  for (let index = 0; index < segment.length; index++) {
    const char = segment[index];
    if (char === '*') {
      source += '[^/]*';
      while (segment[index + 1] === '*') index++;
    } else if (char === '?') {
      source += '[^/]';
    } else if (char === '[') {
      const end = segment.indexOf(']', index + 2);
      if (end === -1) {
        source += '\\[';
        continue;
      }
      let body = segment.slice(index + 1, end);
      const negated = body.startsWith('!') || body.startsWith('^');
      if (negated) body = body.slice(1);
      source += `[${negated ? '^/' : ''}${body.replace(/\\/g, '\\\\').replace(/\]/g, '\\]')}]`;
      index = end;
    } else if (char === '{') {
      const end = segment.indexOf('}', index);
      if (end === -1) {
        source += '\\{';
        continue;
      }
      const alternatives = segment.slice(index + 1, end).split(',');
      source += `(?:${alternatives.map((alternative) => alternative.split('/').map(segmentSource).join('/')).join('|')})`;
      index = end;
    } else if (char === '\\' && index + 1 < segment.length) {
      source += escapeRegExp(segment[++index]);
    } else {
      source += escapeRegExp(char);
    }
  }
  return source;
}

/** Split on `/` outside `{…}`, so that `{a/b,c}` stays one segment. */
function segmentsOf(pattern: string): string[] {
  const segments: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of pattern) {
    if (char === '{') depth++;
    if (char === '}' && depth > 0) depth--;
    if (char === '/' && depth === 0) {
      segments.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  segments.push(current);
  return segments;
}

/**
 * The pattern as a path from the configuration folder: `./` and a leading `/` removed, a trailing `/` dropped, and a
 * bare name (no `/`) made to match at any depth.
 */
export function anchoredPattern(pattern: string): string {
  let text = pattern.trim();
  // `./name` and `/name` both say "here", not "at any depth".
  const anchored = text.startsWith('./') || text.startsWith('/');
  while (text.startsWith('./')) text = text.slice(2);
  text = text.replace(/^\/+/, '').replace(/\/+$/, '');
  if (!anchored && segmentsOf(text).length === 1 && text !== '**' && text !== '') return `**/${text}`;
  return text;
}

/** A glob (without `!`) as a regular expression over POSIX paths; a match of a parent folder is a match. */
export function globRegExp(pattern: string): RegExp {
  const segments = segmentsOf(anchoredPattern(pattern));
  let source = '';
  let afterGlobstar = false;
  segments.forEach((segment, index) => {
    const first = index === 0;
    const last = index === segments.length - 1;
    if (segment === '**') {
      if (first) source += last ? '.*' : '(?:.*/)?';
      else source += last ? '(?:/.*)?' : '/(?:.*/)?';
      afterGlobstar = true;
      return;
    }
    source += (first || afterGlobstar ? '' : '/') + segmentSource(segment);
    afterGlobstar = false;
  });
  return new RegExp(`^${source}(?:/.*)?$`);
}

export type PathMatcher = (path: string) => boolean;

/** Whether a path (relative to the configuration folder) is matched by a list of globs, `!` excluding again. */
export function fileGlobMatcher(patterns: readonly string[]): PathMatcher {
  const compiled = patterns
    .filter((pattern) => pattern.trim() !== '' && pattern.trim() !== '!')
    .map((pattern) => {
      const negated = pattern.trim().startsWith('!');
      return { negated, regExp: globRegExp(negated ? pattern.trim().slice(1) : pattern) };
    });
  if (compiled.length === 0) return () => false;
  return (path) => {
    const normalised = normalisePath(path);
    for (let index = compiled.length - 1; index >= 0; index--) {
      if (compiled[index].regExp.test(normalised)) return !compiled[index].negated;
    }
    return false;
  };
}

/** Whether a list has `!` exclusions: then a matched folder may still hold files that are not matched. */
export function hasExclusions(patterns: readonly string[]): boolean {
  return patterns.some((pattern) => pattern.trim().startsWith('!'));
}

function normalisePath(path: string): string {
  const normalised = posix.normalize(path.split('\\').join('/'));
  return normalised === '.' ? '' : normalised.replace(/^\.\//, '');
}

/**
 * A file's path as the configuration's globs see it. Files are named relative to the working directory (how every
 * output names them); `configBase` is the working directory as a path below the folder the globs are relative to
 * (`''` when the configuration sits in the working directory, `services/orders` when it was found two folders up).
 */
export function configRelativePath(file: string, configBase: string | undefined): string {
  if (!configBase || configBase === '.') return normalisePath(file);
  return normalisePath(`${configBase}/${file}`);
}

/**
 * A glob written relative to one folder, rewritten relative to a folder above it (`prefix` is the path from there
 * down to the glob's folder). Used when the configuration folder is not above the working directory, and for
 * `--ignore-pattern`, which is relative to the working directory.
 */
export function rebaseGlob(pattern: string, prefix: string): string {
  if (!prefix || prefix === '.') return pattern;
  const negated = pattern.trim().startsWith('!');
  const body = anchoredPattern(negated ? pattern.trim().slice(1) : pattern);
  const rebased = posix.normalize(`${prefix}/${body}`);
  return `${negated ? '!' : ''}${rebased}`;
}
