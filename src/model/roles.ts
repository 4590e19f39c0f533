// Which kind of Kafka configuration a flat set of keys is: a producer, a consumer, a broker, a Connect worker, or a
// client file shared by several roles. File names win over keys (a `producer.properties` holding a stray `group.id`
// is still a producer config), and keys decide otherwise.

import { canonicalKey, isKnownKey, LIBRDKAFKA_ONLY_KEYS } from './keys.js';
import type { Library } from './types.js';

export type ConfigKind = 'producer' | 'consumer' | 'admin' | 'client' | 'connect' | 'broker';

const PRODUCER_KEYS = new Set([
  'acks', 'enable.idempotence', 'linger.ms', 'batch.size', 'key.serializer', 'value.serializer', 'compression.type',
  'max.in.flight.requests.per.connection', 'retries', 'delivery.timeout.ms', 'transactional.id', 'partitioner',
  'partitioner.class', 'buffer.memory', 'max.block.ms', 'max.request.size', 'batch.num.messages', 'dr_cb', 'dr_msg_cb',
]);

const CONSUMER_KEYS = new Set([
  'group.id', 'enable.auto.commit', 'auto.offset.reset', 'key.deserializer', 'value.deserializer', 'isolation.level',
  'max.poll.records', 'max.poll.interval.ms', 'session.timeout.ms', 'heartbeat.interval.ms',
  'partition.assignment.strategy', 'fetch.min.bytes', 'fetch.max.bytes', 'fetch.max.wait.ms',
  'max.partition.fetch.bytes', 'auto.commit.interval.ms', 'enable.auto.offset.store', 'group.instance.id',
  'group.protocol', 'allow.auto.create.topics',
]);

const BROKER_KEYS = new Set([
  'broker.id', 'node.id', 'process.roles', 'listeners', 'advertised.listeners', 'log.dirs', 'log.dir',
  'zookeeper.connect', 'controller.quorum.voters', 'controller.quorum.bootstrap.servers', 'controller.listener.names',
  'inter.broker.listener.name', 'listener.security.protocol.map', 'num.partitions', 'default.replication.factor',
  'offsets.topic.replication.factor', 'transaction.state.log.replication.factor', 'transaction.state.log.min.isr',
  'auto.create.topics.enable', 'unclean.leader.election.enable', 'authorizer.class.name', 'super.users',
  'allow.everyone.if.no.acl.found', 'log.retention.hours', 'num.network.threads', 'num.io.threads',
  'security.inter.broker.protocol', 'sasl.enabled.mechanisms', 'sasl.mechanism.inter.broker.protocol',
  'delete.topic.enable', 'message.max.bytes', 'log.segment.bytes', 'ssl.client.auth',
]);

/** Keys that are only ever broker settings, enough on their own to call a file a broker config. */
const STRONG_BROKER_KEYS = new Set([
  'broker.id', 'node.id', 'process.roles', 'log.dirs', 'log.dir', 'zookeeper.connect', 'controller.quorum.voters',
  'listeners', 'advertised.listeners', 'inter.broker.listener.name', 'controller.listener.names',
]);

const CONNECT_WORKER_KEYS = new Set([
  'config.storage.topic', 'offset.storage.topic', 'status.storage.topic', 'plugin.path', 'key.converter', 'value.converter',
]);

const COMMON_CLIENT_KEYS = new Set([
  'bootstrap.servers', 'client.id', 'security.protocol', 'sasl.mechanism', 'sasl.jaas.config', 'sasl.username',
  'sasl.password', 'ssl.truststore.location', 'ssl.truststore.password', 'ssl.keystore.location',
  'ssl.keystore.password', 'ssl.key.password', 'ssl.endpoint.identification.algorithm', 'ssl.ca.location',
  'enable.ssl.certificate.verification', 'sasl.login.callback.handler.class', 'client.dns.lookup',
  'request.timeout.ms', 'ssl.protocol', 'ssl.enabled.protocols', 'sasl.oauthbearer.token.endpoint.url',
]);

/** True when at least one key is a Kafka setting: the test for "is this file Kafka config at all". */
export function hasKafkaKeys(writtenKeys: Iterable<string>): boolean {
  for (const written of writtenKeys) {
    const key = canonicalKey(written);
    if (isKnownKey(key) || PRODUCER_KEYS.has(key) || CONSUMER_KEYS.has(key) || BROKER_KEYS.has(key) ||
      COMMON_CLIENT_KEYS.has(key) || CONNECT_WORKER_KEYS.has(key)) return true;
  }
  return false;
}

function kindFromFileName(fileName: string): ConfigKind | undefined {
  const base = fileName.split('/').pop()!.toLowerCase();
  if (/^(server|broker|kraft|controller)([._-].*)?\.properties$/.test(base)) return 'broker';
  if (/^producer([._-].*)?\.(properties|config|conf)$/.test(base)) return 'producer';
  if (/^consumer([._-].*)?\.(properties|config|conf)$/.test(base)) return 'consumer';
  if (/^(admin|command)([._-].*)?\.(properties|config|conf)$/.test(base)) return 'admin';
  if (/^connect[._-].*\.properties$/.test(base)) return 'connect';
  return undefined;
}

/** The kinds of configuration a flat key set stands for. A shared client file used both ways gives both roles. */
export function classifyFlatConfig(fileName: string, writtenKeys: string[]): ConfigKind[] {
  const byName = kindFromFileName(fileName);
  if (byName) return [byName];
  const keys = writtenKeys.map(canonicalKey);
  if (keys.some((key) => CONNECT_WORKER_KEYS.has(key))) return ['connect'];
  if (keys.some((key) => STRONG_BROKER_KEYS.has(key))) return ['broker'];
  const producer = keys.some((key) => PRODUCER_KEYS.has(key));
  const consumer = keys.some((key) => CONSUMER_KEYS.has(key));
  if (producer && consumer) return ['producer', 'consumer'];
  if (producer) return ['producer'];
  if (consumer) return ['consumer'];
  if (keys.some((key) => BROKER_KEYS.has(key)) && !keys.some((key) => COMMON_CLIENT_KEYS.has(key))) return ['broker'];
  return ['client'];
}

/** A flat file using librdkafka's own spellings is a librdkafka config; otherwise the Java client's. */
export function libraryOfFlatConfig(fileName: string, writtenKeys: string[]): Library {
  if (/librdkafka|rdkafka/i.test(fileName)) return 'librdkafka';
  return writtenKeys.some((key) => LIBRDKAFKA_ONLY_KEYS.has(key.trim())) ? 'librdkafka' : 'java';
}

export function isProducerKey(key: string): boolean {
  return PRODUCER_KEYS.has(key);
}

export function isConsumerKey(key: string): boolean {
  return CONSUMER_KEYS.has(key);
}
