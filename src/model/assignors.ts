// Which partition assignors rebalance eagerly (every member revokes all its partitions) and which cooperatively
// (KIP-429: only the partitions that change owner move). Shared by the static rule eager-assignor, which reads
// configured assignor names, and the live rule live-group-eager-protocol, which reads the name a group agreed on.

export type RebalanceProtocol = 'eager' | 'cooperative' | 'unknown';

// Configured names: Java assignors by simple class name, librdkafka assignors by name. StickyAssignor keeps
// assignments sticky but still uses the eager protocol; CooperativeStickyAssignor (Kafka 2.4, KIP-429) and
// librdkafka's cooperative-sticky are the incremental ones.
const EAGER_ASSIGNORS = new Set(['range', 'roundrobin', 'rangeassignor', 'roundrobinassignor', 'stickyassignor']);
const COOPERATIVE_ASSIGNORS = new Set(['cooperative-sticky', 'cooperativestickyassignor']);
const JAVA_ASSIGNOR_PACKAGE = 'org.apache.kafka.clients.consumer.';

/** The protocol of one entry of `partition.assignment.strategy` (a Java class name or a librdkafka name). */
export function protocolOfConfiguredAssignor(assignor: string): RebalanceProtocol {
  let name = assignor.trim().replace(/^class\s+/, '');
  if (name.startsWith(JAVA_ASSIGNOR_PACKAGE)) name = name.slice(JAVA_ASSIGNOR_PACKAGE.length);
  const lower = name.toLowerCase();
  if (EAGER_ASSIGNORS.has(lower)) return 'eager';
  if (COOPERATIVE_ASSIGNORS.has(lower)) return 'cooperative';
  return 'unknown';
}

/** Which clients send an assignor name in JoinGroup, and so which advice applies to a group that agreed on it. */
export type AssignorClients = 'java-or-librdkafka' | 'java' | 'kafkajs';

export interface GroupAssignor {
  protocol: RebalanceProtocol;
  clients?: AssignorClients;
}

// Names members send in JoinGroup, which describeGroups reports as the group's protocol: the Java assignors' name()
// (RangeAssignor `range`, RoundRobinAssignor `roundrobin`, StickyAssignor `sticky`, CooperativeStickyAssignor
// `cooperative-sticky`), librdkafka's `range`, `roundrobin`, `cooperative-sticky`, and kafkajs's only built-in
// assigner, `RoundRobinAssigner` (kafkajs has no cooperative protocol: Consuming.md, src/consumer/assigners/).
const GROUP_ASSIGNORS: ReadonlyMap<string, GroupAssignor> = new Map<string, GroupAssignor>([
  ['range', { protocol: 'eager', clients: 'java-or-librdkafka' }],
  ['roundrobin', { protocol: 'eager', clients: 'java-or-librdkafka' }],
  ['sticky', { protocol: 'eager', clients: 'java' }],
  ['RoundRobinAssigner', { protocol: 'eager', clients: 'kafkajs' }],
  ['cooperative-sticky', { protocol: 'cooperative' }],
]);

/** The protocol of the assignor name a consumer group agreed on; a name we do not know is `unknown`, never eager. */
export function groupAssignorOf(protocolName: string): GroupAssignor {
  return GROUP_ASSIGNORS.get(protocolName.trim()) ?? { protocol: 'unknown' };
}
