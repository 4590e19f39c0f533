// @platformatic/kafka: `new Producer({...})`, `new Consumer({...})`, `new Admin({...})` with camelCase options, and
// the per-call options of `producer.send({...})` and `consumer.consume({...})`.
//
// Option names and enumerations are those of @platformatic/kafka 2.9 (docs/base.md, docs/producer.md,
// docs/consumer.md, src/apis/enumerations.ts, src/protocol/compression.ts). Its defaults, including `acks` falling
// back to LEADER unless the producer is idempotent, are in model/defaults.ts and model/resolve.ts.

import { explicitSetting } from '../../../model/resolve.js';
import type { ClientFacts, Role, Setting, SettingValue, TopicReference } from '../../../model/types.js';
import { emptyFileFacts } from '../../../model/types.js';
import { bindingOf, methodCalls } from '../client-uses.js';
import type { CodeContext, DetectedClient, DetectionResult } from '../code-context.js';
import { locationOfNode, type Node } from '../parse-module.js';
import type { StaticValue } from '../values.js';
import {
  literalValue,
  lookupOption,
  placeholderSetting,
  settingFromProperty,
  settingsFromTable,
  writtenAs,
  type Convert,
  type OptionLookup,
  type OptionSite,
  type OptionTable,
} from './kafkajs-options.js';
import { distinctTopics, libraryExportOfValue, topicsOfProperty } from './option-values.js';

const MODULE = '@platformatic/kafka';

const ROLE_OF_CLASS: Record<string, Role> = { Producer: 'producer', Consumer: 'consumer', Admin: 'admin' };
const ROLE_CLASS: Partial<Record<Role, string>> = { producer: 'Producer', consumer: 'Consumer', admin: 'Admin' };

/** An enumeration of the library: its exported name, member → canonical value, and literal spellings → value. */
interface Enumeration {
  exported: string;
  members: Record<string, SettingValue>;
  literals?: Record<string, SettingValue>;
}

const PRODUCE_ACKS: Enumeration = { exported: 'ProduceAcks', members: { ALL: 'all', LEADER: '1', NO_RESPONSE: '0' } };
const COMPRESSION: Enumeration = { exported: 'CompressionAlgorithms', members: { NONE: 'none', GZIP: 'gzip', SNAPPY: 'snappy', LZ4: 'lz4', ZSTD: 'zstd' } };
const ISOLATION: Enumeration = {
  exported: 'FetchIsolationLevels',
  members: { READ_UNCOMMITTED: 'read_uncommitted', READ_COMMITTED: 'read_committed' },
  literals: { '0': 'read_uncommitted', '1': 'read_committed', read_uncommitted: 'read_uncommitted', read_committed: 'read_committed' },
};
// `fail` throws when the group has no committed offset, like auto.offset.reset=none.
const FALLBACK_MODE: Enumeration = {
  exported: 'MessagesStreamFallbackModes',
  members: { LATEST: 'latest', EARLIEST: 'earliest', FAIL: 'none' },
  literals: { latest: 'latest', earliest: 'earliest', fail: 'none' },
};
const SASL_MECHANISM: Enumeration = {
  exported: 'SASLMechanisms',
  members: { PLAIN: 'PLAIN', SCRAM_SHA_256: 'SCRAM-SHA-256', SCRAM_SHA_512: 'SCRAM-SHA-512', OAUTHBEARER: 'OAUTHBEARER', GSSAPI: 'GSSAPI' },
};
const GROUP_PROTOCOL: Enumeration = { exported: 'GroupProtocols', members: { CLASSIC: 'classic', CONSUMER: 'consumer' } };

/**
 * A member of a library enumeration (`ProduceAcks.ALL`, imported from @platformatic/kafka in the module that writes
 * it) or a literal spelling of it; anything else is left to `fallback` (literals typed for the key), and what neither
 * reads is a placeholder.
 */
function enumerated(enumeration: Enumeration, key: string, context: CodeContext): Convert {
  const fallback = literalValue(key);
  return (value) => {
    if (value.kind === 'member') {
      const source = libraryExportOfValue(value, context);
      const prefix = `${enumeration.exported}.`;
      const member = source?.library === MODULE && source.exported.startsWith(prefix) ? source.exported.slice(prefix.length) : undefined;
      return member !== undefined && Object.hasOwn(enumeration.members, member) ? { value: enumeration.members[member], raw: value.path } : undefined;
    }
    if (value.kind === 'literal' && enumeration.literals) {
      const mapped = enumeration.literals[String(value.value).toLowerCase()];
      if (mapped !== undefined) return { value: mapped, raw: String(value.value) };
    }
    return fallback(value);
  };
}

/** `bootstrapBrokers: ['host:port', { host, port }]`; a resolver function is only known at run time. */
const bootstrapBrokers: Convert = (value) => {
  if (value.kind !== 'array' || value.partial) return undefined;
  const brokers: string[] = [];
  for (const element of value.elements) {
    if (element.kind === 'literal' && typeof element.value === 'string') brokers.push(element.value);
    else if (element.kind === 'object' && !element.partial) {
      const host = element.properties.find((entry) => entry.key === 'host')?.value;
      const port = element.properties.find((entry) => entry.key === 'port')?.value;
      if (host?.kind !== 'literal' || port?.kind !== 'literal') return undefined;
      brokers.push(`${host.value}:${port.value}`);
    } else return undefined;
  }
  return { value: brokers, raw: brokers.join(',') };
};

/** `retries: number | boolean` — "`true` means infinity, while `false` means 0" (docs/base.md). */
const retries: Convert = (value) => {
  if (value.kind === 'literal' && typeof value.value === 'boolean') return { value: value.value ? Number.POSITIVE_INFINITY : 0, raw: String(value.value) };
  return literalValue('retries')(value);
};

/** `autocommit: boolean | number` — a number commits on that interval (ms), which is still automatic committing. */
const autocommit: Convert = (value) => {
  if (value.kind === 'literal' && typeof value.value === 'number') return { value: true, raw: String(value.value) };
  return literalValue('enable.auto.commit')(value);
};

/** The interval of a numeric `autocommit`; a boolean sets none. */
const autocommitInterval: Convert = (value) => (value.kind === 'literal' && typeof value.value === 'number' ? { value: value.value, raw: String(value.value) } : undefined);

/** `protocols: [{ name: 'roundrobin', version: 1 }]` → the assignor names. */
const protocols: Convert = (value) => {
  if (value.kind !== 'array' || value.partial || value.elements.length === 0) return undefined;
  const names = value.elements.map((element) => (element.kind === 'object' ? element.properties.find((entry) => entry.key === 'name')?.value : undefined));
  if (names.some((name) => name?.kind !== 'literal')) return undefined;
  const list = names.map((name) => String((name as { value: unknown }).value));
  return { value: list, raw: list.join(',') };
};

/** Options every client takes (docs/base.md). `tls`/`ssl`/`sasl` also make security.protocol (securitySetting). */
function baseOptions(context: CodeContext): OptionTable {
  return {
    clientId: { key: 'client.id' },
    bootstrapBrokers: { key: 'bootstrap.servers', convert: bootstrapBrokers },
    retries: { key: 'retries', convert: retries },
    autocreateTopics: { key: 'allow.auto.create.topics' },
    maxInflights: { key: 'max.in.flight.requests.per.connection' },
    // Node's TLS options: `rejectUnauthorized: false` accepts any broker certificate. `ssl` is an alias of `tls`.
    'tls.rejectUnauthorized': { key: 'enable.ssl.certificate.verification' },
    'ssl.rejectUnauthorized': { key: 'enable.ssl.certificate.verification' },
    'sasl.mechanism': { key: 'sasl.mechanism', convert: enumerated(SASL_MECHANISM, 'sasl.mechanism', context) },
    'sasl.username': { key: 'sasl.username' },
    'sasl.password': { key: 'sasl.password' },
  };
}

/** Options of the Producer constructor that `send()` also takes (ProduceOptions in producer/types.ts). */
function produceOptions(context: CodeContext): OptionTable {
  return {
    idempotent: { key: 'enable.idempotence' },
    acks: { key: 'acks', convert: enumerated(PRODUCE_ACKS, 'acks', context) },
    compression: { key: 'compression.type', convert: enumerated(COMPRESSION, 'compression.type', context) },
    autocreateTopics: { key: 'allow.auto.create.topics' },
  };
}

/** Options of the Consumer constructor that `consume()` also takes (ConsumeBaseOptions, GroupOptions, StreamOptions). */
function consumeOptions(context: CodeContext): OptionTable {
  return {
    autocommit: { key: 'enable.auto.commit', convert: autocommit },
    sessionTimeout: { key: 'session.timeout.ms' },
    heartbeatInterval: { key: 'heartbeat.interval.ms' },
    isolationLevel: { key: 'isolation.level', convert: enumerated(ISOLATION, 'isolation.level', context) },
    protocols: { key: 'partition.assignment.strategy', convert: protocols },
    groupProtocol: { key: 'group.protocol', convert: enumerated(GROUP_PROTOCOL, 'group.protocol', context) },
    fallbackMode: { key: 'auto.offset.reset', convert: enumerated(FALLBACK_MODE, 'auto.offset.reset', context) },
  };
}

/** A numeric `autocommit` also sets the commit interval; read beside the table, which has one entry per option. */
function autocommitIntervalSetting(options: StaticValue | undefined, site: OptionSite): Setting[] {
  const found = lookupOption(options, ['autocommit']);
  if (found.kind !== 'set' || !autocommitInterval(found.property.value)) return [];
  const setting = settingFromProperty('auto.commit.interval.ms', writtenAs(site, ['autocommit']), found.property, autocommitInterval);
  return setting ? [setting] : [];
}

function constructorSettings(options: StaticValue | undefined, role: Role, context: CodeContext): Setting[] {
  const site: OptionSite = { call: `new ${ROLE_CLASS[role] ?? 'Base'}`, nesting: [] };
  const table: OptionTable = { ...baseOptions(context) };
  if (role === 'producer') Object.assign(table, produceOptions(context), { transactionalId: { key: 'transactional.id', noPlaceholder: true } });
  if (role === 'consumer') Object.assign(table, consumeOptions(context), { groupId: { key: 'group.id' } });
  const security = securitySetting(options, site);
  return [...settingsFromTable(options, table, site), ...(security ? [security] : []), ...(role === 'consumer' ? autocommitIntervalSetting(options, site) : [])];
}

type Presence = 'on' | 'off' | 'unknown';

/** Whether a `tls`/`ssl`/`sasl` option turns the feature on: an object (or `true`) does; absent, false or null do not. */
function presence(found: OptionLookup): Presence {
  if (found.kind === 'absent') return 'off';
  if (found.kind === 'unknown') return 'unknown';
  const value = found.property.value;
  if (value.kind === 'object' || (value.kind === 'literal' && value.value === true)) return 'on';
  if (value.kind === 'literal' && (value.value === false || value.value === null)) return 'off';
  return 'unknown';
}

/**
 * platformatic connects with TLS when `tls` (or its alias `ssl`; `tls` wins) is given and authenticates when `sasl` is:
 * the equivalent security.protocol is SSL, SASL_SSL or SASL_PLAINTEXT, on the `tls` option when it is written, else
 * on `sasl`. With neither there is no setting, and the library default (PLAINTEXT) applies.
 */
function securitySetting(options: StaticValue | undefined, site: OptionSite): Setting | undefined {
  const tlsLookup = lookupOption(options, ['tls']);
  const tls = tlsLookup.kind === 'absent' ? lookupOption(options, ['ssl']) : tlsLookup;
  const sasl = lookupOption(options, ['sasl']);
  const tlsState = presence(tls);
  const saslState = presence(sasl);
  const anchor = tlsState !== 'off' ? tls : saslState !== 'off' ? sasl : undefined;
  if (!anchor) return undefined;
  const option = anchor === sasl ? 'sasl' : tls.kind === 'set' ? tls.property.key : 'tls';
  const written = writtenAs(site, [option]);
  if (anchor.kind === 'unknown') return placeholderSetting('security.protocol', written, anchor.where, locationOfNode(anchor.where.file, anchor.where.node));
  if (anchor.kind !== 'set') return undefined;
  const location = locationOfNode(anchor.property.file, anchor.property.node);
  // With TLS on, an unreadable `sasl` only decides between SSL and SASL_SSL, which both encrypt; the reverse does not hold.
  if (tlsState === 'unknown' || (tlsState === 'off' && saslState === 'unknown')) return placeholderSetting('security.protocol', written, anchor.property.value, location);
  const protocol = `${saslState === 'on' ? 'SASL_' : ''}${tlsState === 'on' ? 'SSL' : 'PLAINTEXT'}`;
  return { key: 'security.protocol', writtenAs: written, value: protocol, raw: protocol, location, valueLocation: locationOfNode(anchor.property.value.file, anchor.property.value.node) };
}

function platformaticClass(node: Node, context: CodeContext): Role | undefined {
  if (node.type !== 'NewExpression') return undefined;
  const source = context.imports.exportOf(node.callee);
  return source?.library === MODULE ? ROLE_OF_CLASS[source.exported] : undefined;
}

/** Topics of `send({ messages: [{ topic }] })`. */
function topicsOfMessages(options: StaticValue | undefined, context: CodeContext): TopicReference[] {
  const messages = context.values.property(options, 'messages')?.value;
  if (messages?.kind !== 'array') return [];
  return messages.elements.flatMap((message) => topicsOfProperty(context.values.property(message, 'topic'), context));
}

export function detectPlatformaticClients(context: CodeContext): DetectionResult {
  const result: DetectionResult = { clients: [], facts: emptyFileFacts() };
  context.module.walk(context.module.ast, (node) => {
    const role = platformaticClass(node, context);
    if (!role) return;
    const argument = (node as { arguments: Node[] }).arguments[0];
    const options = argument ? context.values.resolve(argument, context.module) : undefined;
    const facts: ClientFacts = {
      kind: 'client',
      role,
      library: 'platformatic',
      file: context.file,
      location: locationOfNode(context.file, node),
      settings: constructorSettings(options, role, context),
      topics: [],
      label: `${MODULE} ${role} created at ${context.file}:${node.loc.start.line}`,
    };
    const client: DetectedClient = { facts, creation: node, ...bindingOf(node, context) };
    const topics: TopicReference[] = [];
    for (const { method, call } of methodCalls(client, context)) {
      const callOptions = call.arguments[0] ? context.values.resolve(call.arguments[0], context.module) : undefined;
      if (role === 'producer' && method === 'send') {
        facts.settings.push(...settingsFromTable(callOptions, produceOptions(context), { call: 'send', nesting: [] }));
        topics.push(...topicsOfMessages(callOptions, context));
      }
      if (role === 'consumer' && method === 'consume') {
        const site = { call: 'consume', nesting: [] };
        facts.settings.push(...settingsFromTable(callOptions, consumeOptions(context), site), ...autocommitIntervalSetting(callOptions, site));
        topics.push(...topicsOfProperty(context.values.property(callOptions, 'topics'), context));
      }
    }
    facts.topics = distinctTopics(topics);
    const groupId = explicitSetting(facts, 'group.id');
    if (groupId && !groupId.placeholder && typeof groupId.value === 'string') facts.groupId = groupId.value;
    result.clients.push(client);
  });
  return result;
}
