// JSON client configs written with Kafka's own dotted keys: a whole file (`{ "bootstrap.servers": …, "acks": "all" }`),
// or a section of a larger file (`{ "kafka": { … } }`, `{ "kafka": { "producer": { … } } }`). This is how
// librdkafka-based clients (node-rdkafka, confluent-kafka-javascript, Confluent.Kafka's dictionary form) and
// Java apps that load a JSON map into Properties are configured.

import { canonicalKey } from '../../model/keys.js';
import { hasKafkaKeys } from '../../model/roles.js';
import type { FileFacts, Library } from '../../model/types.js';
import { emptyFileFacts } from '../../model/types.js';
import { factsFromFlatConfig } from '../flat-config.js';
import { isObject, scalarEntries, type JsonContext } from './json-nodes.js';
import type { JsonObject } from './parse-json.js';

/** How deep below the root a client section may sit: `kafka.producer` is found, deeper nesting is app data. */
const MAX_SECTION_DEPTH = 2;

/**
 * Topic-level keys: a JSON object holding only these describes a topic, not a client, and must not become a
 * client that client rules then judge.
 */
const TOPIC_LEVEL_KEYS = new Set(['cleanup.policy', 'retention.ms', 'retention.bytes', 'min.insync.replicas', 'unclean.leader.election.enable', 'segment.bytes', 'max.message.bytes']);

export type SectionRole = 'producer' | 'consumer' | 'admin';

/** The role a section's name states (`producer`, `kafkaConsumer`, `AdminClient`), if it states exactly one. */
export function roleOfSectionName(name: string | undefined): SectionRole | undefined {
  if (name === undefined) return undefined;
  const roles = (['producer', 'consumer', 'admin'] as const).filter((role) => name.toLowerCase().includes(role));
  return roles.length === 1 ? roles[0] : undefined;
}

/** A section named for one role is that role's config, whatever stray keys it holds. */
export function applySectionRole(facts: FileFacts, role: SectionRole | undefined): FileFacts {
  if (!role || facts.clients.length === 0) return facts;
  facts.clients = [{ ...facts.clients[0], role }];
  return facts;
}

/**
 * True when an object's own settings are a Kafka client config: at least one dotted key that Kafka knows and that is
 * not topic-level. Bare words (`retries`, `acks`) alone are too common in unrelated JSON to decide it.
 */
export function isDottedKafkaObject(object: JsonObject): boolean {
  return object.members.some((member) => member.value.kind !== 'object' && isDottedClientKey(member.key));
}

function isDottedClientKey(key: string): boolean {
  return key.includes('.') && hasKafkaKeys([key]) && !TOPIC_LEVEL_KEYS.has(canonicalKey(key));
}

/**
 * True when the text has a JSON property named like a dotted Kafka client key (`"group.id":`). Together with
 * looksLikeKafkaText this decides whether a file is worth parsing, and whether its syntax errors are reported: a
 * broken consumer config may name nothing but `group.id`.
 */
export function mentionsDottedKafkaKey(text: string): boolean {
  for (const match of text.matchAll(/"([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+)"\s*:/g)) {
    if (isDottedClientKey(match[1])) return true;
  }
  return false;
}

export interface DottedSection {
  path: string[];
  object: JsonObject;
}

/** Objects holding dotted Kafka settings: the root, or sections up to two levels below it. */
export function dottedKafkaSections(root: JsonObject): DottedSection[] {
  const sections: DottedSection[] = [];
  const visit = (object: JsonObject, path: string[]) => {
    if (isDottedKafkaObject(object)) {
      sections.push({ path, object });
      return;
    }
    if (path.length >= MAX_SECTION_DEPTH) return;
    for (const member of object.members) {
      if (isObject(member.value)) visit(member.value, [...path, member.key]);
    }
  };
  visit(root, []);
  return sections;
}

export function factsFromDottedSection(context: JsonContext, section: DottedSection, library?: Library): FileFacts {
  const entries = scalarEntries(context, section.object);
  if (entries.length === 0) return emptyFileFacts();
  const name = section.path[section.path.length - 1];
  const label = section.path.length > 0 ? `"${section.path.join('.')}" section of ${context.file}` : undefined;
  const facts = factsFromFlatConfig(context.file, entries, { ...(library ? { library } : {}), ...(label ? { label } : {}) });
  for (const broker of facts.brokers) broker.declaredBy = 'json';
  return applySectionRole(facts, roleOfSectionName(name));
}
