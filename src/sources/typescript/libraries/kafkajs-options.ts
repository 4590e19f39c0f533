// Option objects of the kafkajs API → settings under canonical Kafka keys. kafkajs itself and the `kafkaJS` block of
// @confluentinc/kafka-javascript (libraries/confluent.ts) share the option names, so both read them through the
// tables and converters here. Option names, enums and defaults: kafkajs 2.2.4 docs (Configuration.md, Producing.md,
// Consuming.md, MigrationGuide-2-0-0.md) and src/index.js; research/rules-catalog.md §1.4.
//
// What only run time knows is never guessed: an option whose value cannot be read (a parameter, a call, a spread of
// something unknown) becomes a placeholder setting, so rules neither judge it nor fall back to the library default.

import { normaliseTypedValue } from '../../../model/keys.js';
import { isPlaceholder } from '../../../model/secrets.js';
import type { Library, Role, Setting, SettingValue, SourceLocation } from '../../../model/types.js';
import { locationOfNode, type Node } from '../parse-module.js';
import { memberPath, type StaticProperty, type StaticValue } from '../values.js';

/** Where options are written: the call, and the object keys between its argument and the options (CKJS `kafkaJS`). */
export interface OptionSite {
  call: string;
  nesting: string[];
}

const quoted = (key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? key : `'${key}'`);

/** The option as the code spells it: `producer({ idempotent })`, `new Kafka({ sasl: { password } })`. */
export function writtenAs(site: OptionSite, optionPath: string[]): string {
  const inner = [...site.nesting, ...optionPath].reduceRight((nested, key) => `{ ${quoted(key)}${nested ? `: ${nested}` : ''} }`, '');
  return `${site.call}(${inner})`;
}

/** A typed value and the text it stands for; undefined when only run time knows the value. */
export interface Converted {
  value: SettingValue;
  raw: string;
}

export type Convert = (value: StaticValue) => Converted | undefined;

export interface OptionSpec {
  /** Canonical Kafka key; options Kafka has no key for are kept under `kafkajs.<option path>`. */
  key: string;
  convert?: Convert;
  /**
   * No placeholder when the options cannot be read: a placeholder `transactional.id` would make the producer count as
   * transactional, which is a claim rather than a doubt.
   */
  noPlaceholder?: boolean;
}

/** Dotted option path (`retry.retries`) → how it becomes a setting. */
export type OptionTable = Record<string, OptionSpec>;

/** `x: undefined` is the same as leaving `x` out. */
function isUndefined(value: StaticValue): boolean {
  return value.kind === 'unknown' && value.reason === 'undefined';
}

function lastProperty(object: Extract<StaticValue, { kind: 'object' }>, key: string): StaticProperty | undefined {
  for (let index = object.properties.length - 1; index >= 0; index--) {
    if (object.properties[index].key === key) return object.properties[index];
  }
  return undefined;
}

export type OptionLookup =
  | { kind: 'set'; property: StaticProperty }
  | { kind: 'absent' }
  /** Some object on the path cannot be read, or is spread from something unknown: the option may be set there. */
  | { kind: 'unknown'; where: StaticValue };

/** Follow an option path (`['sasl', 'password']`) into an options value. */
export function lookupOption(options: StaticValue | undefined, path: string[]): OptionLookup {
  let current = options;
  let property: StaticProperty | undefined;
  for (const key of path) {
    if (current === undefined || current.kind === 'literal' || current.kind === 'array' || isUndefined(current)) return { kind: 'absent' };
    if (current.kind !== 'object') return { kind: 'unknown', where: current };
    property = lastProperty(current, key);
    if (!property) return current.partial ? { kind: 'unknown', where: current } : { kind: 'absent' };
    current = property.value;
  }
  return property && !isUndefined(property.value) ? { kind: 'set', property } : { kind: 'absent' };
}

/** A short, secret-free description of an expression only run time can evaluate: `config.password`, `loadSasl(…)`. */
function runTimeExpression(value: StaticValue): string {
  if (value.kind === 'member') return value.path;
  if (value.kind === 'function') return 'function';
  if (value.kind === 'object' || value.kind === 'array') return `${value.kind} with parts set at run time`;
  const node: Node = value.node;
  const path = memberPath(node);
  if (path !== undefined) return path;
  if (node.type === 'CallExpression') return `${memberPath(node.callee) ?? 'call'}(…)`;
  if (node.type === 'AwaitExpression' && node.argument.type === 'CallExpression') return `await ${memberPath(node.argument.callee) ?? 'call'}(…)`;
  return 'expression';
}

/**
 * A setting whose value only run time knows. Its raw text is `process.env.X` or `<expression>`, both placeholders
 * to model/secrets.ts, so it is never taken for a hard-coded secret.
 */
export function placeholderSetting(key: string, written: string, value: StaticValue, location: SourceLocation): Setting {
  const raw = value.kind === 'env' ? `process.env.${value.name}` : `<${runTimeExpression(value)}>`;
  return { key, writtenAs: written, value: raw, raw, location, valueLocation: locationOfNode(value.file, value.node), placeholder: true };
}

/** Literals and lists of literals, typed for the key. */
export function literalValue(key: string): Convert {
  return (value) => {
    if (value.kind === 'literal') return { value: normaliseTypedValue(key, value.value), raw: String(value.value) };
    if (value.kind === 'array' && !value.partial && value.elements.every((element) => element.kind === 'literal')) {
      const items = value.elements.map((element) => String((element as { value: unknown }).value));
      return { value: normaliseTypedValue(key, items), raw: items.join(',') };
    }
    return undefined;
  };
}

/** The setting a written option makes: typed when it can be read, a placeholder when only run time knows it. */
export function settingFromProperty(key: string, written: string, property: StaticProperty, convert: Convert = literalValue(key)): Setting | undefined {
  const value = property.value;
  if (isUndefined(value)) return undefined;
  const location = locationOfNode(property.file, property.node);
  const converted = convert(value);
  if (!converted) return placeholderSetting(key, written, value, location);
  const setting: Setting = { key, writtenAs: written, value: converted.value, raw: converted.raw, location, valueLocation: locationOfNode(value.file, value.node) };
  // A string literal can itself be a placeholder a build step fills in (`'${KAFKA_PASSWORD}'`, `'<password>'`).
  if (value.kind === 'literal' && typeof value.value === 'string' && isPlaceholder(converted.raw, key)) setting.placeholder = true;
  return setting;
}

/** Every option of a table the options value sets, or may set, in table order. */
export function settingsFromTable(options: StaticValue | undefined, table: OptionTable, site: OptionSite): Setting[] {
  const settings: Setting[] = [];
  for (const [path, spec] of Object.entries(table)) {
    const optionPath = path.split('.');
    const found = lookupOption(options, optionPath);
    const written = writtenAs(site, optionPath);
    if (found.kind === 'set') {
      const setting = settingFromProperty(spec.key, written, found.property, spec.convert);
      if (setting) settings.push(setting);
    } else if (found.kind === 'unknown' && !spec.noPlaceholder) {
      settings.push(placeholderSetting(spec.key, written, found.where, locationOfNode(found.where.file, found.where.node)));
    }
  }
  return settings;
}

// ---- Converters for options that are not a plain value of their Kafka key ----

/** A boolean option that picks one of two values of a Kafka key (`readUncommitted` → `isolation.level`). */
export function flag(whenTrue: string, whenFalse: string): Convert {
  return (value) => (value.kind === 'literal' ? { value: value.value ? whenTrue : whenFalse, raw: String(value.value) } : undefined);
}

/** `maxInFlightRequests: null` is kafkajs's "no limit" (its default). */
export const inFlightLimit: Convert = (value) =>
  value.kind === 'literal' && value.value === null
    ? { value: Number.POSITIVE_INFINITY, raw: 'null' }
    : literalValue('max.in.flight.requests.per.connection')(value);

/** The last member name after `enumName.` in a member path: `KafkaJS.CompressionTypes.GZIP` → `GZIP`. */
function enumMember(value: StaticValue, enumName: string): string | undefined {
  if (value.kind !== 'member') return undefined;
  return new RegExp(`(?:^|\\.)${enumName}\\.([\\w$]+)$`).exec(value.path)?.[1];
}

// kafkajs CompressionTypes: None 0, GZIP 1, Snappy 2, LZ4 3, ZSTD 4 (src/protocol/message/compression); CKJS spells the
// same members with string values ('gzip', …).
const CODECS = ['none', 'gzip', 'snappy', 'lz4', 'zstd'];

/** `CompressionTypes.GZIP`, its number, or a codec name → `compression.type`. */
export const compressionCodec: Convert = (value) => {
  const member = enumMember(value, 'CompressionTypes');
  if (member !== undefined) return CODECS.includes(member.toLowerCase()) ? { value: member.toLowerCase(), raw: (value as { path: string }).path } : undefined;
  if (value.kind !== 'literal') return undefined;
  if (typeof value.value === 'number') return CODECS[value.value] ? { value: CODECS[value.value], raw: String(value.value) } : undefined;
  return typeof value.value === 'string' ? { value: value.value.toLowerCase(), raw: value.value } : undefined;
};

/**
 * kafkajs partitioners (MigrationGuide-2-0-0.md): since 2.0 `DefaultPartitioner` is the Java-compatible murmur2 one
 * (1.x called it `JavaCompatiblePartitioner`) and the 1.x default is kept as `LegacyPartitioner`. The canonical values
 * are librdkafka's names where one fits (`murmur2_random`: murmur2 on keys, spread when there is none) and `legacy`
 * for kafkajs's own; rules/partitioner-mismatch.ts reads them, and the raw text keeps the name as written for
 * kafkajs 1.x, whose `DefaultPartitioner` was the legacy one.
 */
export const kafkajsPartitioner: Convert = (value) => {
  const member = enumMember(value, 'Partitioners');
  const path = (value as { path?: string }).path ?? '';
  if (member === 'DefaultPartitioner' || member === 'JavaCompatiblePartitioner') return { value: 'murmur2_random', raw: path };
  if (member === 'LegacyPartitioner') return { value: 'legacy', raw: path };
  return undefined;
};

// PartitionAssigners: kafkajs ships roundRobin only; CKJS adds range and cooperativeSticky (MIGRATION.md) and also
// exports the enum as PartitionAssignors.
const ASSIGNERS: Record<string, string> = { roundRobin: 'roundrobin', range: 'range', cooperativeSticky: 'cooperative-sticky' };

/** `[PartitionAssigners.roundRobin]` → `['roundrobin']`; a custom assigner leaves the list to run time. */
export const assignerList: Convert = (value) => {
  if (value.kind !== 'array' || value.partial) return undefined;
  const names = value.elements.map((element) => enumMember(element, 'PartitionAssign(?:er|or)s'));
  if (names.some((name) => name === undefined || !Object.hasOwn(ASSIGNERS, name))) return undefined;
  return { value: names.map((name) => ASSIGNERS[name!]), raw: value.elements.map((element) => (element as { path: string }).path).join(',') };
};

/** `retry.restartOnFailure` is a callback: what matters is that there is one (rules/consumer-crash-unobserved). */
export const callbackGiven: Convert = (value) => (value.kind === 'function' ? { value: 'function', raw: 'function' } : undefined);

// ---- security.protocol, which kafkajs derives from `ssl` and `sasl` together ----

type Truthiness = boolean | 'unknown';

function truthiness(lookup: OptionLookup): Truthiness {
  if (lookup.kind === 'absent') return false;
  if (lookup.kind === 'unknown') return 'unknown';
  const value = lookup.property.value;
  if (value.kind === 'literal') return Boolean(value.value);
  if (value.kind === 'object' || value.kind === 'array' || value.kind === 'function') return true;
  return 'unknown';
}

/**
 * kafkajs (and CKJS's kafkaJS block, `_common.js`) connect with TLS when `ssl` is truthy and authenticate when `sasl`
 * is set: SSL, SASL_SSL, SASL_PLAINTEXT. With neither written there is no setting, and the library default
 * (PLAINTEXT) applies. The setting sits on `ssl` when it is written, else on `sasl`.
 */
export function securityProtocolSetting(options: StaticValue | undefined, site: OptionSite): Setting | undefined {
  const ssl = lookupOption(options, ['ssl']);
  const sasl = lookupOption(options, ['sasl']);
  if (ssl.kind === 'absent' && sasl.kind === 'absent') return undefined;
  const tls = truthiness(ssl);
  const authenticated = truthiness(sasl);
  // With TLS on, an unreadable `sasl` only decides between SSL and SASL_SSL, which both encrypt.
  const undecided = tls === 'unknown' ? ssl : tls === false && authenticated === 'unknown' ? sasl : undefined;
  if (undecided) {
    const where = undecided.kind === 'set' ? undecided.property.value : (undecided as { where: StaticValue }).where;
    const location = undecided.kind === 'set' ? locationOfNode(undecided.property.file, undecided.property.node) : locationOfNode(where.file, where.node);
    return placeholderSetting('security.protocol', writtenAs(site, [undecided === ssl ? 'ssl' : 'sasl']), where, location);
  }
  const protocol = tls ? (authenticated === true ? 'SASL_SSL' : 'SSL') : authenticated ? 'SASL_PLAINTEXT' : 'PLAINTEXT';
  const anchor = ssl.kind === 'set' ? { property: ssl.property, option: 'ssl' } : { property: (sasl as { property: StaticProperty }).property, option: 'sasl' };
  return {
    key: 'security.protocol',
    writtenAs: writtenAs(site, [anchor.option]),
    value: protocol,
    raw: protocol,
    location: locationOfNode(anchor.property.file, anchor.property.node),
    valueLocation: locationOfNode(anchor.property.value.file, anchor.property.value.node),
  };
}

// ---- The kafkajs tables ----

/** `new Kafka({...})` of kafkajs (Configuration.md). */
export const KAFKAJS_CLIENT_OPTIONS: OptionTable = {
  clientId: { key: 'client.id' },
  brokers: { key: 'bootstrap.servers' },
  'ssl.rejectUnauthorized': { key: 'enable.ssl.certificate.verification' },
  // Node's tls `passphrase` unlocks the private key, like ssl.key.password.
  'ssl.passphrase': { key: 'ssl.key.password' },
  'sasl.mechanism': { key: 'sasl.mechanism' },
  'sasl.username': { key: 'sasl.username' },
  'sasl.password': { key: 'sasl.password' },
  'sasl.secretAccessKey': { key: 'kafkajs.sasl.secretAccessKey' },
  'retry.retries': { key: 'retries' },
  'retry.restartOnFailure': { key: 'kafkajs.retry.restartOnFailure', convert: callbackGiven },
};

/** `kafka.producer({...})` (Producing.md). `acks` and `compression` are per `send()` in kafkajs. */
export const KAFKAJS_PRODUCER_OPTIONS: OptionTable = {
  idempotent: { key: 'enable.idempotence' },
  maxInFlightRequests: { key: 'max.in.flight.requests.per.connection', convert: inFlightLimit },
  transactionalId: { key: 'transactional.id', noPlaceholder: true },
  allowAutoTopicCreation: { key: 'allow.auto.create.topics' },
  createPartitioner: { key: 'partitioner', convert: kafkajsPartitioner },
  'retry.retries': { key: 'retries' },
};

/**
 * `kafka.consumer({...})` (Consuming.md). `rebalanceTimeout` is left out: kafkajs has no poll loop, and the value is
 * only the time the coordinator waits for members to rejoin, not a processing deadline like max.poll.interval.ms.
 */
export const KAFKAJS_CONSUMER_OPTIONS: OptionTable = {
  groupId: { key: 'group.id' },
  sessionTimeout: { key: 'session.timeout.ms' },
  heartbeatInterval: { key: 'heartbeat.interval.ms' },
  allowAutoTopicCreation: { key: 'allow.auto.create.topics' },
  readUncommitted: { key: 'isolation.level', convert: flag('read_uncommitted', 'read_committed') },
  partitionAssigners: { key: 'partition.assignment.strategy', convert: assignerList },
  'retry.restartOnFailure': { key: 'kafkajs.retry.restartOnFailure', convert: callbackGiven },
};

/** `producer.send({...})` / `sendBatch({...})`: kafkajs takes acks and compression per call. */
export const KAFKAJS_SEND_OPTIONS: OptionTable = {
  acks: { key: 'acks' },
  compression: { key: 'compression.type', convert: compressionCodec },
};

/** `consumer.subscribe({...})`. */
export const KAFKAJS_SUBSCRIBE_OPTIONS: OptionTable = {
  fromBeginning: { key: 'auto.offset.reset', convert: flag('earliest', 'latest') },
};

/** `consumer.run({...})`. */
export const KAFKAJS_RUN_OPTIONS: OptionTable = {
  autoCommit: { key: 'enable.auto.commit' },
};

/** The calls on a client whose options are settings: `send`/`sendBatch`, `subscribe`, `run`. */
export type CallOptions = Partial<Record<'send' | 'subscribe' | 'run', OptionTable>>;

/** What differs between kafkajs and CKJS's KafkaJS API for the detector: libraries/kafkajs.ts. */
export interface KafkaJsDialect {
  library: Library;
  /** The package name, for labels. */
  displayName: string;
  /** Settings a client of this role gets from the `new Kafka(options)` it is created from. */
  instanceSettings(options: StaticValue | undefined, role: Role): Setting[];
  /** Settings from `kafka.producer(options)` / `consumer(options)` / `admin(options)`. */
  clientSettings(options: StaticValue | undefined, role: Role): Setting[];
  callOptions: CallOptions;
}

const KAFKAJS_ROLE_OPTIONS: Partial<Record<Role, OptionTable>> = { producer: KAFKAJS_PRODUCER_OPTIONS, consumer: KAFKAJS_CONSUMER_OPTIONS };

export const KAFKAJS_DIALECT: KafkaJsDialect = {
  library: 'kafkajs',
  displayName: 'kafkajs',
  instanceSettings: (options) => {
    const site = { call: 'new Kafka', nesting: [] };
    const security = securityProtocolSetting(options, site);
    return [...settingsFromTable(options, KAFKAJS_CLIENT_OPTIONS, site), ...(security ? [security] : [])];
  },
  clientSettings: (options, role) => settingsFromTable(options, KAFKAJS_ROLE_OPTIONS[role] ?? {}, { call: role, nesting: [] }),
  callOptions: { send: KAFKAJS_SEND_OPTIONS, subscribe: KAFKAJS_SUBSCRIBE_OPTIONS, run: KAFKAJS_RUN_OPTIONS },
};
