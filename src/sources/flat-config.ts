// Flat `key=value` configurations (client .properties, librdkafka .config, JSON client objects, server.properties)
// all become facts the same way: classify the file, canonicalise each key, type each value.

import { canonicalKey, normaliseTypedValue, parseSettingValue } from '../model/keys.js';
import { classifyFlatConfig, hasKafkaKeys, libraryOfFlatConfig } from '../model/roles.js';
import { isPlaceholder } from '../model/secrets.js';
import type { EnvironmentInfo, FileFacts, Library, Setting, SourceLocation } from '../model/types.js';
import { emptyFileFacts } from '../model/types.js';

export interface FlatEntry {
  /** The key as written. */
  key: string;
  /** The value's text as written. */
  raw: string;
  /** The value already typed by its format (YAML/JSON booleans and numbers), when it has one. */
  typed?: unknown;
  location: SourceLocation;
  valueLocation?: SourceLocation;
}

/** One setting from one entry; `canonical` overrides the key mapping (Spring, env-var conventions). */
export function settingFromEntry(entry: FlatEntry, canonical = canonicalKey(entry.key)): Setting {
  const value = entry.typed !== undefined && typeof entry.typed !== 'string'
    ? normaliseTypedValue(canonical, entry.typed)
    : parseSettingValue(canonical, entry.raw);
  const setting: Setting = { key: canonical, writtenAs: entry.key, value, raw: entry.raw, location: entry.location };
  if (entry.valueLocation) setting.valueLocation = entry.valueLocation;
  if (isPlaceholder(entry.raw, canonical)) setting.placeholder = true;
  return setting;
}

export interface FlatConfigOptions {
  library?: Library;
  environment?: EnvironmentInfo;
  label?: string;
}

/** Facts from a flat Kafka config; a file without any Kafka key yields nothing. */
export function factsFromFlatConfig(file: string, entries: FlatEntry[], options: FlatConfigOptions = {}): FileFacts {
  const facts = emptyFileFacts();
  const keys = entries.map((entry) => entry.key);
  if (entries.length === 0 || !hasKafkaKeys(keys)) return facts;
  const settings = entries.map((entry) => settingFromEntry(entry));
  const location = { ...entries[0].location };
  const base = { file, location, settings, ...(options.environment ? { environment: options.environment } : {}) };
  for (const kind of classifyFlatConfig(file, keys)) {
    if (kind === 'broker') {
      facts.brokers.push({ kind: 'broker', declaredBy: 'server.properties', label: options.label ?? `broker config ${file}`, ...base });
      continue;
    }
    const library = options.library ?? libraryOfFlatConfig(file, keys);
    const groupId = settings.find((setting) => setting.key === 'group.id')?.value;
    facts.clients.push({
      kind: 'client',
      role: kind,
      library,
      topics: [],
      label: options.label ?? `${kind} config ${file}`,
      ...(typeof groupId === 'string' && groupId !== '' ? { groupId } : {}),
      ...base,
    });
  }
  return facts;
}
