// An env-file reader that keeps positions. It reads what Docker Compose's own env-file parser (compose-go `dotenv`)
// reads: `KEY=value`, `export KEY=value`, YAML-style `KEY: value`, single quotes taken literally, double quotes with
// backslash escapes, quoted values over several lines, `#` comment lines and ` #` comments after unquoted values.
// Where Compose would reject the whole file (a bad character in a name, a name alone on its line), we skip that
// line instead, so one odd line does not hide the rest; an unterminated quote is reported.

import { LineIndex } from '../line-index.js';

export interface EnvAssignment {
  name: string;
  /** The value the container sees. */
  value: string;
  /** 1-based position of the name. */
  line: number;
  column: number;
  /** Where the value's text starts and ends (inside quotes); end is exclusive. */
  valueLine: number;
  valueColumn: number;
  valueEndLine: number;
  valueEndColumn: number;
  /** End of the whole assignment, closing quote included; exclusive. */
  endLine: number;
  endColumn: number;
  /** True when the value is on one line and each character of `value` is one character of the text. */
  verbatim: boolean;
}

export interface EnvParseProblem {
  line: number;
  column: number;
  message: string;
}

export interface ParsedEnvFile {
  assignments: EnvAssignment[];
  problems: EnvParseProblem[];
}

/** Blanks other than a line break, as compose-go's `isSpace`. */
const isBlank = (character: string | undefined) =>
  character === ' ' || character === '\t' || character === '\r' || character === '\v' || character === '\f' || character === '\u00a0';

const isNameCharacter = (character: string) => /[A-Za-z0-9_.\-[\]]/.test(character) || /\p{L}/u.test(character);

/** Double-quoted escapes Compose applies: \n \t \r \f \v \a \b \" \\ \$; any other backslash stays as written. */
function unescapeDoubleQuoted(text: string): string {
  const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', a: '\u0007', b: '\b', '"': '"', '\\': '\\', $: '$' };
  return text.replace(/\\(.)/gs, (match, character: string) => escapes[character] ?? match);
}


function endOfLine(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  return newline === -1 ? text.length : newline;
}

export function parseEnvFile(text: string): ParsedEnvFile {
  const bomLength = text.startsWith('\uFEFF') ? 1 : 0;
  const positions = new LineIndex(text);
  const assignments: EnvAssignment[] = [];
  const problems: EnvParseProblem[] = [];
  let index = bomLength;
  while (index < text.length) {
    while (index < text.length && (isBlank(text[index]) || text[index] === '\n')) index++;
    if (index >= text.length) break;
    if (text[index] === '#') {
      index = endOfLine(text, index);
      continue;
    }
    const exportPrefix = /^export[ \t]+/.exec(text.slice(index, index + 16));
    if (exportPrefix) index += exportPrefix[0].length;
    const nameStart = index;
    let cursor = index;
    let separatorFound = false;
    while (cursor < text.length) {
      const character = text[cursor];
      if (character === '=' || character === ':') {
        separatorFound = true;
        break;
      }
      if (character === '\n' || !(isBlank(character) || isNameCharacter(character))) break;
      cursor++;
    }
    const name = text.slice(nameStart, cursor).trimEnd();
    // A name alone on its line (inherited from the shell), a name with a blank or a bad character: not an assignment.
    if (!separatorFound || name === '' || /[\s\u00a0]/.test(name)) {
      index = endOfLine(text, cursor);
      continue;
    }
    index = cursor + 1;
    while (isBlank(text[index])) index++;
    const quote = text[index];
    const nameAt = positions.position(nameStart);
    if (quote === '"' || quote === "'") {
      let close = index + 1;
      while (close < text.length && !(text[close] === quote && text[close - 1] !== '\\')) close++;
      if (close >= text.length) {
        problems.push({ line: nameAt.line, column: nameAt.column, message: `unterminated quoted value of ${name}` });
        index = endOfLine(text, index);
        continue;
      }
      const inner = text.slice(index + 1, close);
      const value = quote === '"' ? unescapeDoubleQuoted(inner) : inner;
      const valueAt = positions.position(index + 1);
      const valueEnd = positions.position(close);
      const end = positions.position(close + 1);
      assignments.push({
        name,
        value,
        line: nameAt.line,
        column: nameAt.column,
        valueLine: valueAt.line,
        valueColumn: valueAt.column,
        valueEndLine: valueEnd.line,
        valueEndColumn: valueEnd.column,
        endLine: end.line,
        endColumn: end.column,
        verbatim: !inner.includes('\n') && value === inner,
      });
      // Whatever follows the closing quote on its line (a comment) is not part of any assignment.
      index = endOfLine(text, close + 1);
      continue;
    }
    const lineEnd = endOfLine(text, index);
    let segment = text.slice(index, lineEnd);
    const comment = segment.indexOf(' #');
    if (comment !== -1) segment = segment.slice(0, comment);
    const value = segment.replace(/[ \t\r\v\f\u00a0]+$/, '');
    const valueAt = positions.position(index);
    const valueEnd = positions.position(index + value.length);
    assignments.push({
      name,
      value,
      line: nameAt.line,
      column: nameAt.column,
      valueLine: valueAt.line,
      valueColumn: valueAt.column,
      valueEndLine: valueEnd.line,
      valueEndColumn: valueEnd.column,
      endLine: valueEnd.line,
      endColumn: valueEnd.column,
      verbatim: true,
    });
    index = lineEnd;
  }
  return { assignments, problems };
}
