// One function per served API: read the request body of version v, write the response body of version v.
// Field lists follow apache/kafka clients/src/main/resources/common/message/<Name>Request.json / Response.json.

import { Reader, Writer } from './codec.js';
import { brokerConfigEntries, topicConfigEntries, type ConfigEntry } from './configs.js';
import { ACL_ANY, ACL_PATTERN_MATCH, ApiKey, ConfigResourceType, ConfigSource, ErrorCode, SERVED, TRAPPED } from './protocol.js';
import { authenticationFailedMessage, saslExchange, type SaslExchange, type SaslStep } from './sasl.js';
import type { AclState, BrokerNode, ClusterState, GroupState, MemberState, PartitionState } from './scenario.js';

/** Per-connection state: SASL progress. */
export interface Connection {
  authenticated: boolean;
  /** Set by a failed SaslAuthenticate: the broker answers, then closes the connection. */
  closeAfterResponse: boolean;
  /** After a successful SaslHandshake v0 the next frames are bare SASL tokens (pre-KIP-152 framing). */
  bareTokens: boolean;
  /** The exchange the SaslHandshake started; null before it. */
  sasl: SaslExchange | null;
}

export interface HandlerContext {
  state: ClusterState;
  nodeId: number;
  conn: Connection;
}

export type Handler = (v: number, r: Reader, ctx: HandlerContext) => Writer;

export function apiVersionsBody(v: number, errorCode: number): Writer {
  const advertised = [...SERVED, ...TRAPPED].sort(([a], [b]) => a - b);
  const w = new Writer().int16(errorCode);
  w.array(advertised, (w, [key, [min, max]]) => w.int16(key).int16(min).int16(max));
  if (v >= 1) w.int32(0); // throttle_time_ms
  return w;
}

function metadata(v: number, r: Reader, { state }: HandlerContext): Writer {
  const requested = r.array((x) => x.string() ?? '');
  if (v >= 4) r.bool(); // allow_auto_topic_creation: this broker never creates topics
  // v0: an empty list means all topics; v1+: null means all topics and an empty list means none.
  const all = requested === null || (v === 0 && requested.length === 0);
  const names = all ? [...state.topics.keys()] : requested;
  const w = new Writer();
  if (v >= 3) w.int32(0); // throttle_time_ms
  w.array(state.brokers, (w, b) => {
    w.int32(b.nodeId).string(b.host).int32(b.port);
    if (v >= 1) w.string(b.rack);
  });
  if (v >= 2) w.string(state.clusterId);
  if (v >= 1) w.int32(state.controller);
  w.array(names, (w, name) => {
    const topic = state.topics.get(name);
    w.int16(topic ? ErrorCode.NONE : ErrorCode.UNKNOWN_TOPIC_OR_PARTITION).string(name);
    if (v >= 1) w.bool(topic?.internal ?? false);
    w.array(topic?.partitions ?? [], (w, p) => {
      const offline = p.leader === -1;
      w.int16(offline ? ErrorCode.LEADER_NOT_AVAILABLE : ErrorCode.NONE);
      w.int32(p.partition).int32(p.leader).int32s(p.replicas).int32s(p.isr);
      if (v >= 5) w.int32s(offline ? p.replicas.filter((id) => !p.isr.includes(id)) : []);
    });
  });
  return w;
}

function writeConfigEntries(w: Writer, v: number, entries: ConfigEntry[], includeSynonyms: boolean): void {
  w.array(entries, (w, e) => {
    w.string(e.name).string(e.value).bool(false); // read_only
    if (v === 0) w.bool(e.source === ConfigSource.DEFAULT_CONFIG); // is_default
    else w.int8(e.source);
    w.bool(e.sensitive);
    if (v >= 1) w.array(includeSynonyms ? e.synonyms : [], (w, s) => w.string(s.name).string(s.value).int8(s.source));
  });
}

function describeConfigs(v: number, r: Reader, { state, nodeId }: HandlerContext): Writer {
  const resources = r.array((x) => ({ type: x.int8(), name: x.string() ?? '', keys: x.array((y) => y.string() ?? '') }));
  const includeSynonyms = v >= 1 ? r.bool() : false;
  const ownConfigs = state.brokerConfigs.get(nodeId) ?? {};
  const w = new Writer().int32(0); // throttle_time_ms
  w.array(resources ?? [], (w, res) => {
    let entries: ConfigEntry[] = [];
    let error: number = ErrorCode.NONE;
    let message: string | null = null;
    const topic = state.topics.get(res.name);
    if (res.type === ConfigResourceType.TOPIC && topic) {
      entries = topicConfigEntries(topic.configs, ownConfigs);
    } else if (res.type === ConfigResourceType.TOPIC) {
      error = ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
      message = `Topic ${res.name} does not exist`;
    } else if (res.type === ConfigResourceType.BROKER && Number(res.name) === nodeId) {
      entries = brokerConfigEntries(ownConfigs);
    } else {
      // A real broker describes only its own BROKER resource; clients route by node id.
      error = ErrorCode.INVALID_REQUEST;
      message = `Unexpected resource ${res.type}/${res.name} on broker ${nodeId}`;
    }
    const keys = res.keys; // null = every setting
    w.int16(error).string(message).int8(res.type).string(res.name);
    writeConfigEntries(w, v, entries.filter((e) => keys === null || keys.includes(e.name)), includeSynonyms);
  });
  return w;
}

const LATEST = -1n;
const EARLIEST = -2n;

function partitionAt(state: ClusterState, topic: string, partition: number): PartitionState | undefined {
  return state.topics.get(topic)?.partitions[partition];
}

function listOffsetsAnswer(state: ClusterState, nodeId: number, topic: string, partition: number, timestamp: bigint) {
  const p = partitionAt(state, topic, partition);
  if (!p) return { error: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, offset: -1 };
  if (p.leader === -1) return { error: ErrorCode.LEADER_NOT_AVAILABLE, offset: -1 };
  if (p.leader !== nodeId) return { error: ErrorCode.NOT_LEADER_OR_FOLLOWER, offset: -1 };
  if (timestamp === LATEST) return { error: ErrorCode.NONE, offset: p.highWatermark };
  if (timestamp === EARLIEST) return { error: ErrorCode.NONE, offset: p.logStartOffset };
  return { error: ErrorCode.NONE, offset: -1 }; // the log holds no records, so no offset has that timestamp
}

function listOffsets(v: number, r: Reader, { state, nodeId }: HandlerContext): Writer {
  r.int32(); // replica_id
  if (v >= 2) r.int8(); // isolation_level
  const topics = r.array((x) => ({
    name: x.string() ?? '',
    partitions: x.array((y) => {
      const partition = y.int32();
      const timestamp = y.int64();
      if (v === 0) y.int32(); // max_num_offsets
      return { partition, timestamp };
    }) ?? [],
  })) ?? [];
  const w = new Writer();
  if (v >= 2) w.int32(0); // throttle_time_ms
  return w.array(topics, (w, t) => {
    w.string(t.name).array(t.partitions, (w, { partition, timestamp }) => {
      const { error, offset } = listOffsetsAnswer(state, nodeId, t.name, partition, timestamp);
      w.int32(partition).int16(error);
      if (v === 0) w.array(offset >= 0 ? [offset] : [], (w, o) => w.int64(o)); // old_style_offsets
      else w.int64(-1).int64(offset); // timestamp, offset
    });
  });
}

function coordinatorOf(state: ClusterState, groupId: string): number {
  return state.groups.get(groupId)?.coordinator ?? state.controller;
}

function brokerById(state: ClusterState, nodeId: number): BrokerNode {
  const broker = state.brokers.find((b) => b.nodeId === nodeId);
  if (!broker) throw new Error(`no broker ${nodeId}`);
  return broker;
}

function findCoordinator(v: number, r: Reader, { state }: HandlerContext): Writer {
  const key = r.string() ?? '';
  const keyType = v >= 1 ? r.int8() : 0; // 0 = group, 1 = transaction (answered by the controller)
  const coordinator = brokerById(state, keyType === 0 ? coordinatorOf(state, key) : state.controller);
  const w = new Writer();
  if (v >= 1) w.int32(0); // throttle_time_ms
  w.int16(ErrorCode.NONE);
  if (v >= 1) w.string(null); // error_message
  return w.int32(coordinator.nodeId).string(coordinator.host).int32(coordinator.port);
}

function offsetFetch(v: number, r: Reader, { state, nodeId }: HandlerContext): Writer {
  const groupId = r.string() ?? '';
  const requested = r.array((x) => ({ name: x.string() ?? '', partitions: x.array((y) => y.int32()) ?? [] }));
  const group = state.groups.get(groupId);
  const committed = group?.offsets ?? [];
  const wrongNode = coordinatorOf(state, groupId) !== nodeId;
  // v2+: null topics = every partition the group has committed.
  const topics = requested ?? [...new Set(committed.map((o) => o.topic))].map((name) => ({
    name,
    partitions: committed.filter((o) => o.topic === name).map((o) => o.partition),
  }));
  const w = new Writer();
  if (v >= 3) w.int32(0); // throttle_time_ms
  w.array(wrongNode && v >= 2 ? [] : topics, (w, t) => {
    w.string(t.name).array(t.partitions, (w, partition) => {
      const offset = committed.find((o) => o.topic === t.name && o.partition === partition)?.offset ?? -1;
      w.int32(partition).int64(offset).string('').int16(wrongNode ? ErrorCode.NOT_COORDINATOR : ErrorCode.NONE);
    });
  });
  if (v >= 2) w.int16(wrongNode ? ErrorCode.NOT_COORDINATOR : ErrorCode.NONE);
  return w;
}

function listGroups(v: number, _r: Reader, { state, nodeId }: HandlerContext): Writer {
  const mine = [...state.groups.values()].filter((g) => g.coordinator === nodeId);
  const w = new Writer();
  if (v >= 1) w.int32(0); // throttle_time_ms
  return w.int16(ErrorCode.NONE).array(mine, (w, g) => w.string(g.groupId).string(g.protocolType));
}

// Kafka's consumer protocol (ConsumerProtocolSubscription / ConsumerProtocolAssignment, version 0).
function subscriptionBytes(member: MemberState): Buffer {
  return new Writer().int16(0).strings(member.subscription).bytes(null).buffer();
}

function assignmentBytes(member: MemberState): Buffer {
  return new Writer().int16(0).array([...member.assignment], (w, [topic, partitions]) => w.string(topic).int32s(partitions))
    .bytes(null).buffer();
}

const DEAD_GROUP: Omit<GroupState, 'groupId' | 'coordinator' | 'offsets'> = { protocolType: '', protocol: '', state: 'Dead', members: [] };

function describeGroups(v: number, r: Reader, { state, nodeId }: HandlerContext): Writer {
  const ids = r.array((x) => x.string() ?? '') ?? [];
  const w = new Writer();
  if (v >= 1) w.int32(0); // throttle_time_ms
  return w.array(ids, (w, id) => {
    const group = state.groups.get(id) ?? { ...DEAD_GROUP, groupId: id, coordinator: state.controller, offsets: [] };
    if (group.coordinator !== nodeId) {
      w.int16(ErrorCode.NOT_COORDINATOR).string(id).string('').string('').string('').array([], () => {});
      return;
    }
    const consumer = group.protocolType === 'consumer';
    w.int16(ErrorCode.NONE).string(id).string(group.state).string(group.protocolType).string(group.protocol);
    w.array(group.members, (w, m) => {
      w.string(m.memberId).string(m.clientId).string(m.clientHost);
      w.bytes(consumer ? subscriptionBytes(m) : Buffer.alloc(0)).bytes(consumer ? assignmentBytes(m) : Buffer.alloc(0));
    });
  });
}

interface AclFilter {
  resourceType: number;
  resourceName: string | null;
  patternType: number;
  principal: string | null;
  host: string | null;
  operation: number;
  permission: number;
}

const LITERAL = 3;
const PREFIXED = 4;

function resourceMatches(f: AclFilter, acl: AclState): boolean {
  if (f.patternType === ACL_PATTERN_MATCH) {
    // MATCH: every ACL that applies to the named resource (literal name, wildcard, or a matching prefix).
    if (f.resourceName === null) return true;
    if (acl.patternType === LITERAL) return acl.resourceName === f.resourceName || acl.resourceName === '*';
    return acl.patternType === PREFIXED && f.resourceName.startsWith(acl.resourceName);
  }
  return (f.patternType === ACL_ANY || f.patternType === acl.patternType)
    && (f.resourceName === null || f.resourceName === acl.resourceName);
}

function aclMatches(f: AclFilter, acl: AclState): boolean {
  const any = (want: number, got: number) => want === ACL_ANY || want === got;
  return any(f.resourceType, acl.resourceType) && resourceMatches(f, acl)
    && (f.principal === null || f.principal === acl.principal) && (f.host === null || f.host === acl.host)
    && any(f.operation, acl.operation) && any(f.permission, acl.permission);
}

function describeAcls(v: number, r: Reader, { state }: HandlerContext): Writer {
  const filter: AclFilter = {
    resourceType: r.int8(),
    resourceName: r.string(),
    patternType: v >= 1 ? r.int8() : LITERAL, // v0 predates prefixed ACLs: literal only
    principal: r.string(),
    host: r.string(),
    operation: r.int8(),
    permission: r.int8(),
  };
  const w = new Writer().int32(0); // throttle_time_ms
  if (!state.authorizer) {
    return w.int16(ErrorCode.SECURITY_DISABLED).string('No Authorizer is configured on the broker').array([], () => {});
  }
  // Group matching ACLs by resource, as the response does.
  const byResource = new Map<string, AclState[]>();
  for (const acl of state.acls.filter((a) => aclMatches(filter, a))) {
    const key = JSON.stringify([acl.resourceType, acl.resourceName, acl.patternType]);
    byResource.set(key, [...(byResource.get(key) ?? []), acl]);
  }
  w.int16(ErrorCode.NONE).string(null);
  return w.array([...byResource.values()], (w, acls) => {
    const first = acls[0]!;
    w.int8(first.resourceType).string(first.resourceName);
    if (v >= 1) w.int8(first.patternType);
    w.array(acls, (w, a) => w.string(a.principal).string(a.host).int8(a.operation).int8(a.permission));
  });
}

function saslHandshake(v: number, r: Reader, { state, conn }: HandlerContext): Writer {
  const mechanism = r.string();
  const enabled = state.sasl ? [state.sasl.mechanism] : [];
  const ok = state.sasl !== null && mechanism === state.sasl.mechanism;
  conn.sasl = ok ? saslExchange(state.sasl!.mechanism, state.sasl!.users) : null;
  conn.bareTokens = ok && v === 0;
  return new Writer().int16(ok ? ErrorCode.NONE : ErrorCode.UNSUPPORTED_SASL_MECHANISM).strings(enabled);
}

/** Feeds one client token to the connection's SASL exchange and records the outcome on the connection. */
export function saslStep(token: Buffer, state: ClusterState, conn: Connection): SaslStep {
  const step = conn.sasl && state.sasl ? conn.sasl.step(token) : { outcome: false, reply: Buffer.alloc(0) };
  if (step.outcome !== null) conn.sasl = null;
  conn.authenticated = step.outcome === true;
  conn.closeAfterResponse = step.outcome === false;
  return step;
}

function saslAuthenticate(v: number, r: Reader, { state, conn }: HandlerContext): Writer {
  const step = saslStep(r.bytes() ?? Buffer.alloc(0), state, conn);
  const refused = step.outcome === false;
  const w = new Writer().int16(refused ? ErrorCode.SASL_AUTHENTICATION_FAILED : ErrorCode.NONE);
  w.string(refused ? authenticationFailedMessage(state.sasl?.mechanism ?? 'PLAIN') : null).bytes(step.reply);
  if (v >= 1) w.int64(0); // session_lifetime_ms: 0 = no re-authentication required
  return w;
}

export const HANDLERS: ReadonlyMap<number, Handler> = new Map<number, Handler>([
  [ApiKey.Metadata, metadata],
  [ApiKey.DescribeConfigs, describeConfigs],
  [ApiKey.ListOffsets, listOffsets],
  [ApiKey.FindCoordinator, findCoordinator],
  [ApiKey.OffsetFetch, offsetFetch],
  [ApiKey.ListGroups, listGroups],
  [ApiKey.DescribeGroups, describeGroups],
  [ApiKey.DescribeAcls, describeAcls],
  [ApiKey.SaslHandshake, saslHandshake],
  [ApiKey.SaslAuthenticate, saslAuthenticate],
]);

/** APIs a SASL listener answers before the client has authenticated. */
export const PRE_AUTH_API_KEYS: readonly number[] = [ApiKey.ApiVersions, ApiKey.SaslHandshake, ApiKey.SaslAuthenticate];
