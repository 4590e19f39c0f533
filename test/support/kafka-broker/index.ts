// In-process Kafka wire-protocol test broker: see README.md in this folder.
export { startTestCluster, type RequestOutcome, type RequestRecord, type TestCluster } from './server.js';
export type {
  AclOperation, AclPatternType, AclPermission, AclResourceType, AclScenario, BrokerNode, CommittedOffset, GroupScenario,
  PartitionScenario, SaslScenario, Scenario, TopicScenario,
} from './scenario.js';
export { ApiKey, WRITE_API_KEYS } from './protocol.js';
export type { SaslMechanism } from './sasl.js';
