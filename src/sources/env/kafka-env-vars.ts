// How Kafka container images turn environment variables into broker properties. Shared by the docker-compose and
// `.env` sources, so a variable means the same setting wherever it is written.
//
// Each image family has its own convention:
// - Confluent `cp-kafka` / `cp-server` / `confluent-local`: prefix `KAFKA_`, `.` → `_`, `_` → `__`, `-` → `___`
//   (docs.confluent.io/platform/current/installation/docker/config-reference.html). The 7.0 and 7.3 pages state the
//   reverse for `-` and `_`; we follow the current page (research/rules-catalog.md §1.10). The image's
//   kafka.properties template leaves JVM and logging variables out of server.properties (KAFKA_HEAP_OPTS, KAFKA_OPTS,
//   KAFKA_JMX_OPTS, KAFKA_LOG4J_*, …), and its `configure` script turns KAFKA_SSL_*_FILENAME / *_CREDENTIALS into
//   store locations and passwords read from files under /etc/kafka/secrets.
// - `apache/kafka` (and `apache/kafka-native`): the same rules, stated in apache/kafka docker/examples/README.md.
// - Bitnami `bitnami/kafka`: only `KAFKA_CFG_*` becomes a property, every `_` → `.`, lower case, then `sasl.ssl` →
//   `sasl_ssl` and `sasl.plaintext` → `sasl_plaintext` (libkafka.sh, kafka_configure_from_environment_variables).
//   Current images skip empty values. Other variables are image options (kafka-env.sh: KAFKA_CLIENT_PASSWORDS,
//   KAFKA_CERTIFICATE_PASSWORD, KAFKA_KRAFT_CLUSTER_ID, …, and ALLOW_PLAINTEXT_LISTENER in older images).
// - `wurstmeister/kafka`: every `KAFKA_*` variable with `_` → `.` (start-kafka.sh), except its own options;
//   KAFKA_CREATE_TOPICS is `name:partitions:replicas[:cleanup.policy]` entries split by KAFKA_CREATE_TOPICS_SEPARATOR
//   (default `,`) and created by create-topics.sh.

export type ImageConvention = 'confluent' | 'bitnami' | 'wurstmeister';

/** What one environment variable means to a Kafka broker container. */
export type EnvVarMeaning =
  /** A broker property (`KAFKA_MIN_INSYNC_REPLICAS` → `min.insync.replicas`). */
  | { kind: 'property'; key: string }
  /** An option of the image itself, kept under its written name so rules can still see it (secrets, plaintext). */
  | { kind: 'image-option' }
  /** wurstmeister's KAFKA_CREATE_TOPICS: topic declarations, not a property. */
  | { kind: 'create-topics' }
  /** JVM options, logging, file inputs of the image, other programs' variables: nothing the broker reads. */
  | { kind: 'not-config' };

/** JVM and tooling variables that the images keep out of server.properties (cp-kafka kafka.properties template). */
const JVM_AND_TOOLING = new Set([
  'KAFKA_VERSION',
  'KAFKA_HOME',
  'KAFKA_DEBUG',
  'KAFKA_HEAP_OPTS',
  'KAFKA_OPTS',
  'KAFKA_JVM_PERFORMANCE_OPTS',
  'KAFKA_GC_LOG_OPTS',
  'KAFKA_LOG4J_OPTS',
  'KAFKA_TOOLS_LOG4J_LOGLEVEL',
]);
const JVM_AND_TOOLING_PREFIXES = ['KAFKA_JMX_', 'KAFKA_LOG4J_'];

/**
 * Confluent and apache/kafka images read these as file names under /etc/kafka/secrets and write the store location
 * and password themselves. Their values are file names, not secrets or properties.
 */
const SECRET_FILE_INPUT = /^KAFKA_SSL_[A-Z]+_(FILENAME|CREDENTIALS)$/;

/** wurstmeister's own options (start-kafka.sh, create-topics.sh), which it does not write to server.properties. */
const WURSTMEISTER_OPTIONS = new Set([
  'KAFKA_CREATE_TOPICS_SEPARATOR',
  'KAFKA_ADVERTISED_PROTOCOL_NAME',
  'KAFKA_PROTOCOL_NAME',
  'KAFKA_INTER_BROKER_PORT',
  'KAFKA_CREATE_ACLS',
]);

/** Bitnami image options (kafka-env.sh, current and older images) that are not `KAFKA_CFG_*` properties. */
const BITNAMI_OPTIONS = new Set([
  'ALLOW_PLAINTEXT_LISTENER',
  'KAFKA_ENABLE_KRAFT',
  'KAFKA_KRAFT_CLUSTER_ID',
  'KAFKA_SKIP_KRAFT_STORAGE_INIT',
  'KAFKA_CLIENT_LISTENER_NAME',
  'KAFKA_CLIENT_USERS',
  'KAFKA_CLIENT_PASSWORDS',
  'KAFKA_CLIENT_USER',
  'KAFKA_CLIENT_PASSWORD',
  'KAFKA_INTER_BROKER_USER',
  'KAFKA_INTER_BROKER_PASSWORD',
  'KAFKA_BROKER_USER',
  'KAFKA_BROKER_PASSWORD',
  'KAFKA_CONTROLLER_USER',
  'KAFKA_CONTROLLER_PASSWORD',
  'KAFKA_CERTIFICATE_PASSWORD',
  'KAFKA_TLS_TYPE',
  'KAFKA_TLS_CLIENT_AUTH',
  'KAFKA_TLS_TRUSTSTORE_FILE',
  'KAFKA_ZOOKEEPER_PROTOCOL',
  'KAFKA_ZOOKEEPER_USER',
  'KAFKA_ZOOKEEPER_PASSWORD',
  'KAFKA_ZOOKEEPER_TLS_TYPE',
  'KAFKA_ZOOKEEPER_TLS_VERIFY_HOSTNAME',
  'KAFKA_ZOOKEEPER_TLS_KEYSTORE_PASSWORD',
  'KAFKA_ZOOKEEPER_TLS_TRUSTSTORE_PASSWORD',
  'KAFKA_ZOOKEEPER_TLS_TRUSTSTORE_FILE',
  'KAFKA_MOUNTED_CONF_DIR',
]);

/** Broker keys that only a broker's environment sets: enough to call a service or an env file a broker. */
const BROKER_ONLY_KEYS = new Set([
  'broker.id',
  'node.id',
  'process.roles',
  'listeners',
  'advertised.listeners',
  'advertised.host.name',
  'listener.security.protocol.map',
  'inter.broker.listener.name',
  'controller.listener.names',
  'controller.quorum.voters',
  'zookeeper.connect',
  'log.dirs',
]);

const CREATE_TOPICS = 'KAFKA_CREATE_TOPICS';

/**
 * `MIN_INSYNC_REPLICAS` → `min.insync.replicas`, `LISTENER_NAME_SASL__SSL_X` → `listener.name.sasl_ssl.x`,
 * `A___B` → `a-b`. Runs longer than three underscores are not documented; they are read greedily in threes.
 */
export function confluentPropertyName(suffix: string): string {
  return suffix.toLowerCase().replace(/_+/g, (run) => '-'.repeat(Math.floor(run.length / 3)) + ['', '.', '_'][run.length % 3]);
}

/** Bitnami: every underscore is a dot, except inside the protocol names `sasl_ssl` and `sasl_plaintext`. */
export function bitnamiPropertyName(suffix: string): string {
  return suffix.toLowerCase().replace(/_/g, '.').replace(/sasl\.ssl/g, 'sasl_ssl').replace(/sasl\.plaintext/g, 'sasl_plaintext');
}

/** wurstmeister: every underscore is a dot. */
export function wurstmeisterPropertyName(suffix: string): string {
  return suffix.toLowerCase().replace(/_/g, '.');
}

/**
 * The convention of a Kafka broker image, or undefined when the image is not a Kafka broker. The image's own name
 * decides (`kafka`, `cp-kafka`, `cp-server`, `confluent-local`, `kafka-native`), so `cp-kafka-connect`,
 * `kafka-ui` or `cp-kafka-rest` are not brokers.
 */
export function kafkaImageConvention(image: string | undefined): ImageConvention | undefined {
  if (!image) return undefined;
  const repository = image.trim().toLowerCase().split('@')[0].replace(/:[^/:]*$/, '');
  const segments = repository.split('/');
  const name = segments[segments.length - 1];
  if (!['kafka', 'cp-kafka', 'cp-server', 'cp-enterprise-kafka', 'confluent-local', 'kafka-native'].includes(name)) return undefined;
  if (segments.some((segment) => segment.startsWith('bitnami'))) return 'bitnami';
  if (segments.includes('wurstmeister')) return 'wurstmeister';
  return 'confluent';
}

/**
 * The convention when the image does not tell (a custom image, an `.env` file): `KAFKA_CFG_*` and
 * ALLOW_PLAINTEXT_LISTENER exist only in Bitnami's; otherwise Confluent's, which reads names without double
 * underscores exactly as wurstmeister's does.
 */
export function conventionOfVariables(names: Iterable<string>): ImageConvention {
  for (const name of names) {
    if (name.startsWith('KAFKA_CFG_') || name === 'ALLOW_PLAINTEXT_LISTENER') return 'bitnami';
  }
  return 'confluent';
}

function isJvmOrTooling(name: string): boolean {
  return JVM_AND_TOOLING.has(name) || JVM_AND_TOOLING_PREFIXES.some((prefix) => name.startsWith(prefix));
}

export function meaningOfEnvVar(name: string, convention: ImageConvention): EnvVarMeaning {
  if (name === CREATE_TOPICS) return { kind: 'create-topics' };
  if (convention === 'bitnami') {
    if (name.startsWith('KAFKA_CFG_')) return { kind: 'property', key: bitnamiPropertyName(name.slice('KAFKA_CFG_'.length)) };
    return BITNAMI_OPTIONS.has(name) ? { kind: 'image-option' } : { kind: 'not-config' };
  }
  if (!name.startsWith('KAFKA_') || name === 'KAFKA_' || isJvmOrTooling(name)) return { kind: 'not-config' };
  const suffix = name.slice('KAFKA_'.length);
  if (convention === 'wurstmeister') {
    return WURSTMEISTER_OPTIONS.has(name) ? { kind: 'not-config' } : { kind: 'property', key: wurstmeisterPropertyName(suffix) };
  }
  if (SECRET_FILE_INPUT.test(name)) return { kind: 'not-config' };
  return { kind: 'property', key: confluentPropertyName(suffix) };
}

/** True when the variables are a broker's: a `KAFKA_CFG_*` property, KAFKA_CREATE_TOPICS, or a broker-only key. */
export function hasBrokerEvidence(names: Iterable<string>, convention: ImageConvention): boolean {
  for (const name of names) {
    if (!name.startsWith('KAFKA_')) continue;
    const meaning = meaningOfEnvVar(name, convention);
    if (meaning.kind === 'create-topics') return true;
    if (meaning.kind === 'image-option' && name === 'KAFKA_KRAFT_CLUSTER_ID') return true;
    if (meaning.kind !== 'property') continue;
    if (name.startsWith('KAFKA_CFG_') || BROKER_ONLY_KEYS.has(meaning.key)) return true;
  }
  return false;
}

/** One piece of a KAFKA_CREATE_TOPICS entry with its offset in the variable's value. */
export interface ValuePart {
  text: string;
  offset: number;
}

export interface CreateTopicEntry {
  name: ValuePart;
  partitions?: ValuePart;
  replicas?: ValuePart;
  cleanupPolicy?: ValuePart;
  /** The whole entry. */
  entry: ValuePart;
}

/**
 * The separator create-topics.sh splits on: KAFKA_CREATE_TOPICS_SEPARATOR when set, else a comma. Its README shows
 * the ANSI-C newline `"$$'\n'"`; inside YAML double quotes the `\n` is already a line break by the time the script
 * reads it, so any value holding a newline (or a written `\n`) means one topic per line.
 */
export function createTopicsSeparator(value: string | undefined): string {
  if (value === undefined || value === '') return ',';
  if (value.includes('\n') || /\\n/.test(value)) return '\n';
  return value.length === 1 ? value : ',';
}

/** Split a value into trimmed pieces with their offsets; empty pieces are dropped. */
export function splitWithOffsets(value: string, separator: string, base = 0): ValuePart[] {
  const parts: ValuePart[] = [];
  let start = 0;
  while (start <= value.length) {
    const found = value.indexOf(separator, start);
    const end = found === -1 ? value.length : found;
    const piece = value.slice(start, end);
    const leading = piece.length - piece.trimStart().length;
    const text = piece.trim();
    if (text !== '') parts.push({ text, offset: base + start + leading });
    if (found === -1) break;
    start = found + separator.length;
  }
  return parts;
}

/** `orders:3:1,audit:1:3:compact` → one entry per topic, as wurstmeister's create-topics.sh reads them. */
export function parseCreateTopics(value: string, separator = ','): CreateTopicEntry[] {
  const entries: CreateTopicEntry[] = [];
  for (const entry of splitWithOffsets(value, separator)) {
    const fields: ValuePart[] = [];
    let start = 0;
    for (const field of entry.text.split(':')) {
      fields.push({ text: field.trim(), offset: entry.offset + start + (field.length - field.trimStart().length) });
      start += field.length + 1;
    }
    const [name, partitions, replicas, cleanupPolicy] = fields;
    if (name.text === '') continue;
    entries.push({
      name,
      entry,
      ...(partitions && partitions.text !== '' ? { partitions } : {}),
      ...(replicas && replicas.text !== '' ? { replicas } : {}),
      ...(cleanupPolicy && cleanupPolicy.text !== '' ? { cleanupPolicy } : {}),
    });
  }
  return entries;
}
