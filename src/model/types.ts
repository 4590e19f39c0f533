// The Kafka model: the contract between sources (which turn text into facts) and rules (which turn facts into
// findings). Rules never see raw spellings: every setting here carries its canonical key.

import type { RunStats } from '../sources/source-context.js';

/** 1-based line and column, like every editor and every output format we emit. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export type Role = 'producer' | 'consumer' | 'admin' | 'streams' | 'connect' | 'client';

/**
 * The client library whose defaults apply. `spring` is the Java client under Spring for Apache Kafka, which changes
 * a few defaults (auto-commit off since 2.3); `kafka-connect` is a Java client that a Connect worker configures for a
 * connector (its own defaults, see defaults.ts); `librdkafka` is a flat librdkafka config file, used as is by
 * node-rdkafka and by the non-kafkaJS layer of @confluentinc/kafka-javascript.
 */
export type Library =
  | 'java'
  | 'kafka-connect'
  | 'spring'
  | 'librdkafka'
  | 'kafkajs'
  | 'confluent-kafka-javascript'
  | 'node-rdkafka'
  | 'platformatic';

export type SettingValue = string | number | boolean | string[] | null;

export type Origin =
  | { kind: 'explicit' }
  | { kind: 'default'; library: string }
  | { kind: 'live'; cluster: string };

export interface Setting {
  /** Canonical Kafka key, e.g. `acks`, `enable.auto.commit`. */
  key: string;
  /** The key as written in the file (`spring.kafka.producer.acks`, `KAFKA_CFG_MIN_INSYNC_REPLICAS`, …). */
  writtenAs: string;
  /** Typed, normalised value (acks `-1` → `all`, booleans as booleans, protocols upper-case). */
  value: SettingValue;
  /** The text as written. Secret keys' raw values must never reach output; see model/secrets.ts. */
  raw: string;
  /** Location of the key (the whole `key=value` entry). */
  location: SourceLocation;
  /** Location of the value alone, when the source knows it (used to mask secrets in code frames). */
  valueLocation?: SourceLocation;
  /** True when the value is a placeholder (`${X}`, `{{ .Values.x }}`, `<PASSWORD>`, `process.env.X`). */
  placeholder?: boolean;
  /** Where the value came from when it is not written in a file: `live` for values read from a cluster. */
  origin?: Origin;
}

/** Why a fact belongs to a development stack, e.g. a single-broker docker-compose file. */
export interface EnvironmentInfo {
  name: string;
  reason: string;
}

interface FactBase {
  file: string;
  location: SourceLocation;
  /** Explicit settings in file order; the same key may appear twice (the last wins, see duplicate-setting). */
  settings: Setting[];
  environment?: EnvironmentInfo;
  /** A human name for messages: `producer in application.yml (profile prod)`. */
  label?: string;
}

export interface ClientFacts extends FactBase {
  kind: 'client';
  role: Role;
  library: Library;
  /** Version of the library when the repository's manifests say it (`3.7.0`, `2.2.4`); for `spring`, of kafka-clients. */
  libraryVersion?: string;
  /** Topics the client names (producers write them, consumers read them). */
  topics: TopicReference[];
  groupId?: string;
  /** What the code around a client does with it (TS/JS sources only); code rules read this, never the AST. */
  code?: ClientCodeFacts;
}

/** A place in source code that a code rule points at, with a short description such as `db.insert(…)`. */
export interface CodeSite {
  location: SourceLocation;
  description: string;
}

/** One message handler of a consumer: kafkajs/CKJS `run({ eachMessage | eachBatch })`, node-rdkafka `on('data')` or a
 * `consume()` callback, platformatic `stream.on('data')`/`for await`. */
export interface ConsumerHandlerFacts {
  kind: 'eachMessage' | 'eachBatch' | 'data-event' | 'consume-callback' | 'stream';
  location: SourceLocation;
  /** Side-effect calls whose promise is neither awaited nor returned (floating, `.then` without return,
   * `forEach(async …)`, timers): they can finish after the offset is committed. */
  unawaitedSideEffects: CodeSite[];
  /** Every side-effect call, awaited or not (librdkafka stores the offset before the handler runs). */
  sideEffects: CodeSite[];
  /** `catch` clauses that neither rethrow, pause, seek back nor send to a dead-letter topic. */
  swallowingCatches: CodeSite[];
  /** eachBatch code that lets offsets be resolved past failed or unfinished messages: `Promise.allSettled` over
   * `batch.messages` with auto-resolve on, or `resolveOffset` inside callbacks that run concurrently. */
  unsafeBatchProcessing: CodeSite[];
  /** Offsets committed or stored in the handler (`commitOffsets`, `resolveOffset`, `commit`, `offsetsStore`). */
  commitCalls: CodeSite[];
  /** eachBatch only: whether the library resolves the batch's last offset when eachBatch returns
   * (`eachBatchAutoResolve`, default true); undefined when the code decides it at run time. */
  autoResolve?: boolean;
}

/** One produce call: kafkajs/CKJS `send`/`sendBatch`, node-rdkafka `produce`, platformatic `send`. */
export interface SendFacts {
  location: SourceLocation;
  /** The method called: `send`, `sendBatch` or `produce`. */
  method?: string;
  /** Inside a loop (`for`, `while`, `.forEach`, `.map`) over records. */
  inLoop: boolean;
  /** Awaited inside that loop: one round trip per iteration. */
  awaitedInLoop: boolean;
  /** The call carries one message (a `messages` array literal of one element, or node-rdkafka `produce`). */
  singleMessage: boolean;
  /** Whether a failure of this call reaches someone: awaited in a try that handles it, returned, `.catch` that
   * rethrows or records, a delivery callback that reads `err`. */
  failureObserved: boolean;
  /** kafkajs `compression: CompressionTypes.X` on this call, as the codec name (`Snappy`, `LZ4`, `ZSTD`, `GZIP`). */
  compression?: string;
}

export interface ClientCodeFacts {
  /** Where the client object is created: `kafka.consumer(…)`, `new Kafka.KafkaConsumer(…)`, `new Producer(…)`. */
  creation: SourceLocation;
  handlers: ConsumerHandlerFacts[];
  sends: SendFacts[];
  /** Commit / offset-store calls on this client anywhere in its module (not only in handlers). */
  commitCalls: CodeSite[];
  /** A crash listener (kafkajs `consumer.events.CRASH`), `retry.restartOnFailure`, or node-rdkafka `event.error`. */
  crashObserved: boolean;
  /** `run()` / `connect()` promises nobody awaits or catches. */
  unhandledLifecyclePromises: CodeSite[];
  /** A `disconnect()` / `flush()` / `close()` reachable from a SIGTERM/SIGINT (or shutdown hook) handler. */
  closedOnShutdown: boolean;
  /** A `disconnect()`/`close()`/`flush()` in the same function as the client's creation or `connect()`, outside any
   * `catch`: the code closes the client when its work is done (a one-shot script, a client used for one job). */
  closedAfterUse?: CodeSite;
  /** Set when the client is created inside a loop, a request handler or a message handler. */
  createdPerRequest?: CodeSite;
  /** Where the client is handed to code the analysis does not follow (exported, passed as an argument, returned,
   * aliased, put in an object). Facts that say a call is absent (`commitCalls`, `crashObserved`) are then incomplete,
   * and rules that need an absence stay silent. */
  escapesAt?: CodeSite;
}

export interface TopicReference {
  name: string;
  location: SourceLocation;
}

export interface TopicFacts extends FactBase {
  kind: 'topic';
  name: string;
  partitions?: Setting;
  replicationFactor?: Setting;
  /** Where it was declared: `strimzi`, `compose`, `connect`, `code`, `live`. */
  declaredBy: string;
  /** Live topics only (`kafkalint cluster`): each partition's leader, replicas and in-sync replicas. */
  livePartitions?: LivePartitionFacts[];
  /** Live topics only: why the partition metadata could not be read (e.g. a partition without a leader). */
  liveMetadataError?: string;
}

/** One partition of a live topic, from the metadata response (broker ids; leader -1 means no leader). */
export interface LivePartitionFacts {
  partition: number;
  leader: number;
  replicas: number[];
  isr: number[];
  offlineReplicas?: number[];
  errorCode?: number;
}

/** One consumer group of a live cluster, with its committed offsets against the high watermarks. */
export interface LiveGroupFacts {
  groupId: string;
  /** `kafka://<cluster-id>/group/<id>`: the logical location of findings about the group. */
  file: string;
  location: SourceLocation;
  state: string;
  protocolType: string;
  /** The assignor the group agreed on (`RoundRobinAssigner`, `range`, `cooperative-sticky`). */
  protocol: string;
  memberCount: number;
  /** Per partition: committed offset (-1 when never committed), high watermark, and lag when committed. */
  offsets: Array<{ topic: string; partition: number; committed: number; highWatermark: number; lag?: number }>;
}

/** What `kafkalint cluster` read that has no place in topics, brokers or ACLs. */
export interface LiveClusterFacts {
  clusterId: string;
  /** `kafka://<cluster-id>`: the logical location of cluster-wide findings. */
  file: string;
  brokerCount: number;
  /** `false` when describeAcls says security features are disabled (no authorizer configured). */
  authorizer?: boolean;
  groups: LiveGroupFacts[];
  /** `--lag-threshold`: lag above this is reported by live-consumer-lag. */
  lagThreshold?: number;
  /** True when `--topics` limited the topics read, so a topic missing from the model may still exist. */
  topicsFiltered?: boolean;
}

export interface BrokerFacts extends FactBase {
  kind: 'broker';
  /** Where it was declared: `server.properties`, `compose`, `strimzi`, `helm`, `env-file`, `live`. */
  declaredBy: string;
  /** Number of brokers this declaration stands for, when known (Strimzi replicas, compose services). */
  brokerCount?: number;
  /** Listener name → security protocol, from `listener.security.protocol.map` or Strimzi listeners. */
  listeners?: ListenerFacts[];
}

export interface ListenerFacts {
  name: string;
  protocol: string;
  location: SourceLocation;
}

export interface AclFacts {
  kind: 'acl';
  file: string;
  location: SourceLocation;
  principal: string;
  resourceType: string;
  resourceName: string;
  patternType: string;
  operations: string[];
  permission: 'allow' | 'deny';
  environment?: EnvironmentInfo;
}

export type Fact = ClientFacts | TopicFacts | BrokerFacts | AclFacts;

/** A file that looked like Kafka config or code but could not be parsed. Becomes a `parse-error` finding. */
export interface ParseProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** A library dependency found in package.json, a lockfile, pom.xml or build.gradle(.kts). */
export interface LibraryDependency {
  library: Library;
  version?: string;
  file: string;
}

/** What one source extracted from one file. */
export interface FileFacts {
  /** kafkajs compression codecs registered in `CompressionCodecs[...]` (Snappy, LZ4, ZSTD), program-wide. */
  registeredCodecs: CodeSite[];
  clients: ClientFacts[];
  topics: TopicFacts[];
  brokers: BrokerFacts[];
  acls: AclFacts[];
  problems: ParseProblem[];
  dependencies: LibraryDependency[];
}

export function emptyFileFacts(): FileFacts {
  return { registeredCodecs: [], clients: [], topics: [], brokers: [], acls: [], problems: [], dependencies: [] };
}

/** Everything known about the repository after all files were read: what rules check. */
export interface RepoModel extends FileFacts {
  /** File path → text, for code frames and suppression comments. */
  files: Map<string, string>;
  /** What the run read and parsed (`--stats`). */
  stats?: RunStats;
  /** Set by `kafkalint cluster`: what the live cluster holds beyond topics, brokers and ACLs. */
  live?: LiveClusterFacts;
}

export type Severity = 'error' | 'warning' | 'info';
