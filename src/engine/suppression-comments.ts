// Where the comments of a file are, per input kind, without parsing the file: suppression comments must be found in
// every file (also code files the TypeScript prefilter never parses, and YAML that does not parse), and cheaply.
// Each scanner knows its format's comment syntax well enough not to take a `#` or `//` inside a value for a comment:
//
// - .properties: a line whose first non-blank character is `#` or `!` (java.util.Properties.load). A `#` later on a
//   line is part of the value, and a line that continues the previous entry (after an odd number of trailing
//   backslashes) is never a comment.
// - YAML: `#` at the start of a line or after a blank, outside a quoted scalar (YAML 1.2 §6.6). A quote opens a
//   scalar only where a scalar can start (line start, after `:`, `-`, `?`, `,`, `[`, `{`), so `it's` is plain text.
//   Quoted scalars that continue over several lines are not followed. Inside a block scalar (`key: |`), only lines
//   that start with `#` count: they are the comments of the text it embeds, such as the broker properties of a Helm
//   or Strimzi value.
// - .env: `#` as a line's first non-blank character, or after a blank following a value, outside quotes; a quoted
//   value may run over several lines (what compose-go's dotenv reads).
// - TS/JS: `//` and `/* … */` outside strings, template literals and regular expression literals; a slash starts a
//   regular expression where an operand is expected. String and regex literals end at the line end, so a misread
//   (an apostrophe in JSX text) cannot spread past its line.
// - JSON has no comments.

import { sourceKindOf } from '../sources/index.js';

export interface SourceComment {
  /** The comment's text without its markers (`#`, `!`, `//`, `/*`, `*\/`). */
  body: string;
  /** Offset of the body's first character in the file text. */
  bodyOffset: number;
  /** Offsets of the whole comment, markers included: start inclusive, end exclusive. */
  start: number;
  end: number;
}

export interface Position {
  line: number;
  column: number;
}

/** Line starts of a text (`\n`, `\r\n` and a lone `\r` end a line, as the parsers count them), for 1-based positions. */
export class LineIndex {
  private readonly starts: number[] = [];

  constructor(private readonly text: string) {
    // Columns on the first line do not count a byte-order mark, as the sources' own positions do not.
    this.starts.push(text.startsWith('\uFEFF') ? 1 : 0);
    for (let index = 0; index < text.length; index++) {
      const character = text[index];
      if (character === '\n' || (character === '\r' && text[index + 1] !== '\n')) this.starts.push(index + 1);
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset of a 1-based line's first character. */
  startOf(line: number): number {
    return this.starts[line - 1];
  }

  /** Offset just before a 1-based line's line break. */
  endOf(line: number): number {
    const next = line < this.starts.length ? this.starts[line] : this.text.length + 1;
    let end = next - 1;
    if (line < this.starts.length && this.text[end - 1] === '\r' && this.text[end] === '\n') end--;
    return Math.min(end, this.text.length);
  }

  positionOf(offset: number): Position {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: Math.max(0, offset - this.starts[low]) + 1 };
  }
}

/** Each line's text and where it starts and ends (before its line break). */
function* linesOf(text: string, lines: LineIndex): Generator<{ start: number; end: number; content: string }> {
  for (let line = 1; line <= lines.lineCount; line++) {
    const start = lines.startOf(line);
    const end = lines.endOf(line);
    yield { start, end, content: text.slice(start, end) };
  }
}

function lineComment(start: number, markerLength: number, end: number, text: string): SourceComment {
  return { body: text.slice(start + markerLength, end), bodyOffset: start + markerLength, start, end };
}

const isBlank = (character: string | undefined) => character === ' ' || character === '\t' || character === '\f';

function propertiesComments(text: string, lines: LineIndex): SourceComment[] {
  const comments: SourceComment[] = [];
  let continues = false;
  for (const { start, end, content } of linesOf(text, lines)) {
    const first = content.search(/[^ \t\f]/);
    if (continues) {
      continues = first !== -1 && /(^|[^\\])(\\\\)*\\$/.test(content);
      continue;
    }
    if (first === -1) continue;
    if (content[first] === '#' || content[first] === '!') {
      comments.push(lineComment(start + first, 1, end, text));
      continue;
    }
    continues = /(^|[^\\])(\\\\)*\\$/.test(content);
  }
  return comments;
}

/** Index of the `#` that starts a YAML comment in one line, or -1. */
function yamlCommentStart(content: string): number {
  let quote: string | undefined;
  let previous: string | undefined;
  for (let index = 0; index < content.length; index++) {
    const character = content[index];
    if (quote === "'") {
      if (character === "'" && content[index + 1] === "'") index++;
      else if (character === "'") quote = undefined;
      continue;
    }
    if (quote === '"') {
      if (character === '\\') index++;
      else if (character === '"') quote = undefined;
      continue;
    }
    if (character === '#' && (index === 0 || isBlank(content[index - 1]))) return index;
    if ((character === "'" || character === '"') && (previous === undefined || ':-?,[{'.includes(previous))) quote = character;
    if (!isBlank(character)) previous = character;
  }
  return -1;
}

/** `key: |`, `- >-`, `key: |2`: the line opens a block scalar. */
const BLOCK_SCALAR_START = /(^|[\s:-])[|>][1-9+-]{0,2}$/;

function yamlComments(text: string, lines: LineIndex): SourceComment[] {
  const comments: SourceComment[] = [];
  let blockParentIndent: number | undefined;
  for (const { start, end, content } of linesOf(text, lines)) {
    const indent = content.search(/\S/);
    if (blockParentIndent !== undefined) {
      if (indent === -1 || indent > blockParentIndent) {
        if (content[indent] === '#') comments.push(lineComment(start + indent, 1, end, text));
        continue;
      }
      blockParentIndent = undefined;
    }
    if (indent === -1) continue;
    const hash = yamlCommentStart(content);
    if (hash !== -1) comments.push(lineComment(start + hash, 1, end, text));
    const code = (hash === -1 ? content : content.slice(0, hash)).trimEnd();
    if (BLOCK_SCALAR_START.test(code)) {
      // The block's text is indented past its key (`- key: |` has its key two columns after the dash).
      const keyIndent = /^[ \t]*(?:-[ \t]+)*/.exec(code)![0].length;
      blockParentIndent = /:\s*[|>][1-9+-]{0,2}$/.test(code) ? keyIndent : indent;
    }
  }
  return comments;
}

/** Index of the first `#` preceded by a blank in `content` from `from`, or -1. */
function trailingHash(content: string, from: number): number {
  for (let index = Math.max(from, 1); index < content.length; index++) {
    if (content[index] === '#' && isBlank(content[index - 1])) return index;
  }
  return -1;
}

/** Index after the closing quote in `content` from `from`, or -1 when the value continues on the next line. */
function closingQuote(content: string, from: number, quote: string): number {
  for (let index = from; index < content.length; index++) {
    if (quote === '"' && content[index] === '\\') index++;
    else if (content[index] === quote) return index + 1;
  }
  return -1;
}

function envComments(text: string, lines: LineIndex): SourceComment[] {
  const comments: SourceComment[] = [];
  let openQuote: string | undefined;
  for (const { start, end, content } of linesOf(text, lines)) {
    let rest: number;
    if (openQuote) {
      const closed = closingQuote(content, 0, openQuote);
      if (closed === -1) continue;
      openQuote = undefined;
      rest = closed;
    } else {
      const first = content.search(/\S/);
      if (first === -1) continue;
      if (content[first] === '#') {
        comments.push(lineComment(start + first, 1, end, text));
        continue;
      }
      const separator = content.search(/[=:]/);
      if (separator === -1) continue;
      let value = separator + 1;
      while (isBlank(content[value])) value++;
      rest = value;
      const quote = content[value];
      if (quote === '"' || quote === "'") {
        const closed = closingQuote(content, value + 1, quote);
        if (closed === -1) {
          openQuote = quote;
          continue;
        }
        rest = closed;
      }
    }
    const hash = trailingHash(content, rest);
    if (hash !== -1) comments.push(lineComment(start + hash, 1, end, text));
  }
  return comments;
}

/** Words after which a slash starts a regular expression, not a division. */
const KEYWORDS_BEFORE_OPERAND = new Set([
  'return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await',
]);

const isLineBreak = (character: string | undefined) => character === '\n' || character === '\r';
const isWordCharacter = (character: string) => /[\w$]/.test(character) || character.charCodeAt(0) > 0x7f;

/** Index after a string or regex literal that starts at `from` (its opening character); it ends at the line end. */
function skipLiteral(text: string, from: number, closing: string): number {
  let inClass = false;
  for (let index = from + 1; index < text.length; index++) {
    const character = text[index];
    if (character === '\\') {
      index++;
      continue;
    }
    if (isLineBreak(character)) return index;
    if (closing === '/' && character === '[') inClass = true;
    else if (closing === '/' && character === ']') inClass = false;
    else if (character === closing && !inClass) return index + 1;
  }
  return text.length;
}

function codeComments(text: string): SourceComment[] {
  const comments: SourceComment[] = [];
  // Brace depths at which an open template literal's `${ … }` closes, innermost last.
  const templates: number[] = [];
  let braces = 0;
  let operandExpected = true;
  // Template text from `from`: index after the closing backtick, or after a `${` (which opens an expression).
  const continueTemplate = (from: number): number => {
    for (let index = from; index < text.length; index++) {
      if (text[index] === '\\') index++;
      else if (text[index] === '`') {
        operandExpected = false;
        return index + 1;
      } else if (text[index] === '$' && text[index + 1] === '{') {
        templates.push(braces++);
        operandExpected = true;
        return index + 2;
      }
    }
    return text.length;
  };
  let index = text.startsWith('#!') ? text.search(/[\r\n]|$/) : 0;
  while (index < text.length) {
    const character = text[index];
    const next = text[index + 1];
    if (character === '/' && next === '/') {
      let end = index + 2;
      while (end < text.length && !isLineBreak(text[end])) end++;
      comments.push(lineComment(index, 2, end, text));
      index = end;
    } else if (character === '/' && next === '*') {
      const close = text.indexOf('*/', index + 2);
      const end = close === -1 ? text.length : close + 2;
      comments.push({ body: text.slice(index + 2, close === -1 ? end : close), bodyOffset: index + 2, start: index, end });
      index = end;
    } else if (character === '"' || character === "'" || (character === '/' && operandExpected)) {
      index = skipLiteral(text, index, character);
      if (character === '/') while (index < text.length && /[a-z]/i.test(text[index])) index++;
      operandExpected = false;
    } else if (character === '`') {
      index = continueTemplate(index + 1);
    } else if (character === '}' && templates.length > 0 && templates[templates.length - 1] === braces - 1) {
      templates.pop();
      braces--;
      index = continueTemplate(index + 1);
    } else if (isWordCharacter(character)) {
      let end = index + 1;
      while (end < text.length && isWordCharacter(text[end])) end++;
      operandExpected = KEYWORDS_BEFORE_OPERAND.has(text.slice(index, end));
      index = end;
    } else {
      if (character === '{') braces++;
      else if (character === '}') braces = Math.max(0, braces - 1);
      // After `)`, `]` and `}` a slash divides (`a[i] / 2`); after any other punctuator an operand follows.
      if (!/\s/.test(character)) operandExpected = !')]}.'.includes(character);
      index++;
    }
  }
  return comments;
}

/** The comments of a file, by the comment syntax of its input kind; none for JSON and package manifests. */
export function commentsOf(path: string, text: string, lines: LineIndex = new LineIndex(text)): SourceComment[] {
  switch (sourceKindOf(path)) {
    case 'properties':
      return propertiesComments(text, lines);
    case 'yaml':
      return yamlComments(text, lines);
    case 'env':
      return envComments(text, lines);
    case 'code':
      return codeComments(text);
    default:
      return [];
  }
}
