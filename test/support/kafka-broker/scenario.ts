import type { SaslMechanism } from './sasl.js';

// The cluster a test describes (Scenario) and the normalised state the handlers serve (ClusterState).
// Broker node ids are 1..brokers; everything else defaults to what a freshly installed Kafka would report.

export interface PartitionScenario {
  /** Node id of the leader, or -1 for an offline partition (served with LEADER_NOT_AVAILABLE, as real brokers do). */
  leader: number;
  replicas: number[];
  isr: number[];
}

export interface TopicScenario {
  name: string;
  /** Partition i of the topic is partitions[i]. */
  partitions: PartitionScenario[];
  /** Topic-level overrides (config source TOPIC_CONFIG). Keys not listed fall back to the broker value or Kafka's default. */
  configs?: Record<string, string>;
  /** High watermark per partition index (ListOffsets latest); default 0. */
  highWatermarks?: number[];
  /** Log start offset per partition index (ListOffsets earliest); default 0. */
  logStartOffsets?: number[];
  internal?: boolean;
}

export interface CommittedOffset {
  topic: string;
  partition: number;
  offset: number;
}

export interface GroupScenario {
  groupId: string;
  /** 'consumer' for Kafka consumers; '' for a group that only commits offsets. Default 'consumer'. */
  protocolType?: string;
  /** The assignor the members agreed on (describeGroups `protocol`); default 'range' for a consumer group with members. */
  protocol?: string;
  /** Number of live members. Consumer members subscribe to the topics of `offsets` and share their partitions. */
  members: number;
  /** Stable | Empty | Dead | PreparingRebalance | CompletingRebalance; default Stable with members, Empty without. */
  state?: string;
  offsets: CommittedOffset[];
  /** Coordinator node id; default: groups are spread round-robin over the brokers. */
  coordinator?: number;
}

export type AclResourceType = 'TOPIC' | 'GROUP' | 'CLUSTER' | 'TRANSACTIONAL_ID' | 'DELEGATION_TOKEN';
export type AclPatternType = 'LITERAL' | 'PREFIXED';
export type AclOperation =
  | 'ALL' | 'READ' | 'WRITE' | 'CREATE' | 'DELETE' | 'ALTER' | 'DESCRIBE'
  | 'CLUSTER_ACTION' | 'DESCRIBE_CONFIGS' | 'ALTER_CONFIGS' | 'IDEMPOTENT_WRITE';
export type AclPermission = 'ALLOW' | 'DENY';

export interface AclScenario {
  resourceType: AclResourceType;
  resourceName: string;
  /** Default LITERAL. */
  patternType?: AclPatternType;
  /** e.g. 'User:billing' or 'User:*'. */
  principal: string;
  /** Default '*'. */
  host?: string;
  operation: AclOperation;
  /** Default ALLOW. */
  permission?: AclPermission;
}

export interface SaslScenario {
  mechanism: SaslMechanism;
  /** username → password. */
  users: Record<string, string>;
}

export interface Scenario {
  /** Number of brokers; node ids are 1..brokers, each with its own 127.0.0.1 listener on a random port. */
  brokers: number;
  topics: TopicScenario[];
  /** Default 'kafkalint-test-cluster'. */
  clusterId?: string;
  /** Default 1. */
  controller?: number;
  /** Rack per broker index (racks[0] is node 1's); default no rack. */
  racks?: (string | null)[];
  /** Broker settings every broker reports (config source STATIC_BROKER_CONFIG). */
  brokerConfigs?: Record<string, string>;
  /** Per-node overrides on top of brokerConfigs, e.g. { 2: { 'auto.create.topics.enable': 'false' } }. */
  brokerConfigsByNode?: Record<number, Record<string, string>>;
  groups?: GroupScenario[];
  acls?: AclScenario[];
  /** false = brokers run without an authorizer: DescribeAcls answers SECURITY_DISABLED. Default true. */
  authorizer?: boolean;
  /** When set, every listener is SASL_PLAINTEXT and drops requests made before authentication. */
  sasl?: SaslScenario;
}

export interface BrokerNode {
  nodeId: number;
  host: string;
  port: number;
  rack: string | null;
}

export interface PartitionState extends PartitionScenario {
  partition: number;
  highWatermark: number;
  logStartOffset: number;
}

export interface TopicState {
  name: string;
  internal: boolean;
  partitions: PartitionState[];
  configs: Record<string, string>;
}

export interface MemberState {
  memberId: string;
  clientId: string;
  clientHost: string;
  subscription: string[];
  assignment: Map<string, number[]>;
}

export interface GroupState {
  groupId: string;
  protocolType: string;
  protocol: string;
  state: string;
  coordinator: number;
  members: MemberState[];
  offsets: CommittedOffset[];
}

export interface AclState {
  resourceType: number;
  resourceName: string;
  patternType: number;
  principal: string;
  host: string;
  operation: number;
  permission: number;
}

export interface ClusterState {
  clusterId: string;
  controller: number;
  /** Filled in with the real ports once the listeners are bound. */
  brokers: BrokerNode[];
  topics: Map<string, TopicState>;
  brokerConfigs: Map<number, Record<string, string>>;
  groups: Map<string, GroupState>;
  acls: AclState[];
  authorizer: boolean;
  sasl: SaslScenario | null;
}

// Kafka's ACL enums (org.apache.kafka.common.acl / resource); kafkajs exposes the same numbers.
const RESOURCE_TYPES: Record<AclResourceType, number> = {
  TOPIC: 2, GROUP: 3, CLUSTER: 4, TRANSACTIONAL_ID: 5, DELEGATION_TOKEN: 6,
};
const PATTERN_TYPES: Record<AclPatternType, number> = { LITERAL: 3, PREFIXED: 4 };
const OPERATIONS: Record<AclOperation, number> = {
  ALL: 2, READ: 3, WRITE: 4, CREATE: 5, DELETE: 6, ALTER: 7, DESCRIBE: 8,
  CLUSTER_ACTION: 9, DESCRIBE_CONFIGS: 10, ALTER_CONFIGS: 11, IDEMPOTENT_WRITE: 12,
};
const PERMISSIONS: Record<AclPermission, number> = { DENY: 2, ALLOW: 3 };

export function clusterStateOf(scenario: Scenario): ClusterState {
  if (!Number.isInteger(scenario.brokers) || scenario.brokers < 1) {
    throw new Error(`scenario.brokers must be a positive integer, got ${scenario.brokers}`);
  }
  const nodeIds = Array.from({ length: scenario.brokers }, (_, i) => i + 1);
  const controller = scenario.controller ?? 1;
  if (!nodeIds.includes(controller)) throw new Error(`scenario.controller ${controller} is not a broker`);
  return {
    clusterId: scenario.clusterId ?? 'kafkalint-test-cluster',
    controller,
    brokers: nodeIds.map((nodeId) => ({ nodeId, host: '127.0.0.1', port: 0, rack: scenario.racks?.[nodeId - 1] ?? null })),
    topics: new Map(scenario.topics.map((topic) => [topic.name, topicStateOf(topic)])),
    brokerConfigs: new Map(
      nodeIds.map((nodeId) => [nodeId, { ...scenario.brokerConfigs, ...scenario.brokerConfigsByNode?.[nodeId] }]),
    ),
    groups: new Map((scenario.groups ?? []).map((group, i) => [group.groupId, groupStateOf(group, 1 + (i % scenario.brokers))])),
    acls: (scenario.acls ?? []).map(aclStateOf),
    authorizer: scenario.authorizer ?? true,
    sasl: scenario.sasl ?? null,
  };
}

function topicStateOf(topic: TopicScenario): TopicState {
  return {
    name: topic.name,
    internal: topic.internal ?? false,
    configs: { ...topic.configs },
    partitions: topic.partitions.map((p, partition) => ({
      ...p,
      partition,
      highWatermark: topic.highWatermarks?.[partition] ?? 0,
      logStartOffset: topic.logStartOffsets?.[partition] ?? 0,
    })),
  };
}

function groupStateOf(group: GroupScenario, defaultCoordinator: number): GroupState {
  const protocolType = group.protocolType ?? 'consumer';
  const topics = [...new Set(group.offsets.map((o) => o.topic))];
  const members: MemberState[] = Array.from({ length: group.members }, (_, i) => ({
    memberId: `${group.groupId}-member-${i + 1}`,
    clientId: `${group.groupId}-client-${i + 1}`,
    clientHost: `/127.0.0.${i + 1}`,
    subscription: topics,
    assignment: new Map(),
  }));
  // Round-robin the committed partitions over the members, as a consumer's assignor would.
  group.offsets.forEach((o, i) => {
    const member = members[i % Math.max(members.length, 1)];
    if (!member) return;
    member.assignment.set(o.topic, [...(member.assignment.get(o.topic) ?? []), o.partition]);
  });
  return {
    groupId: group.groupId,
    protocolType,
    protocol: members.length > 0 && protocolType === 'consumer' ? group.protocol ?? 'range' : '',
    state: group.state ?? (members.length > 0 ? 'Stable' : 'Empty'),
    coordinator: group.coordinator ?? defaultCoordinator,
    members,
    offsets: group.offsets,
  };
}

function aclStateOf(acl: AclScenario): AclState {
  return {
    resourceType: RESOURCE_TYPES[acl.resourceType],
    resourceName: acl.resourceName,
    patternType: PATTERN_TYPES[acl.patternType ?? 'LITERAL'],
    principal: acl.principal,
    host: acl.host ?? '*',
    operation: OPERATIONS[acl.operation],
    permission: PERMISSIONS[acl.permission ?? 'ALLOW'],
  };
}
