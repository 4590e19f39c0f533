// The only module that talks to a cluster. Read-only Admin calls only (DESIGN.md §6): describeCluster,
// listTopics/fetchTopicMetadata, describeConfigs, describeAcls, listGroups, describeGroups, fetchOffsets (never with
// resolveOffsets, which commits: it calls setOffsets) and fetchTopicOffsets.

import type { Admin, KafkaConfig } from 'kafkajs';
import { nameMatcher } from '../policy/name-pattern.js';
import type { LivePartitionFacts } from '../model/types.js';
import { tolerateLeaderlessPartitions } from './kafkajs-metadata.js';
import type { LiveAclBinding, LiveConfigEntry, LiveGroupSnapshot, LiveSnapshot, LiveTopicSnapshot } from './snapshot.js';

export interface ReadOptions {
  topics?: string;
  groups?: string;
  /** Progress lines for large clusters (stderr). */
  progress?: (line: string) => void;
  /** Aborted when the caller's overall deadline passes: the admin client is disconnected, so no socket lingers. */
  signal?: AbortSignal;
}

type KafkajsModule = typeof import('kafkajs');

function reverse(enumObject: Record<string, string | number>): Map<number, string> {
  return new Map(Object.entries(enumObject).filter(([, value]) => typeof value === 'number').map(([name, value]) => [value as number, name]));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

interface RawConfigEntry { configName: string; configValue: string | null; configSource?: number; isSensitive?: boolean }

function configEntries(entries: RawConfigEntry[]): LiveConfigEntry[] {
  return entries.map((entry) => ({ name: entry.configName, value: entry.configValue, source: entry.configSource, sensitive: entry.isSensitive }));
}

async function readTopic(admin: Admin, name: string): Promise<LiveTopicSnapshot> {
  try {
    const { topics } = await admin.fetchTopicMetadata({ topics: [name] });
    const partitions: LivePartitionFacts[] = (topics[0]?.partitions ?? []).map((partition) => {
      const raw = partition as typeof partition & { offlineReplicas?: number[] };
      return {
        partition: partition.partitionId,
        leader: partition.leader,
        replicas: partition.replicas,
        isr: partition.isr,
        offlineReplicas: raw.offlineReplicas,
        errorCode: partition.partitionErrorCode,
      };
    });
    return { name, partitions, configs: [] };
  } catch (error) {
    return { name, metadataError: messageOf(error), configs: [] };
  }
}

async function readGroups(admin: Admin, options: ReadOptions, problems: string[]): Promise<LiveGroupSnapshot[]> {
  const wanted = options.groups ? nameMatcher(options.groups) : () => true;
  const { groups: overview } = await admin.listGroups();
  const ids = overview.filter((group) => wanted(group.groupId)).map((group) => group.groupId).sort();
  if (ids.length === 0) return [];
  const { groups } = await admin.describeGroups(ids);
  const highWatermarks = new Map<string, Map<number, number>>();
  const result: LiveGroupSnapshot[] = [];
  for (const group of groups) {
    const offsets: LiveGroupSnapshot['offsets'] = [];
    try {
      // No `resolveOffsets`: with it kafkajs commits the resolved offsets (OffsetCommit), a write.
      const committed = await admin.fetchOffsets({ groupId: group.groupId });
      for (const { topic, partitions } of committed) {
        if (!highWatermarks.has(topic)) {
          const watermarks = await admin.fetchTopicOffsets(topic);
          highWatermarks.set(topic, new Map(watermarks.map((entry) => [entry.partition, Number(entry.high)])));
        }
        for (const { partition, offset } of partitions) {
          const highWatermark = highWatermarks.get(topic)!.get(partition);
          if (highWatermark === undefined) continue;
          offsets.push({ topic, partition, committed: Number(offset), highWatermark });
        }
      }
    } catch (error) {
      problems.push(`offsets of group ${group.groupId} could not be read: ${messageOf(error)}`);
    }
    result.push({ groupId: group.groupId, state: group.state, protocolType: group.protocolType, protocol: group.protocol, memberCount: group.members.length, offsets });
  }
  return result;
}

async function readAcls(admin: Admin, kafkajs: KafkajsModule): Promise<{ acls?: LiveAclBinding[]; authorizer?: boolean; problem?: string }> {
  const { AclResourceTypes, AclOperationTypes, AclPermissionTypes, ResourcePatternTypes } = kafkajs;
  try {
    const response = await admin.describeAcls({
      resourceType: AclResourceTypes.ANY,
      resourcePatternType: ResourcePatternTypes.ANY,
      operation: AclOperationTypes.ANY,
      permissionType: AclPermissionTypes.ANY,
    });
    const resourceNames = reverse(AclResourceTypes as unknown as Record<string, number>);
    const operations = reverse(AclOperationTypes as unknown as Record<string, number>);
    const patterns = reverse(ResourcePatternTypes as unknown as Record<string, number>);
    const acls: LiveAclBinding[] = [];
    for (const resource of response.resources) {
      for (const acl of resource.acls) {
        acls.push({
          principal: acl.principal,
          host: acl.host,
          resourceType: resourceNames.get(resource.resourceType) ?? String(resource.resourceType),
          resourceName: resource.resourceName,
          patternType: patterns.get(resource.resourcePatternType) ?? String(resource.resourcePatternType),
          operation: operations.get(acl.operation) ?? String(acl.operation),
          permission: acl.permissionType === AclPermissionTypes.DENY ? 'deny' : 'allow',
        });
      }
    }
    return { acls, authorizer: true };
  } catch (error) {
    const message = messageOf(error);
    // kafkajs docs/Admin.md: describeAcls fails with SECURITY_DISABLED when the broker has no authorizer.
    if (/security features are disabled|SECURITY_DISABLED/i.test(message) || (error as { type?: string }).type === 'SECURITY_DISABLED') return { authorizer: false };
    return { problem: `ACLs could not be read: ${message}` };
  }
}

/** Read what the live rules need. Connection and authentication failures throw; other failures become problems. */
export async function readCluster(config: KafkaConfig, options: ReadOptions = {}): Promise<LiveSnapshot> {
  tolerateLeaderlessPartitions();
  const kafkajs = (await import('kafkajs')).default as unknown as KafkajsModule;
  const admin = new kafkajs.Kafka(config).admin();
  const problems: string[] = [];
  options.signal?.addEventListener('abort', () => void admin.disconnect().catch(() => {}), { once: true });
  await admin.connect();
  try {
    const cluster = await admin.describeCluster();
    const wanted = options.topics ? nameMatcher(options.topics) : (name: string) => !name.startsWith('__');
    const names = (await admin.listTopics()).filter(wanted).sort();
    const topics: LiveTopicSnapshot[] = [];
    for (const name of names) {
      if (topics.length > 0 && topics.length % 100 === 0) options.progress?.(`kafkalint: read ${topics.length} of ${names.length} topics`);
      topics.push(await readTopic(admin, name));
    }
    const { ConfigResourceTypes } = kafkajs;
    if (topics.length > 0) {
      try {
        const described = await admin.describeConfigs({ includeSynonyms: false, resources: topics.map((topic) => ({ type: ConfigResourceTypes.TOPIC, name: topic.name })) });
        for (const resource of described.resources) {
          const topic = topics.find((candidate) => candidate.name === resource.resourceName);
          if (topic) topic.configs = configEntries(resource.configEntries as RawConfigEntry[]);
        }
      } catch (error) {
        problems.push(`topic configs could not be read: ${messageOf(error)}`);
      }
    }
    const brokers: LiveSnapshot['brokers'] = cluster.brokers.map((broker) => ({ ...broker, configs: [] }));
    try {
      const described = await admin.describeConfigs({ includeSynonyms: false, resources: brokers.map((broker) => ({ type: ConfigResourceTypes.BROKER, name: String(broker.nodeId) })) });
      for (const resource of described.resources) {
        const broker = brokers.find((candidate) => String(candidate.nodeId) === resource.resourceName);
        if (broker) broker.configs = configEntries(resource.configEntries as RawConfigEntry[]);
      }
    } catch (error) {
      problems.push(`broker configs could not be read: ${messageOf(error)}`);
    }
    const acls = await readAcls(admin, kafkajs);
    if (acls.problem) problems.push(acls.problem);
    let groups: LiveGroupSnapshot[] = [];
    try {
      groups = await readGroups(admin, options, problems);
    } catch (error) {
      problems.push(`consumer groups could not be read: ${messageOf(error)}`);
    }
    return { clusterId: cluster.clusterId || 'unknown-cluster', brokers, topics, acls: acls.acls, authorizer: acls.authorizer, groups, problems };
  } finally {
    await admin.disconnect().catch(() => {});
  }
}
