// A live snapshot becomes ordinary model facts, so the static rules (acks-all-with-min-isr-1,
// min-isr-ge-replication-factor, replication-factor-too-low, …) judge live topics and brokers like declared ones.
// Every fact's file is a logical location, `kafka://<cluster-id>/topic/<name>`, which every format prints as is.

import { canonicalKey, isKnownKey, parseSettingValue } from '../model/keys.js';
import { emptyFileFacts, type AclFacts, type BrokerFacts, type FileFacts, type LiveClusterFacts, type Origin, type Setting, type SourceLocation, type TopicFacts } from '../model/types.js';
import type { LiveConfigEntry, LiveSnapshot } from './snapshot.js';

export function clusterUri(clusterId: string): string {
  return `kafka://${clusterId}`;
}

function at(file: string): SourceLocation {
  return { file, line: 1, column: 1 };
}

function liveSetting(key: string, raw: string, file: string, origin: Origin): Setting {
  const canonical = canonicalKey(key);
  return { key: canonical, writtenAs: key, value: parseSettingValue(canonical, raw), raw, location: at(file), origin };
}

function liveCount(key: string, count: number, file: string, origin: Origin): Setting {
  return { key, writtenAs: key, value: count, raw: String(count), location: at(file), origin };
}

/**
 * The configs a rule can judge: keys the model knows, with a value. Sensitive entries come back without a value and
 * stay out; so do the hundreds of keys no rule reads.
 */
function settingsOf(entries: LiveConfigEntry[], file: string, origin: Origin): Setting[] {
  const settings: Setting[] = [];
  for (const entry of entries) {
    if (entry.sensitive || entry.value === null || !isKnownKey(canonicalKey(entry.name))) continue;
    settings.push(liveSetting(entry.name, entry.value, file, origin));
  }
  return settings;
}

function configIdentity(entry: LiveConfigEntry): string {
  return `${entry.name}\u0000${entry.value}`;
}

function clusterWideConfigs(perBroker: LiveConfigEntry[][]): Set<string> {
  if (perBroker.length === 0) return new Set();
  const [first, ...others] = perBroker.map((entries) => new Set(entries.map(configIdentity)));
  return new Set([...first].filter((identity) => others.every((set) => set.has(identity))));
}

export function liveFactsOf(snapshot: LiveSnapshot, lagThreshold?: number, topicsFiltered = false): { facts: FileFacts; live: LiveClusterFacts } {
  const base = clusterUri(snapshot.clusterId);
  const origin: Origin = { kind: 'live', cluster: snapshot.clusterId };
  const facts = emptyFileFacts();
  const shared = clusterWideConfigs(snapshot.brokers.map((broker) => broker.configs));
  for (const [index, broker] of snapshot.brokers.entries()) {
    const file = `${base}/broker/${broker.nodeId}`;
    // A value every broker reports alike is the cluster's: it sits on the first broker only, so a weak cluster-wide
    // default is one finding, not one per broker. Values a broker holds on its own stay on that broker.
    const own = index === 0 ? broker.configs : broker.configs.filter((entry) => !shared.has(configIdentity(entry)));
    const fact: BrokerFacts = {
      kind: 'broker', declaredBy: 'live', file, location: at(file), settings: settingsOf(own, file, origin),
      brokerCount: snapshot.brokers.length, label: `broker ${broker.nodeId} of cluster ${snapshot.clusterId}`,
    };
    facts.brokers.push(fact);
  }
  for (const topic of snapshot.topics) {
    const file = `${base}/topic/${topic.name}`;
    const fact: TopicFacts = { kind: 'topic', declaredBy: 'live', name: topic.name, file, location: at(file), settings: settingsOf(topic.configs, file, origin) };
    if (topic.partitions && topic.partitions.length > 0) {
      fact.livePartitions = topic.partitions;
      fact.partitions = liveCount('partitions', topic.partitions.length, file, origin);
      // The replication factor is the replica count of the partitions; during a reassignment they differ, and the
      // smallest is the one that protects least.
      const replicationFactor = Math.min(...topic.partitions.map((partition) => partition.replicas.length));
      fact.replicationFactor = liveCount('replication.factor', replicationFactor, file, origin);
    }
    if (topic.metadataError) fact.liveMetadataError = topic.metadataError;
    facts.topics.push(fact);
  }
  for (const acl of snapshot.acls ?? []) {
    const file = `${base}/acl/${acl.resourceType.toLowerCase()}/${acl.resourceName}`;
    const fact: AclFacts = {
      kind: 'acl', file, location: at(file), principal: acl.principal, resourceType: acl.resourceType,
      resourceName: acl.resourceName, patternType: acl.patternType, operations: [acl.operation], permission: acl.permission,
    };
    facts.acls.push(fact);
  }
  const live: LiveClusterFacts = {
    clusterId: snapshot.clusterId,
    file: base,
    brokerCount: snapshot.brokers.length,
    authorizer: snapshot.authorizer,
    lagThreshold,
    topicsFiltered,
    groups: snapshot.groups.map((group) => {
      const file = `${base}/group/${group.groupId}`;
      return {
        ...group,
        file,
        location: at(file),
        offsets: group.offsets.map((offset) => ({
          ...offset,
          // A partition the group never committed (-1) has no lag to speak of: auto.offset.reset decides.
          lag: offset.committed >= 0 ? Math.max(0, offset.highWatermark - offset.committed) : undefined,
        })),
      };
    }),
  };
  return { facts, live };
}
