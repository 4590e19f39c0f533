// From a path into the configuration's data (`policies/0/severity`, as ajv's instancePath names it) back to the YAML
// node that wrote it, so that every problem points at its line and column.

import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

export interface ParsedYaml {
  document: Document.Parsed;
  lineCounter: LineCounter;
}

export interface Position {
  line: number;
  column: number;
}

export function parseYaml(text: string): ParsedYaml {
  // prettyErrors off: messages stay one line; the position comes from the error's offset.
  const document = parseDocument(text, { prettyErrors: false });
  return { document, lineCounter: lineCounterOf(text) };
}

/**
 * Line starts taken from the text itself: the yaml lexer's own LineCounter misses the line breaks inside a token it
 * recovers from after a syntax error, which put later problems on lines past the end of the file.
 */
function lineCounterOf(text: string): LineCounter {
  const counter = new LineCounter();
  counter.addNewLine(0);
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) counter.addNewLine(index + 1);
  return counter;
}

/** ajv's instancePath (a JSON pointer) as path segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function positionAt(parsed: ParsedYaml, offset: number): Position {
  const { line, col } = parsed.lineCounter.linePos(offset);
  return { line, column: col };
}

function resolved(parsed: ParsedYaml, node: unknown): unknown {
  return isAlias(node) ? node.resolve(parsed.document) : node;
}

function keyText(key: unknown): string | undefined {
  return isScalar(key) ? String(key.value) : undefined;
}

interface Located {
  node: Node | null;
  /** The key of the map entry that holds the node, when the last step was into a map. */
  key?: Node;
}

/** Follow the path as far as the document goes; the deepest node reached (the root when nothing matches). */
function follow(parsed: ParsedYaml, segments: string[]): Located {
  let current: Located = { node: (parsed.document.contents as Node | null) ?? null };
  for (const segment of segments) {
    const node = resolved(parsed, current.node);
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && keyText(item.key) === segment);
      if (!pair) break;
      current = { node: (resolved(parsed, pair.value) as Node | null) ?? (pair.key as Node), key: pair.key as Node };
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)];
      if (item === undefined) break;
      current = { node: resolved(parsed, item) as Node };
    } else {
      break;
    }
  }
  return current;
}

function startOf(parsed: ParsedYaml, node: Node | null | undefined): Position {
  const offset = node?.range?.[0];
  return offset === undefined ? { line: 1, column: 1 } : positionAt(parsed, offset);
}

/** Where the value at this path was written (the deepest existing node on the way there). */
export function valuePosition(parsed: ParsedYaml, segments: string[]): Position {
  const located = follow(parsed, segments);
  // `key:` with nothing after it has no value node of its own: point at the key.
  const node = located.node && located.node.range && located.node.range[0] < located.node.range[1] ? located.node : (located.key ?? located.node);
  return startOf(parsed, node);
}

/** Where a key of the map at this path was written; the map itself when the key is not found. */
export function keyPosition(parsed: ParsedYaml, segments: string[], key: string): Position {
  const map = resolved(parsed, follow(parsed, segments).node);
  if (isMap(map)) {
    const pair = map.items.find((item) => isPair(item) && keyText(item.key) === key);
    if (pair) return startOf(parsed, pair.key as Node);
  }
  return valuePosition(parsed, segments);
}

/** YAML syntax errors with their positions. */
export function syntaxErrors(parsed: ParsedYaml): Array<Position & { message: string }> {
  return parsed.document.errors.map((error) => ({ ...positionAt(parsed, error.pos[0]), message: error.message }));
}
