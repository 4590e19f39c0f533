// Position-aware helpers over parsed JSON, shared by the client-config, Kafka Connect and appsettings readers.

import type { SourceLocation } from '../../model/types.js';
import type { FlatEntry } from '../flat-config.js';
import type { JsonMember, JsonObject, JsonValue, LineIndex, Span } from './parse-json.js';

export interface JsonContext {
  file: string;
  lines: LineIndex;
}

export function locationOf(context: JsonContext, span: Span): SourceLocation {
  const start = context.lines.position(span.start);
  const end = context.lines.position(span.end);
  return { file: context.file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

export function isObject(value: JsonValue | undefined): value is JsonObject {
  return value?.kind === 'object';
}

/** The last member with this key, as JSON readers take it. */
export function memberNamed(object: JsonObject, key: string): JsonMember | undefined {
  for (let index = object.members.length - 1; index >= 0; index--) {
    if (object.members[index].key === key) return object.members[index];
  }
  return undefined;
}

/** The string value of a member, or undefined when it is absent or not a string. */
export function stringMember(object: JsonObject, key: string): string | undefined {
  const value = memberNamed(object, key)?.value;
  return value?.kind === 'string' ? (value.value as string) : undefined;
}

/**
 * A member as a flat `key = value` entry: scalars keep their JSON type; an array of scalars becomes one
 * comma-joined value (Kafka's list syntax). Objects and mixed arrays are not settings and give undefined.
 */
export function entryOf(context: JsonContext, member: JsonMember, key = member.key): FlatEntry | undefined {
  const value = member.value;
  const location = locationOf(context, member);
  const valueLocation = locationOf(context, value);
  if (value.kind === 'object') return undefined;
  if (value.kind === 'array') {
    if (!value.items.every((item) => item.kind !== 'object' && item.kind !== 'array')) return undefined;
    const items = value.items.map((item) => (item.kind === 'null' ? '' : String((item as { value: unknown }).value)));
    return { key, raw: items.join(','), typed: items, location, valueLocation };
  }
  const raw = value.value === null ? '' : String(value.value);
  return { key, raw, typed: value.value, location, valueLocation };
}

/** Every member of an object that is a setting (not a nested object), as flat entries in file order. */
export function scalarEntries(context: JsonContext, object: JsonObject): FlatEntry[] {
  const entries: FlatEntry[] = [];
  for (const member of object.members) {
    const entry = entryOf(context, member);
    if (entry) entries.push(entry);
  }
  return entries;
}
