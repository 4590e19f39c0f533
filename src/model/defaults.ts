// Defaults per client library and version. The same missing key means different things in different clients
// (research/rules-catalog.md §1.9), so every effective value names the library whose default it is.
//
// Sources: Apache Kafka ProducerConfig/ConsumerConfig (3.0 changed acks to all and idempotence to on, KIP-679;
// 3.0.0 and 3.1.0 did not apply the idempotence default, KAFKA-13598; 4.0 changed linger.ms to 5, KIP-1030),
// librdkafka CONFIGURATION.md v2.15.0, kafkajs 2.2.4 docs, @confluentinc/kafka-javascript 1.10.0 MIGRATION.md,
// @platformatic/kafka 2.9.0 sources, Spring Kafka reference (auto-commit off since 2.3).

import type { ClientFacts, Library, SettingValue } from './types.js';

export interface DefaultValue {
  value: SettingValue;
  /** Whose default this is, for messages: `Java client ≥ 3.0 default`. */
  source: string;
}

type DefaultTable = Record<string, SettingValue>;

const JAVA_MODERN: DefaultTable = {
  acks: 'all',
  'enable.idempotence': true,
  retries: 2147483647,
  'max.in.flight.requests.per.connection': 5,
  'delivery.timeout.ms': 120000,
  'request.timeout.ms': 30000,
  'linger.ms': 0,
  'compression.type': 'none',
  'enable.auto.commit': true,
  'auto.commit.interval.ms': 5000,
  'auto.offset.reset': 'latest',
  'isolation.level': 'read_uncommitted',
  'partition.assignment.strategy': ['RangeAssignor', 'CooperativeStickyAssignor'],
  'session.timeout.ms': 45000,
  'heartbeat.interval.ms': 3000,
  'max.poll.interval.ms': 300000,
  'max.poll.records': 500,
  'allow.auto.create.topics': true,
  'security.protocol': 'PLAINTEXT',
  'ssl.endpoint.identification.algorithm': 'https',
  'client.id': '',
};

const JAVA_BEFORE_3: DefaultTable = {
  ...JAVA_MODERN,
  acks: '1',
  'enable.idempotence': false,
  'session.timeout.ms': 10000,
  'partition.assignment.strategy': ['RangeAssignor'],
};

const LIBRDKAFKA: DefaultTable = {
  acks: 'all',
  'enable.idempotence': false,
  retries: 2147483647,
  'max.in.flight.requests.per.connection': 1000000,
  'delivery.timeout.ms': 300000,
  'request.timeout.ms': 30000,
  'linger.ms': 5,
  'compression.type': 'none',
  partitioner: 'consistent_random',
  'enable.auto.commit': true,
  'enable.auto.offset.store': true,
  'auto.commit.interval.ms': 5000,
  'auto.offset.reset': 'largest',
  'isolation.level': 'read_committed',
  'partition.assignment.strategy': ['range', 'roundrobin'],
  'session.timeout.ms': 45000,
  'heartbeat.interval.ms': 3000,
  'max.poll.interval.ms': 300000,
  'allow.auto.create.topics': false,
  'security.protocol': 'PLAINTEXT',
  'ssl.endpoint.identification.algorithm': 'https',
  'enable.ssl.certificate.verification': true,
  'client.id': 'rdkafka',
};

const KAFKAJS: DefaultTable = {
  acks: 'all',
  'enable.idempotence': false,
  retries: 5,
  'max.in.flight.requests.per.connection': Number.POSITIVE_INFINITY,
  'compression.type': 'none',
  'enable.auto.commit': true,
  'auto.offset.reset': 'latest',
  'isolation.level': 'read_committed',
  'partition.assignment.strategy': ['roundrobin'],
  'session.timeout.ms': 30000,
  'heartbeat.interval.ms': 3000,
  'allow.auto.create.topics': true,
  'security.protocol': 'PLAINTEXT',
};

// The kafkaJS layer of @confluentinc/kafka-javascript on top of librdkafka.
const CONFLUENT_JS: DefaultTable = {
  ...LIBRDKAFKA,
  retries: 5,
  'max.in.flight.requests.per.connection': Number.POSITIVE_INFINITY,
  partitioner: 'murmur2_random',
  'allow.auto.create.topics': true,
  'partition.assignment.strategy': ['roundrobin'],
  'session.timeout.ms': 30000,
  // The promisified API stores offsets after the handler returns and does not let users change it.
  'enable.auto.offset.store': false,
};

const PLATFORMATIC: DefaultTable = {
  'enable.idempotence': false,
  retries: 3,
  'max.in.flight.requests.per.connection': 5,
  'compression.type': 'none',
  'enable.auto.commit': true,
  'isolation.level': 'read_committed',
  'partition.assignment.strategy': ['roundrobin'],
  'session.timeout.ms': 60000,
  'heartbeat.interval.ms': 3000,
  'allow.auto.create.topics': false,
  'security.protocol': 'PLAINTEXT',
};

// Clients a Kafka Connect worker creates for a connector: Worker.java sets these before applying the user's
// `producer.override.*` / `consumer.override.*` keys (idempotence off for old brokers, one request in flight,
// unbounded delivery timeout; sink consumers commit offsets themselves and start from the earliest offset), and
// names each client after the connector.
const KAFKA_CONNECT: DefaultTable = {
  ...JAVA_MODERN,
  'enable.idempotence': false,
  acks: 'all',
  'max.in.flight.requests.per.connection': 1,
  'delivery.timeout.ms': 2147483647,
  'enable.auto.commit': false,
  'auto.offset.reset': 'earliest',
  'client.id': 'connector-<name>',
};

/** Broker and topic defaults (Apache Kafka server configs). */
export const BROKER_DEFAULTS: DefaultTable = {
  'min.insync.replicas': 1,
  'default.replication.factor': 1,
  'num.partitions': 1,
  'unclean.leader.election.enable': false,
  'auto.create.topics.enable': true,
  'offsets.topic.replication.factor': 3,
  'transaction.state.log.replication.factor': 3,
  'transaction.state.log.min.isr': 2,
  'allow.everyone.if.no.acl.found': false,
};

/** Compare dotted versions numerically; missing parts count as 0. Pre-release suffixes are ignored. */
export function compareVersions(a: string, b: string): number {
  const parts = (version: string) => version.replace(/^[^\d]*/, '').split(/[.-]/).slice(0, 3).map((part) => parseInt(part, 10) || 0);
  const left = parts(a);
  const right = parts(b);
  for (let index = 0; index < 3; index++) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

interface VersionedTable {
  table: DefaultTable;
  source: string;
}

function javaTable(version: string | undefined, frameworkLabel: string): VersionedTable {
  if (version === undefined) {
    return { table: JAVA_MODERN, source: `${frameworkLabel} default (client version unknown; assumed ≥ 3.0)` };
  }
  if (compareVersions(version, '3.0.0') < 0) {
    return { table: JAVA_BEFORE_3, source: `${frameworkLabel} ${version} default` };
  }
  let table = JAVA_MODERN;
  // KAFKA-13598: 3.0.0 and 3.1.0 did not apply the new idempotence default.
  if (/^3\.[01]\.0$/.test(version)) table = { ...table, 'enable.idempotence': false };
  if (compareVersions(version, '4.0.0') >= 0) table = { ...table, 'linger.ms': 5 };
  return { table, source: `${frameworkLabel} ${version} default` };
}

function tableFor(library: Library, version: string | undefined): VersionedTable {
  const versioned = (name: string) => (version ? `${name} ${version} default` : `${name} default`);
  switch (library) {
    case 'java':
      return javaTable(version, 'Java client');
    case 'spring': {
      // A Spring client's version is the kafka-clients version its build declares (engine/lint.ts versionFor).
      const java = javaTable(version, 'Java client');
      const source = version ? `Spring for Apache Kafka default (Java client ${version})` : 'Spring for Apache Kafka default (Java client ≥ 3.0 assumed)';
      // Spring Kafka ≥ 2.3 sets enable.auto.commit=false unless the user sets it.
      return { table: { ...java.table, 'enable.auto.commit': false }, source };
    }
    case 'kafka-connect':
      return { table: KAFKA_CONNECT, source: 'Kafka Connect worker default' };
    case 'librdkafka':
      return { table: LIBRDKAFKA, source: versioned('librdkafka') };
    case 'node-rdkafka':
      return { table: LIBRDKAFKA, source: versioned('node-rdkafka (librdkafka)') };
    case 'kafkajs':
      return { table: KAFKAJS, source: versioned('kafkajs') };
    case 'confluent-kafka-javascript':
      return { table: CONFLUENT_JS, source: versioned('@confluentinc/kafka-javascript') };
    case 'platformatic':
      return { table: PLATFORMATIC, source: versioned('@platformatic/kafka') };
  }
}

/** The library default for a key of this client, or undefined when the library has none we know of. */
export function clientDefault(client: Pick<ClientFacts, 'library' | 'libraryVersion'>, key: string): DefaultValue | undefined {
  const { table, source } = tableFor(client.library, client.libraryVersion);
  if (!(key in table)) return undefined;
  return { value: table[key], source };
}

export function brokerDefault(key: string): DefaultValue | undefined {
  if (!(key in BROKER_DEFAULTS)) return undefined;
  return { value: BROKER_DEFAULTS[key], source: 'Apache Kafka broker default' };
}
