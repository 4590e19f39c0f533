// A small JSON parser that keeps the position of every key and value. Why not `JSON.parse` plus the `yaml` package
// (which reads JSON as YAML, with ranges)? Two parses would judge the file twice: YAML accepts what JSON forbids, and
// `JSON.parse` errors name no line, sometimes none at all, and quote the text around the error, which may hold a
// password. One strict pass gives positions, exact JSON semantics and messages we write ourselves. The lenient mode
// exists for .NET's appsettings.json, whose reader skips comments and allows trailing commas.

import { LineIndex } from '../line-index.js';

export interface Span {
  /** Offset of the first character. */
  start: number;
  /** Offset after the last character. */
  end: number;
}

export interface JsonObject extends Span {
  kind: 'object';
  /** Members in file order; a repeated key appears twice (JSON readers keep the last). */
  members: JsonMember[];
}

export interface JsonMember extends Span {
  key: string;
  keySpan: Span;
  value: JsonValue;
}

export interface JsonArray extends Span {
  kind: 'array';
  items: JsonValue[];
}

export interface JsonScalar extends Span {
  kind: 'string' | 'number' | 'boolean' | 'null';
  value: string | number | boolean | null;
}

export type JsonValue = JsonObject | JsonArray | JsonScalar;

export interface JsonSyntaxError {
  offset: number;
  message: string;
}

export type JsonParseResult = { ok: true; value: JsonValue } | { ok: false; error: JsonSyntaxError };

export interface JsonParseOptions {
  /** Accept `//` and `/* … *\/` comments and a comma before `}` or `]` (System.Text.Json as .NET configures it). */
  lenient?: boolean;
}

/** Deeper than any configuration file; keeps the recursive descent far from the stack limit on hostile input. */
const MAX_DEPTH = 500;

class JsonSyntaxFailure extends Error {
  constructor(readonly offset: number, message: string) {
    super(message);
  }
}

export function parseJson(text: string, options: JsonParseOptions = {}): JsonParseResult {
  const parser = new Parser(text, options.lenient === true);
  try {
    return { ok: true, value: parser.parseDocument() };
  } catch (error) {
    if (error instanceof JsonSyntaxFailure) return { ok: false, error: { offset: error.offset, message: error.message } };
    throw error;
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Character codes that may follow a backslash besides `u`: " \ / b f n r t. */
const ESCAPABLE = new Set([0x22, 0x5c, 0x2f, 0x62, 0x66, 0x6e, 0x72, 0x74]);

function isHexDigit(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);
}

function isWordCode(code: number): boolean {
  return code === 0x5f || code === 0x24 || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

class Parser {
  private index = 0;
  private depth = 0;
  /** Where the last comma was, so a trailing comma is reported at the comma rather than at the bracket. */
  private lastComma = 0;

  constructor(private readonly text: string, private readonly lenient: boolean) {
    // A byte order mark is not JSON, but every editor on Windows writes one and every JSON reader there skips it.
    if (text.charCodeAt(0) === 0xfeff) this.index = 1;
  }

  parseDocument(): JsonValue {
    this.skipBlank();
    if (this.index >= this.text.length) this.fail('the file holds no JSON value');
    const value = this.parseValue();
    this.skipBlank();
    if (this.index < this.text.length) this.fail('unexpected text after the JSON value');
    return value;
  }

  private fail(message: string, offset = this.index): never {
    throw new JsonSyntaxFailure(offset, message);
  }

  /** What stands at the current position, for messages: one character at most, never the file's words. */
  private describeHere(): string {
    if (this.index >= this.text.length) return 'end of file';
    const character = this.text[this.index];
    if (character === '\n' || character === '\r') return 'end of line';
    return `'${character}'`;
  }

  private skipBlank(): void {
    const text = this.text;
    while (this.index < text.length) {
      const code = text.charCodeAt(this.index);
      if (code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09) {
        this.index++;
        continue;
      }
      if (code === 0x2f && (text[this.index + 1] === '/' || text[this.index + 1] === '*')) {
        if (!this.lenient) this.fail('comments are not allowed in JSON');
        this.skipComment();
        continue;
      }
      return;
    }
  }

  private skipComment(): void {
    const text = this.text;
    if (text[this.index + 1] === '/') {
      const newline = text.indexOf('\n', this.index);
      this.index = newline < 0 ? text.length : newline;
      return;
    }
    const close = text.indexOf('*/', this.index + 2);
    if (close < 0) this.fail('unterminated comment');
    this.index = close + 2;
  }

  private parseValue(): JsonValue {
    const character = this.text[this.index];
    switch (character) {
      case '{':
      case '[': {
        if (++this.depth > MAX_DEPTH) this.fail(`values are nested deeper than ${MAX_DEPTH} levels`);
        const value = character === '{' ? this.parseObject() : this.parseArray();
        this.depth--;
        return value;
      }
      case '"':
        return this.parseString();
      case 't':
        return this.parseLiteral('true', true);
      case 'f':
        return this.parseLiteral('false', false);
      case 'n':
        return this.parseLiteral('null', null);
      case "'":
        return this.fail('strings must use double quotes');
      default:
        if (character === '-' || (character >= '0' && character <= '9')) return this.parseNumber();
        return this.fail(`expected a value but found ${this.describeHere()}`);
    }
  }

  private parseObject(): JsonObject {
    const start = this.index++;
    const members: JsonMember[] = [];
    this.skipBlank();
    if (this.text[this.index] === '}') {
      this.index++;
      return { kind: 'object', members, start, end: this.index };
    }
    for (;;) {
      const character = this.text[this.index];
      if (character === '}' && members.length > 0) {
        if (!this.lenient) this.fail("trailing comma before '}'", this.lastComma);
        this.index++;
        return { kind: 'object', members, start, end: this.index };
      }
      if (character === "'") this.fail('property names must use double quotes');
      if (character !== '"') this.fail(`expected a property name in double quotes but found ${this.describeHere()}`);
      const key = this.parseString();
      this.skipBlank();
      if (this.text[this.index] !== ':') this.fail(`expected ':' after the property name but found ${this.describeHere()}`);
      this.index++;
      this.skipBlank();
      const value = this.parseValue();
      members.push({ key: key.value as string, keySpan: { start: key.start, end: key.end }, value, start: key.start, end: value.end });
      this.skipBlank();
      const next = this.text[this.index];
      if (next === '}') {
        this.index++;
        return { kind: 'object', members, start, end: this.index };
      }
      if (next !== ',') this.fail(`expected ',' or '}' after a property value but found ${this.describeHere()}`);
      this.lastComma = this.index++;
      this.skipBlank();
    }
  }

  private parseArray(): JsonArray {
    const start = this.index++;
    const items: JsonValue[] = [];
    this.skipBlank();
    if (this.text[this.index] === ']') {
      this.index++;
      return { kind: 'array', items, start, end: this.index };
    }
    for (;;) {
      if (this.text[this.index] === ']' && items.length > 0) {
        if (!this.lenient) this.fail("trailing comma before ']'", this.lastComma);
        this.index++;
        return { kind: 'array', items, start, end: this.index };
      }
      items.push(this.parseValue());
      this.skipBlank();
      const next = this.text[this.index];
      if (next === ']') {
        this.index++;
        return { kind: 'array', items, start, end: this.index };
      }
      if (next !== ',') this.fail(`expected ',' or ']' after an array item but found ${this.describeHere()}`);
      this.lastComma = this.index++;
      this.skipBlank();
    }
  }

  private parseString(): JsonScalar {
    const text = this.text;
    const start = this.index;
    let escaped = false;
    let position = start + 1;
    for (;;) {
      if (position >= text.length) this.fail('unterminated string', start);
      const code = text.charCodeAt(position);
      if (code === 0x22) break;
      if (code === 0x5c) {
        escaped = true;
        const next = text.charCodeAt(position + 1);
        if (next === 0x75) {
          for (let digit = position + 2; digit < position + 6; digit++) {
            if (!isHexDigit(text.charCodeAt(digit))) this.fail('invalid \\u escape: four hexadecimal digits expected', position);
          }
          position += 6;
          continue;
        }
        if (!ESCAPABLE.has(next)) this.fail('invalid escape sequence in string', position);
        position += 2;
        continue;
      }
      if (code < 0x20) {
        if (code === 0x0a || code === 0x0d) this.fail('unterminated string (a line break inside a string must be written \\n)', start);
        this.fail('control characters inside a string must be escaped', position);
      }
      position++;
    }
    this.index = position + 1;
    // The text is now known to be one valid JSON string, so the built-in decoder gives exactly JSON's meaning.
    const value = escaped ? (JSON.parse(text.slice(start, this.index)) as string) : text.slice(start + 1, position);
    return { kind: 'string', value, start, end: this.index };
  }

  private parseNumber(): JsonScalar {
    const start = this.index;
    NUMBER.lastIndex = start;
    const match = NUMBER.exec(this.text);
    if (!match) this.fail('invalid number');
    this.index = start + match[0].length;
    // `01`, `1.`, `1x`: JSON.parse rejects a number that runs on into more word characters.
    const next = this.text.charCodeAt(this.index);
    if (next === 0x2e || isWordCode(next)) this.fail('invalid number', start);
    return { kind: 'number', value: Number(match[0]), start, end: this.index };
  }

  private parseLiteral(word: string, value: boolean | null): JsonScalar {
    const start = this.index;
    if (!this.text.startsWith(word, start) || isWordCode(this.text.charCodeAt(start + word.length))) {
      this.fail('expected a value: strings must be in double quotes, and only true, false and null are bare words');
    }
    this.index += word.length;
    return { kind: value === null ? 'null' : 'boolean', value, start, end: this.index };
  }
}

/** Offsets → 1-based line and column (UTF-16 units, as editors and the other sources count). */

export { LineIndex };
