// Topic and group patterns of a policy's `match`: a glob over the whole name (`payments.*`, `{orders,refunds}.v?`)
// or a regular expression written `/…/flags`. Names are not paths, so `*` matches any characters, dots included.
// File globs (`match.files`) are the configuration's own (src/config/file-globs.ts), so that `files` reads the same
// in policies, `overrides` and `environments`.

const REGEX_SPECIAL = /[.+^$()|[\]\\/]/;

/** Index of the `}` that closes the `{` at `open`, or -1 when it is never closed (then `{` is literal). */
function closingBrace(pattern: string, open: number): number {
  let depth = 0;
  for (let index = open; index < pattern.length; index++) {
    if (pattern[index] === '\\') index++;
    else if (pattern[index] === '{') depth++;
    else if (pattern[index] === '}' && --depth === 0) return index;
  }
  return -1;
}

/** The inside of `{…}` split at its top-level commas. */
function alternatives(inside: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < inside.length; index++) {
    const character = inside[index];
    if (character === '\\') index++;
    else if (character === '{') depth++;
    else if (character === '}') depth--;
    else if (character === ',' && depth === 0) {
      parts.push(inside.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(inside.slice(start));
  return parts;
}

function globSource(pattern: string): string {
  let source = '';
  for (let index = 0; index < pattern.length; index++) {
    const character = pattern[index];
    if (character === '\\' && index + 1 < pattern.length) {
      const next = pattern[++index];
      source += REGEX_SPECIAL.test(next) || '*?{},'.includes(next) ? `\\${next}` : next;
    } else if (character === '*') {
      source += '.*';
      while (pattern[index + 1] === '*') index++;
    } else if (character === '?') {
      source += '.';
    } else if (character === '{' && closingBrace(pattern, index) !== -1) {
      const close = closingBrace(pattern, index);
      source += `(?:${alternatives(pattern.slice(index + 1, close)).map(globSource).join('|')})`;
      index = close;
    } else {
      source += REGEX_SPECIAL.test(character) || character === '{' ? `\\${character}` : character;
    }
  }
  return source;
}

/** A name glob as a regular expression over the whole name. */
export function nameGlobRegExp(pattern: string): RegExp {
  return new RegExp(`^${globSource(pattern)}$`);
}

/** `/regex/flags` as a regular expression, or undefined when the text is a glob. Throws on an invalid regex. */
export function regexLiteral(text: string): RegExp | undefined {
  const literal = /^\/(.+)\/([a-z]*)$/s.exec(text);
  if (!literal) return undefined;
  // `g` and `y` make `test` stateful (lastIndex), which would make a policy match every other topic.
  return new RegExp(literal[1], literal[2].replace(/[gy]/g, ''));
}

/** A matcher for a topic or group pattern: `/regex/` (unanchored, as written) or a glob over the whole name. */
export function nameMatcher(pattern: string): (name: string) => boolean {
  const regex = regexLiteral(pattern) ?? nameGlobRegExp(pattern);
  return (name) => regex.test(name);
}
