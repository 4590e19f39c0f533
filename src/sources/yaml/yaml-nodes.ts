// Position-aware helpers over `yaml` documents, shared by the Spring, Strimzi, docker-compose and Helm readers.

import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node, type YAMLMap } from 'yaml';
import type { SourceLocation } from '../../model/types.js';
import type { FlatEntry } from '../flat-config.js';

export interface YamlContext {
  file: string;
  lineCounter: LineCounter;
  /** The file's text, for readers that map positions inside a block scalar (a server.properties held in YAML). */
  text?: string;
}

/** 1-based location of a node's range (start to end of its value). */
export function locationOf(context: YamlContext, node: Node | null | undefined): SourceLocation {
  const range = node?.range;
  if (!range) return { file: context.file, line: 1, column: 1 };
  const start = context.lineCounter.linePos(range[0]);
  const end = context.lineCounter.linePos(range[1]);
  return { file: context.file, line: start.line, column: start.col, endLine: end.line, endColumn: end.col };
}

/** The map node at a path of keys, or undefined. */
export function mapAt(node: unknown, ...path: string[]): YAMLMap | undefined {
  let current: unknown = node;
  for (const key of path) {
    if (!isMap(current)) return undefined;
    current = current.get(key, true);
  }
  return isMap(current) ? current : undefined;
}

/** The scalar value at a path of keys, as a JS value, or undefined. */
export function scalarAt(node: unknown, ...path: string[]): unknown {
  let current: unknown = node;
  for (const key of path) {
    if (!isMap(current)) return undefined;
    current = current.get(key, true);
  }
  return isScalar(current) ? current.value : undefined;
}

export function documentRoot(document: Document.Parsed): Node | null {
  return document.contents as Node | null;
}

/**
 * Flatten a map to dotted keys with the location of each key and value: `{ a: { b: 1 } }` → `a.b`.
 * Keys that already contain dots (`min.insync.replicas: 2`) stay whole. Sequences of scalars become one
 * comma-joined value (Kafka list syntax); other sequences are skipped.
 */
export function flattenMap(context: YamlContext, map: YAMLMap, prefix = ''): FlatEntry[] {
  const entries: FlatEntry[] = [];
  for (const pair of map.items) {
    if (!isPair(pair)) continue;
    const keyNode = pair.key as Node | null;
    const keyText = isScalar(keyNode) ? String(keyNode.value) : undefined;
    if (keyText === undefined) continue;
    const key = prefix === '' ? keyText : `${prefix}.${keyText}`;
    const value = pair.value as Node | null;
    const keyLocation = locationOf(context, keyNode);
    if (isMap(value)) {
      entries.push(...flattenMap(context, value, key));
      continue;
    }
    if (isSeq(value)) {
      const items = value.items.filter(isScalar);
      if (items.length !== value.items.length) continue;
      const raw = items.map((item) => String(item.value ?? '')).join(',');
      entries.push({ key, raw, typed: raw, location: spanTo(keyLocation, locationOf(context, value)), valueLocation: locationOf(context, value) });
      continue;
    }
    const scalarValue = isScalar(value) ? value.value : null;
    const raw = scalarValue === null || scalarValue === undefined ? '' : String(scalarValue);
    const valueLocation = value ? locationOf(context, value) : undefined;
    entries.push({
      key,
      raw,
      typed: scalarValue ?? '',
      location: valueLocation ? spanTo(keyLocation, valueLocation) : keyLocation,
      ...(valueLocation ? { valueLocation } : {}),
    });
  }
  return entries;
}

/** A location from the start of one to the end of another. */
export function spanTo(start: SourceLocation, end: SourceLocation): SourceLocation {
  return { ...start, endLine: end.endLine ?? end.line, endColumn: end.endColumn ?? end.column };
}
