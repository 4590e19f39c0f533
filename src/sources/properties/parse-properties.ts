// A Java `.properties` reader that keeps positions and duplicates, which the linter needs and general-purpose
// parsers drop (properties-file keeps only the last value of a key and no columns). Follows java.util.Properties.load:
// `#`/`!` comments, `=`/`:`/blank separators, backslash continuation lines, and escapes including \uXXXX.

export interface PropertyEntry {
  key: string;
  value: string;
  /** 1-based line and column of the key. */
  line: number;
  column: number;
  /** Where the value starts (it may continue over further lines). */
  valueLine: number;
  valueColumn: number;
  endLine: number;
  endColumn: number;
}

export interface PropertyComment {
  text: string;
  line: number;
  column: number;
}

export interface ParsedProperties {
  entries: PropertyEntry[];
  comments: PropertyComment[];
}

interface PhysicalPiece {
  text: string;
  line: number;
  /** 0-based offset of `text` within its physical line. */
  offset: number;
}

/** Count the backslashes that end a line: an odd count means the line continues. */
function endsWithContinuation(line: string): boolean {
  let count = 0;
  for (let index = line.length - 1; index >= 0 && line[index] === '\\'; index--) count++;
  return count % 2 === 1;
}

function unescape(text: string): string {
  let result = '';
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (character !== '\\' || index === text.length - 1) {
      result += character;
      continue;
    }
    const next = text[++index];
    switch (next) {
      case 't': result += '\t'; break;
      case 'n': result += '\n'; break;
      case 'r': result += '\r'; break;
      case 'f': result += '\f'; break;
      case 'u': {
        const hex = text.slice(index + 1, index + 5);
        if (/^[0-9a-fA-F]{4}$/.test(hex)) {
          result += String.fromCharCode(parseInt(hex, 16));
          index += 4;
        } else {
          result += 'u';
        }
        break;
      }
      default: result += next;
    }
  }
  return result;
}

const isBlank = (character: string | undefined) => character === ' ' || character === '\t' || character === '\f';

export function parseProperties(text: string): ParsedProperties {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const entries: PropertyEntry[] = [];
  const comments: PropertyComment[] = [];
  for (let index = 0; index < lines.length; index++) {
    const physical = lines[index];
    const start = physical.search(/[^ \t\f]/);
    if (start === -1) continue;
    if (physical[start] === '#' || physical[start] === '!') {
      comments.push({ text: physical.slice(start + 1), line: index + 1, column: start + 1 });
      continue;
    }
    // Join the logical line: leading blanks of continuation lines are dropped, as Properties.load does.
    const pieces: PhysicalPiece[] = [];
    let current = physical.slice(start);
    let currentLine = index;
    let currentOffset = start;
    while (endsWithContinuation(current) && currentLine + 1 < lines.length) {
      pieces.push({ text: current.slice(0, -1), line: currentLine + 1, offset: currentOffset });
      currentLine++;
      const next = lines[currentLine];
      const nextStart = Math.max(0, next.search(/[^ \t\f]/));
      current = next.search(/[^ \t\f]/) === -1 ? '' : next.slice(nextStart);
      currentOffset = nextStart;
    }
    pieces.push({ text: endsWithContinuation(current) ? current.slice(0, -1) : current, line: currentLine + 1, offset: currentOffset });
    index = currentLine;

    const logical = pieces.map((piece) => piece.text).join('');
    // Map a logical offset back to a physical line and column.
    const position = (logicalOffset: number) => {
      let remaining = logicalOffset;
      for (const piece of pieces) {
        if (remaining <= piece.text.length) return { line: piece.line, column: piece.offset + remaining + 1 };
        remaining -= piece.text.length;
      }
      const last = pieces[pieces.length - 1];
      return { line: last.line, column: last.offset + last.text.length + 1 };
    };

    let keyEnd = 0;
    while (keyEnd < logical.length) {
      const character = logical[keyEnd];
      if (character === '\\') { keyEnd += 2; continue; }
      if (character === '=' || character === ':' || isBlank(character)) break;
      keyEnd++;
    }
    keyEnd = Math.min(keyEnd, logical.length);
    let valueStart = keyEnd;
    while (isBlank(logical[valueStart])) valueStart++;
    if (logical[valueStart] === '=' || logical[valueStart] === ':') {
      valueStart++;
      while (isBlank(logical[valueStart])) valueStart++;
    }
    const valueAt = position(valueStart);
    const end = position(logical.length);
    entries.push({
      key: unescape(logical.slice(0, keyEnd)),
      value: unescape(logical.slice(valueStart)),
      line: pieces[0].line,
      column: pieces[0].offset + 1,
      valueLine: valueAt.line,
      valueColumn: valueAt.column,
      endLine: end.line,
      endColumn: end.column,
    });
  }
  return { entries, comments };
}
