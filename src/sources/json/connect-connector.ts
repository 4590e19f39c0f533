// Kafka Connect connector configs, as posted to the Connect REST API: `{ "name": …, "config": { … } }`, or the flat
// config object alone (`PUT /connectors/{name}/config`). Most keys belong to the connector plugin and are none of our
// business; the facts here are the Kafka resources the framework itself creates or configures:
// - topics created for source connectors from `topic.creation.<group>.*` (KIP-158; `default` plus the groups listed
//   in `topic.creation.groups`);
// - the dead letter queue of a sink connector, `errors.deadletterqueue.topic.name` with its
//   `errors.deadletterqueue.topic.replication.factor` (KIP-298);
// - the connector's own producer and consumer, when `producer.override.*` / `consumer.override.*` change them
//   (KIP-458). Connect names the sink consumer group `connect-<connector name>`.

import { canonicalKey } from '../../model/keys.js';
import type { ClientFacts, FileFacts, Setting, TopicFacts, TopicReference } from '../../model/types.js';
import { emptyFileFacts } from '../../model/types.js';
import { settingFromEntry, type FlatEntry } from '../flat-config.js';
import { isObject, memberNamed, scalarEntries, stringMember, type JsonContext } from './json-nodes.js';
import type { JsonObject } from './parse-json.js';

export interface ConnectorConfig {
  name?: string;
  config: JsonObject;
}

/** The connector a JSON object declares, or undefined when it is not a connector config. */
export function connectorOf(root: JsonObject): ConnectorConfig | undefined {
  const nested = memberNamed(root, 'config')?.value;
  if (isObject(nested) && memberNamed(nested, 'connector.class')) {
    return { name: stringMember(root, 'name') ?? stringMember(nested, 'name'), config: nested };
  }
  if (memberNamed(root, 'connector.class')) return { name: stringMember(root, 'name'), config: root };
  return undefined;
}

export function factsFromConnector(context: JsonContext, connector: ConnectorConfig): FileFacts {
  const facts = emptyFileFacts();
  const entries = scalarEntries(context, connector.config);
  const described = connector.name ? `connector "${connector.name}"` : `the connector in ${context.file}`;
  const deadLetterQueue = deadLetterQueueTopic(context, entries, described);
  if (deadLetterQueue) facts.topics.push(deadLetterQueue);
  facts.topics.push(...topicCreationGroups(context, entries, described));
  facts.clients.push(...overrideClients(context, entries, connector.name, described));
  return facts;
}

function lastEntry(entries: FlatEntry[], key: string): FlatEntry | undefined {
  for (let index = entries.length - 1; index >= 0; index--) {
    if (entries[index].key === key) return entries[index];
  }
  return undefined;
}

/** Replication factors and partition counts are integers; the shared key table does not list these topic keys. */
function countSetting(entry: FlatEntry, key: string): Setting {
  const setting = settingFromEntry(entry, key);
  if (typeof setting.value === 'string' && /^[-+]?\d+$/.test(setting.value.trim())) setting.value = Number(setting.value.trim());
  return setting;
}

/**
 * The dead letter queue topic, only when its replication factor is written. Left out, Connect creates the topic with
 * replication factor 3 (`errors.deadletterqueue.topic.replication.factor` default), not the broker default, and
 * a topic fact without a replication factor would say the latter.
 */
function deadLetterQueueTopic(context: JsonContext, entries: FlatEntry[], described: string): TopicFacts | undefined {
  const nameEntry = lastEntry(entries, 'errors.deadletterqueue.topic.name');
  const replicationEntry = lastEntry(entries, 'errors.deadletterqueue.topic.replication.factor');
  const name = nameEntry?.raw.trim();
  if (!nameEntry || !name || !replicationEntry) return undefined;
  const replicationFactor = countSetting(replicationEntry, 'replication.factor');
  return {
    kind: 'topic',
    name,
    declaredBy: 'connect',
    file: context.file,
    location: nameEntry.location,
    settings: [replicationFactor],
    replicationFactor,
    label: `dead letter queue topic "${name}" of ${described}`,
  };
}

const TOPIC_CREATION_PREFIX = 'topic.creation.';
/** Keys of a creation group that select topics rather than configure them. */
const GROUP_SELECTORS = new Set(['include', 'exclude']);

function topicCreationGroups(context: JsonContext, entries: FlatEntry[], described: string): TopicFacts[] {
  const listed = lastEntry(entries, 'topic.creation.groups')?.raw ?? '';
  const groups = ['default', ...listed.split(',').map((group) => group.trim()).filter((group) => group !== '' && group !== 'default')];
  const topics: TopicFacts[] = [];
  for (const group of groups) {
    const prefix = `${TOPIC_CREATION_PREFIX}${group}.`;
    const groupEntries = entries.filter((entry) => entry.key.startsWith(prefix) && !GROUP_SELECTORS.has(entry.key.slice(prefix.length)));
    const replicationEntry = lastEntry(groupEntries, `${prefix}replication.factor`);
    const partitionsEntry = lastEntry(groupEntries, `${prefix}partitions`);
    if (!replicationEntry && !partitionsEntry) continue;
    const settings = groupEntries.map((entry) => {
      const suffix = entry.key.slice(prefix.length);
      if (entry === replicationEntry) return countSetting(entry, 'replication.factor');
      if (entry === partitionsEntry) return countSetting(entry, 'partitions');
      return settingFromEntry(entry, canonicalKey(suffix));
    });
    const topic: TopicFacts = {
      kind: 'topic',
      name: `${TOPIC_CREATION_PREFIX}${group}`,
      declaredBy: 'connect',
      file: context.file,
      location: groupEntries[0].location,
      settings,
      label: `topics that ${described} creates (group "${group}")`,
    };
    if (replicationEntry) topic.replicationFactor = settings[groupEntries.indexOf(replicationEntry)];
    if (partitionsEntry) topic.partitions = settings[groupEntries.indexOf(partitionsEntry)];
    topics.push(topic);
  }
  return topics;
}

function overrideClients(context: JsonContext, entries: FlatEntry[], connectorName: string | undefined, described: string): ClientFacts[] {
  const clients: ClientFacts[] = [];
  for (const role of ['producer', 'consumer'] as const) {
    const prefix = `${role}.override.`;
    const overrides = entries.filter((entry) => entry.key.startsWith(prefix) && entry.key.length > prefix.length);
    if (overrides.length === 0) continue;
    const settings = overrides.map((entry) => settingFromEntry(entry, canonicalKey(entry.key.slice(prefix.length))));
    const client: ClientFacts = {
      kind: 'client',
      role,
      library: 'kafka-connect',
      topics: role === 'consumer' ? sinkTopics(entries) : [],
      file: context.file,
      location: overrides[0].location,
      settings,
      label: `${role} of ${described}`,
    };
    if (role === 'consumer') {
      const explicitGroup = [...settings].reverse().find((setting) => setting.key === 'group.id')?.value;
      const groupId = typeof explicitGroup === 'string' && explicitGroup !== '' ? explicitGroup : connectorName ? `connect-${connectorName}` : undefined;
      if (groupId) client.groupId = groupId;
    }
    clients.push(client);
  }
  return clients;
}

/** The topics a sink connector reads (`topics`, comma-separated); `topics.regex` names no topic. */
function sinkTopics(entries: FlatEntry[]): TopicReference[] {
  const entry = lastEntry(entries, 'topics');
  if (!entry) return [];
  const location = entry.valueLocation ?? entry.location;
  return entry.raw
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '')
    .map((name) => ({ name, location }));
}
