// The KafkaJS API of @confluentinc/kafka-javascript (CKJS): `new KafkaJS.Kafka({ kafkaJS: {...}, ...librdkafkaKeys })`
// and the same two layers in `producer({...})` and `consumer({...})`. Keys outside the `kafkaJS` block are librdkafka
// keys and win over what the block sets (the client merges them last, lib/kafkajs/_producer.js and _consumer.js).
// How the block maps to librdkafka: lib/kafkajs/_common.js kafkaJSToRdKafkaConfig, and MIGRATION.md of CKJS 1.10.0.

import { canonicalKey } from '../../../model/keys.js';
import type { Role, Setting } from '../../../model/types.js';
import type { StaticValue } from '../values.js';
import {
  assignerList,
  compressionCodec,
  flag,
  inFlightLimit,
  literalValue,
  securityProtocolSetting,
  settingFromProperty,
  settingsFromTable,
  writtenAs,
  type KafkaJsDialect,
  type OptionSite,
  type OptionTable,
} from './kafkajs-options.js';

/**
 * Common options of the block. CKJS takes `ssl` only as a boolean (TLS files are librdkafka keys outside the block),
 * rejects `retry.restartOnFailure`, and maps `requestTimeout` to socket.timeout.ms, so none of those are read here.
 */
export const CONFLUENT_CLIENT_OPTIONS: OptionTable = {
  clientId: { key: 'client.id' },
  brokers: { key: 'bootstrap.servers' },
  'sasl.mechanism': { key: 'sasl.mechanism' },
  'sasl.username': { key: 'sasl.username' },
  'sasl.password': { key: 'sasl.password' },
  'retry.retries': { key: 'retries' },
};

/** Producer options of the block: unlike kafkajs, `acks` and `compression` are per producer, not per send. */
export const CONFLUENT_PRODUCER_OPTIONS: OptionTable = {
  idempotent: { key: 'enable.idempotence' },
  maxInFlightRequests: { key: 'max.in.flight.requests.per.connection', convert: inFlightLimit },
  transactionalId: { key: 'transactional.id', noPlaceholder: true },
  allowAutoTopicCreation: { key: 'allow.auto.create.topics' },
  acks: { key: 'acks' },
  compression: { key: 'compression.type', convert: compressionCodec },
  'retry.retries': { key: 'retries' },
};

/**
 * Consumer options of the block. `fromBeginning` and `autoCommit` are per consumer here (not per subscribe/run), and
 * `rebalanceTimeout` "also changes the max poll interval" (MIGRATION.md).
 */
export const CONFLUENT_CONSUMER_OPTIONS: OptionTable = {
  groupId: { key: 'group.id' },
  sessionTimeout: { key: 'session.timeout.ms' },
  heartbeatInterval: { key: 'heartbeat.interval.ms' },
  rebalanceTimeout: { key: 'max.poll.interval.ms' },
  allowAutoTopicCreation: { key: 'allow.auto.create.topics' },
  readUncommitted: { key: 'isolation.level', convert: flag('read_uncommitted', 'read_committed') },
  partitionAssigners: { key: 'partition.assignment.strategy', convert: assignerList },
  fromBeginning: { key: 'auto.offset.reset', convert: flag('earliest', 'latest') },
  autoCommit: { key: 'enable.auto.commit' },
};

/** The `kafkaJS` block of an options object. */
export function kafkaJsBlock(options: StaticValue | undefined): StaticValue | undefined {
  if (options?.kind !== 'object') return options;
  for (let index = options.properties.length - 1; index >= 0; index--) {
    if (options.properties[index].key === 'kafkaJS') return options.properties[index].value;
  }
  // An options object spread from something unknown may hold the block.
  return options.partial ? options : undefined;
}

/**
 * The librdkafka keys beside the block, canonicalised (`sasl.mechanisms` → `sasl.mechanism`, `request.required.acks`
 * → `acks`). Callbacks (`rebalance_cb`, `oauthbearer_token_refresh_cb`) are code, not settings.
 */
export function flatLibrdkafkaSettings(options: StaticValue | undefined, site: OptionSite): Setting[] {
  if (options?.kind !== 'object') return [];
  const settings: Setting[] = [];
  for (const property of options.properties) {
    if (property.key === 'kafkaJS' || property.value.kind === 'function') continue;
    const key = canonicalKey(property.key);
    const setting = settingFromProperty(key, writtenAs(site, [property.key]), property, literalValue(key));
    if (setting) settings.push(setting);
  }
  return settings;
}

const ROLE_OPTIONS: Partial<Record<Role, OptionTable>> = { producer: CONFLUENT_PRODUCER_OPTIONS, consumer: CONFLUENT_CONSUMER_OPTIONS };

/**
 * Settings of a CKJS options object for a client of this role: the block's (common and role options, and the
 * security.protocol they imply), then the librdkafka keys, which the client applies last. The Kafka object's
 * options and the client's are merged the same way (lib/kafkajs/_kafka.js), so both are read with this.
 */
export function confluentSettings(options: StaticValue | undefined, role: Role, call: string): Setting[] {
  const block = kafkaJsBlock(options);
  const site = { call, nesting: ['kafkaJS'] };
  const security = securityProtocolSetting(block, site);
  return [
    ...settingsFromTable(block, { ...CONFLUENT_CLIENT_OPTIONS, ...ROLE_OPTIONS[role] }, site),
    ...(security ? [security] : []),
    ...flatLibrdkafkaSettings(options, { call, nesting: [] }),
  ];
}

/** What the detector needs to know about CKJS's KafkaJS API. */
export const CONFLUENT_DIALECT: KafkaJsDialect = {
  library: 'confluent-kafka-javascript',
  displayName: '@confluentinc/kafka-javascript',
  instanceSettings: (options, role) => confluentSettings(options, role, 'new Kafka'),
  clientSettings: (options, role) => confluentSettings(options, role, role),
  // acks, compression, fromBeginning and autoCommit are per producer / consumer in CKJS (MIGRATION.md); the same
  // options on send(), subscribe() or run() are migration leftovers the client does not apply.
  callOptions: {},
};
