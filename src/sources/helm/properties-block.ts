// A server.properties text held in a YAML string (`config: |`), read with our properties parser and placed back in
// the YAML file: a literal block keeps every line, so block line i is file line header + i, shifted by the line's
// indentation. Other string styles (quoted, folded) lose the line structure; their entries point at the value.

import { isScalar, Scalar, type Node } from 'yaml';
import type { SourceLocation } from '../../model/types.js';
import type { FlatEntry } from '../flat-config.js';
import { parseProperties } from '../properties/parse-properties.js';
import { locationOf, type YamlContext } from '../yaml/yaml-nodes.js';

export function propertiesBlockEntries(context: YamlContext, node: Node | null | undefined): FlatEntry[] {
  if (!isScalar(node) || typeof node.value !== 'string' || node.value.trim() === '') return [];
  const block = node.value;
  const blockLines = block.split('\n');
  const valueLocation = locationOf(context, node);
  const fileLines = context.text?.split(/\r\n|\r|\n/);
  const literal = node.type === Scalar.BLOCK_LITERAL && fileLines !== undefined;
  // The file line holding block line n (1-based), and that line's indentation; undefined when it cannot be placed.
  const place = (blockLine: number): { line: number; indent: number } | undefined => {
    if (!literal) return undefined;
    const line = valueLocation.line + blockLine;
    const physical = fileLines![line - 1];
    const content = blockLines[blockLine - 1];
    if (physical === undefined || content === undefined || !physical.endsWith(content)) return undefined;
    return { line, indent: physical.length - content.length };
  };
  const at = (line: number, column: number, endLine: number, endColumn: number): SourceLocation => {
    const start = place(line);
    const end = place(endLine);
    if (!start || !end) return valueLocation;
    return { file: context.file, line: start.line, column: column + start.indent, endLine: end.line, endColumn: endColumn + end.indent };
  };
  return parseProperties(block).entries.map((entry) => ({
    key: entry.key,
    raw: entry.value,
    location: at(entry.line, entry.column, entry.endLine, entry.endColumn),
    valueLocation: at(entry.valueLine, entry.valueColumn, entry.endLine, entry.endColumn),
  }));
}
