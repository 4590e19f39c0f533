// Spring Boot `spring.kafka.*` configuration. IN PROGRESS: mapping to be completed (relaxed binding, pass-through).

import type { FileFacts } from '../../model/types.js';
import { emptyFileFacts } from '../../model/types.js';
import type { FlatEntry } from '../flat-config.js';

export function isSpringKafkaKey(key: string): boolean {
  return /^spring\.(kafka|cloud\.stream\.kafka|json)\./i.test(key);
}

export function factsFromSpringEntries(_file: string, _entries: FlatEntry[]): FileFacts {
  return emptyFileFacts();
}
