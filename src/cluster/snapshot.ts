// What `kafkalint cluster` read from a cluster, as plain data: the boundary between the kafkajs calls
// (read-cluster.ts) and the model (live-facts.ts), so the conversion is tested without a network.

import type { LivePartitionFacts } from '../model/types.js';

export interface LiveConfigEntry {
  name: string;
  /** null for sensitive entries: brokers never return their values. */
  value: string | null;
  /** kafkajs configSource: 1 TOPIC_CONFIG, 2 DYNAMIC_BROKER_CONFIG, 4 STATIC_BROKER_CONFIG, 5 DEFAULT_CONFIG, … */
  source?: number;
  sensitive?: boolean;
}

export interface LiveTopicSnapshot {
  name: string;
  partitions?: LivePartitionFacts[];
  /** Set when the topic's metadata could not be read (kafkajs #1460: a leaderless partition fails the call). */
  metadataError?: string;
  configs: LiveConfigEntry[];
}

export interface LiveAclBinding {
  principal: string;
  host: string;
  resourceType: string;
  resourceName: string;
  patternType: string;
  operation: string;
  permission: 'allow' | 'deny';
}

export interface LiveGroupSnapshot {
  groupId: string;
  state: string;
  protocolType: string;
  protocol: string;
  memberCount: number;
  offsets: Array<{ topic: string; partition: number; committed: number; highWatermark: number }>;
}

export interface LiveSnapshot {
  clusterId: string;
  brokers: Array<{ nodeId: number; host: string; port: number; configs: LiveConfigEntry[] }>;
  topics: LiveTopicSnapshot[];
  /** undefined when ACLs could not be read; `authorizer: false` when the cluster has none. */
  acls?: LiveAclBinding[];
  authorizer?: boolean;
  groups: LiveGroupSnapshot[];
  /** Calls that failed without stopping the audit, one line each (shown on stderr). */
  problems: string[];
}
