// `.properties` (and librdkafka `.config`) files: client configs, server.properties, Spring application.properties.

import type { FileFacts } from '../../model/types.js';
import { emptyFileFacts } from '../../model/types.js';
import { factsFromFlatConfig, type FlatEntry } from '../flat-config.js';
import { factsFromSpringEntries, isSpringKafkaKey } from '../spring/spring-boot.js';
import { parseProperties } from './parse-properties.js';

export function propertiesEntries(file: string, text: string): FlatEntry[] {
  return parseProperties(text).entries.map((entry) => ({
    key: entry.key,
    raw: entry.value,
    location: { file, line: entry.line, column: entry.column, endLine: entry.endLine, endColumn: entry.endColumn },
    valueLocation: { file, line: entry.valueLine, column: entry.valueColumn, endLine: entry.endLine, endColumn: entry.endColumn },
  }));
}

export function extractPropertiesFacts(file: string, text: string): FileFacts {
  const entries = propertiesEntries(file, text);
  if (entries.length === 0) return emptyFileFacts();
  if (entries.some((entry) => isSpringKafkaKey(entry.key))) return factsFromSpringEntries(file, entries);
  return factsFromFlatConfig(file, entries);
}
