// Kafka API keys, error codes and the version ranges the test broker advertises.
// Numbers are from apache/kafka clients/src/main/resources/common/message/*.json and
// org.apache.kafka.common.protocol.Errors.

export const ApiKey = {
  Produce: 0,
  Fetch: 1,
  ListOffsets: 2,
  Metadata: 3,
  OffsetCommit: 8,
  OffsetFetch: 9,
  FindCoordinator: 10,
  JoinGroup: 11,
  Heartbeat: 12,
  LeaveGroup: 13,
  SyncGroup: 14,
  DescribeGroups: 15,
  ListGroups: 16,
  SaslHandshake: 17,
  ApiVersions: 18,
  CreateTopics: 19,
  DeleteTopics: 20,
  DeleteRecords: 21,
  InitProducerId: 22,
  AddPartitionsToTxn: 24,
  AddOffsetsToTxn: 25,
  EndTxn: 26,
  TxnOffsetCommit: 28,
  DescribeAcls: 29,
  CreateAcls: 30,
  DeleteAcls: 31,
  DescribeConfigs: 32,
  AlterConfigs: 33,
  SaslAuthenticate: 36,
  CreatePartitions: 37,
  DeleteGroups: 42,
  ElectLeaders: 43,
  IncrementalAlterConfigs: 44,
  OffsetDelete: 47,
} as const;

export const ErrorCode = {
  NONE: 0,
  UNKNOWN_TOPIC_OR_PARTITION: 3,
  LEADER_NOT_AVAILABLE: 5,
  NOT_LEADER_OR_FOLLOWER: 6,
  NOT_COORDINATOR: 16,
  UNSUPPORTED_SASL_MECHANISM: 33,
  UNSUPPORTED_VERSION: 35,
  INVALID_REQUEST: 42,
  SECURITY_DISABLED: 54,
  SASL_AUTHENTICATION_FAILED: 58,
} as const;

export type VersionRange = readonly [min: number, max: number];

/**
 * APIs the broker answers. Every max is below the API's first flexible version, so no compact encoding is needed;
 * kafkajs picks min(its max, ours) and librdkafka picks within the range, so each handler encodes every version listed.
 */
export const SERVED: ReadonlyMap<number, VersionRange> = new Map<number, VersionRange>([
  [ApiKey.ApiVersions, [0, 2]], // v3 is flexible: answered with the KIP-511 fallback instead
  [ApiKey.Metadata, [0, 6]],
  [ApiKey.ListOffsets, [0, 3]],
  [ApiKey.OffsetFetch, [1, 4]], // v0 reads ZooKeeper-stored offsets in real Kafka; kafkajs uses v1+
  [ApiKey.FindCoordinator, [0, 2]],
  [ApiKey.DescribeGroups, [0, 2]],
  [ApiKey.ListGroups, [0, 2]],
  [ApiKey.SaslHandshake, [0, 1]], // librdkafka requires v0 in the range; after v0, tokens come without a request header
  [ApiKey.SaslAuthenticate, [0, 1]],
  [ApiKey.DescribeAcls, [0, 1]],
  [ApiKey.DescribeConfigs, [0, 2]],
]);

/**
 * Write (and group-joining) APIs: advertised so that a client would really send them, recorded, then the connection
 * is closed without an answer. A test that asserts none of these keys arrived proves the client stayed read-only.
 * Ranges end at each API's last non-flexible version.
 */
export const TRAPPED: ReadonlyMap<number, VersionRange> = new Map<number, VersionRange>([
  [ApiKey.Produce, [0, 8]],
  [ApiKey.Fetch, [0, 11]],
  [ApiKey.OffsetCommit, [0, 7]],
  [ApiKey.JoinGroup, [0, 5]],
  [ApiKey.Heartbeat, [0, 3]],
  [ApiKey.LeaveGroup, [0, 3]],
  [ApiKey.SyncGroup, [0, 3]],
  [ApiKey.CreateTopics, [0, 4]],
  [ApiKey.DeleteTopics, [0, 3]],
  [ApiKey.DeleteRecords, [0, 1]],
  [ApiKey.InitProducerId, [0, 1]],
  [ApiKey.AddPartitionsToTxn, [0, 2]],
  [ApiKey.AddOffsetsToTxn, [0, 2]],
  [ApiKey.EndTxn, [0, 2]],
  [ApiKey.TxnOffsetCommit, [0, 2]],
  [ApiKey.CreateAcls, [0, 1]],
  [ApiKey.DeleteAcls, [0, 1]],
  [ApiKey.AlterConfigs, [0, 1]],
  [ApiKey.CreatePartitions, [0, 1]],
  [ApiKey.DeleteGroups, [0, 1]],
  [ApiKey.ElectLeaders, [0, 1]],
  [ApiKey.IncrementalAlterConfigs, [0, 0]],
  [ApiKey.OffsetDelete, [0, 0]],
]);

/** Keys a read-only audit must never send; the same set as TRAPPED, exported for assertions. */
export const WRITE_API_KEYS: readonly number[] = [...TRAPPED.keys()];

/** DescribeConfigs config_source values (v1+). */
export const ConfigSource = {
  TOPIC_CONFIG: 1,
  STATIC_BROKER_CONFIG: 4,
  DEFAULT_CONFIG: 5,
} as const;

export const ConfigResourceType = { TOPIC: 2, BROKER: 4 } as const;

/** ANY (1) in every ACL filter enum matches every value. */
export const ACL_ANY = 1;
/** Resource pattern type MATCH (2) in a filter: literal, wildcard or prefixed ACLs that apply to the name. */
export const ACL_PATTERN_MATCH = 2;
