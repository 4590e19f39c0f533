// Canonical Kafka keys, their value types and the aliases different clients use for them.
// Sources call `canonicalKey` and `parseSettingValue`; rules only ever see canonical keys and typed values.
//
// Aliases: librdkafka CONFIGURATION.md lists `request.required.acks`, `queue.buffering.max.ms`,
// `message.send.max.retries`, `message.timeout.ms`, `compression.codec`, `max.in.flight`, `sasl.mechanisms` and
// `metadata.broker.list` as aliases of the Java names used here.

import type { SettingValue } from './types.js';

export type ValueType = 'boolean' | 'int' | 'string' | 'list' | 'acks' | 'upper' | 'lower';

const KEY_TYPES: Record<string, ValueType> = {
  // producer
  acks: 'acks',
  'enable.idempotence': 'boolean',
  retries: 'int',
  'max.in.flight.requests.per.connection': 'int',
  'delivery.timeout.ms': 'int',
  'request.timeout.ms': 'int',
  'linger.ms': 'int',
  'batch.size': 'int',
  'compression.type': 'lower',
  'transactional.id': 'string',
  partitioner: 'lower',
  'partitioner.class': 'string',
  'max.request.size': 'int',
  // consumer
  'group.id': 'string',
  'enable.auto.commit': 'boolean',
  'enable.auto.offset.store': 'boolean',
  'auto.commit.interval.ms': 'int',
  'auto.offset.reset': 'lower',
  'isolation.level': 'lower',
  'partition.assignment.strategy': 'list',
  'session.timeout.ms': 'int',
  'heartbeat.interval.ms': 'int',
  'max.poll.interval.ms': 'int',
  'max.poll.records': 'int',
  'allow.auto.create.topics': 'boolean',
  'group.protocol': 'lower',
  // common client
  'bootstrap.servers': 'list',
  'client.id': 'string',
  'security.protocol': 'upper',
  'sasl.mechanism': 'upper',
  'sasl.jaas.config': 'string',
  'sasl.username': 'string',
  'sasl.password': 'string',
  'ssl.endpoint.identification.algorithm': 'lower',
  'enable.ssl.certificate.verification': 'boolean',
  'ssl.key.password': 'string',
  'ssl.keystore.password': 'string',
  'ssl.truststore.password': 'string',
  // broker and topic
  'min.insync.replicas': 'int',
  'default.replication.factor': 'int',
  'offsets.topic.replication.factor': 'int',
  'transaction.state.log.replication.factor': 'int',
  'transaction.state.log.min.isr': 'int',
  'unclean.leader.election.enable': 'boolean',
  'auto.create.topics.enable': 'boolean',
  'allow.everyone.if.no.acl.found': 'boolean',
  'num.partitions': 'int',
  'listener.security.protocol.map': 'list',
  listeners: 'list',
  'advertised.listeners': 'list',
  'cleanup.policy': 'list',
  'retention.ms': 'int',
  // Spring for Apache Kafka JSON deserializer
  'spring.json.trusted.packages': 'list',
};

/** librdkafka (and a few historical) spellings → the canonical (Java) key. */
const ALIASES: Record<string, string> = {
  'request.required.acks': 'acks',
  'queue.buffering.max.ms': 'linger.ms',
  'message.send.max.retries': 'retries',
  'message.timeout.ms': 'delivery.timeout.ms',
  'compression.codec': 'compression.type',
  'max.in.flight': 'max.in.flight.requests.per.connection',
  'sasl.mechanisms': 'sasl.mechanism',
  'metadata.broker.list': 'bootstrap.servers',
  'topic.metadata.refresh.interval.ms': 'topic.metadata.refresh.interval.ms',
};

/** Keys that only the librdkafka family spells this way: a file using them is a librdkafka config. */
export const LIBRDKAFKA_ONLY_KEYS = new Set([
  'request.required.acks',
  'queue.buffering.max.ms',
  'message.send.max.retries',
  'message.timeout.ms',
  'compression.codec',
  'max.in.flight',
  'sasl.mechanisms',
  'sasl.username',
  'sasl.password',
  'metadata.broker.list',
  'enable.auto.offset.store',
  'enable.ssl.certificate.verification',
  'partitioner',
  'ssl.ca.location',
  'ssl.certificate.location',
  'ssl.key.location',
  'dr_cb',
  'dr_msg_cb',
]);

/** The canonical key for a spelling; keys are compared case-sensitively except for surrounding blanks. */
export function canonicalKey(writtenKey: string): string {
  const key = writtenKey.trim();
  return ALIASES[key] ?? key;
}

export function valueTypeOf(canonical: string): ValueType {
  return KEY_TYPES[canonical] ?? 'string';
}

/** True when the key is one kafkalint knows as a Kafka client, broker or topic setting. */
export function isKnownKey(canonical: string): boolean {
  return canonical in KEY_TYPES;
}

/**
 * Turn the text of a value into its typed form. Unparseable text is kept as a string so rules can tell
 * "set to something odd" from "not set"; nothing is guessed.
 */
export function parseSettingValue(canonical: string, raw: string): SettingValue {
  const text = raw.trim();
  switch (valueTypeOf(canonical)) {
    case 'boolean': {
      const lower = text.toLowerCase();
      if (lower === 'true') return true;
      if (lower === 'false') return false;
      return text;
    }
    case 'int':
      return /^[-+]?\d+$/.test(text) ? Number(text) : text;
    case 'acks': {
      const lower = text.toLowerCase();
      if (lower === 'all' || lower === '-1') return 'all';
      return lower;
    }
    case 'upper':
      return text.toUpperCase();
    case 'lower':
      return text.toLowerCase();
    case 'list':
      return text === '' ? [] : text.split(',').map((item) => item.trim()).filter((item) => item !== '');
    default:
      return text;
  }
}

/** Typed value from a value that is already typed in its source (YAML booleans, JSON numbers, JS literals). */
export function normaliseTypedValue(canonical: string, value: unknown): SettingValue {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) {
    return valueTypeOf(canonical) === 'list' ? value.map((item) => String(item).trim()) : value.map(String).join(',');
  }
  return parseSettingValue(canonical, String(value));
}
