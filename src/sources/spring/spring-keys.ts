// Which Kafka client setting a Spring property name stands for. Spring Boot binds `spring.kafka.*` to
// KafkaProperties and builds each client's config map from it; Spring Cloud Stream's Kafka binder layers its own
// maps on top. Names bind leniently ("relaxed binding"): `bootstrap-servers`, `bootstrapServers`,
// `bootstrap_servers` and `BOOTSTRAP-SERVERS` are one property, while keys inside a pass-through map
// (`spring.kafka.properties.*`) reach Kafka exactly as written.
//
// Sources: Spring Boot KafkaProperties (3.x/4.x: typed keys, `buildProperties` order: typed, ssl, security, then the
// `properties` map; common properties first, then the client's own), Spring Cloud Stream Kafka binder reference
// (`brokers`, `configuration`, `producer-properties`, `consumer-properties`, `binders.<name>.environment`).

import { canonicalKey } from '../../model/keys.js';
import type { Conversion } from './spring-values.js';

/** Which clients a setting applies to: `common` ones reach every client built from the same configuration. */
export type Layer = 'common' | 'producer' | 'consumer' | 'admin' | 'streams';

export type ClientLayer = Exclude<Layer, 'common'>;

/**
 * Precedence levels, lowest first. Spring Boot puts common properties in the map before the client's own; the
 * Cloud Stream binder starts from Boot's map and adds its `configuration`, then its per-client maps, then the
 * binding's own `configuration`.
 */
export const LEVEL = { springCommon: 0, springClient: 1, binderCommon: 2, binderClient: 3, binding: 4 } as const;

/** Within one level: typed keys first, then `ssl.*`, then `security.*`, then the pass-through map, which wins. */
export const ORDER = { typed: 0, ssl: 1, security: 2, passThrough: 3 } as const;

export interface SpringKeyMapping {
  layer: Layer;
  /** Canonical Kafka key, or the kebab-case Spring name for settings that are Spring's own (`spring.kafka.listener.ack-mode`). */
  canonical: string;
  level: number;
  order: number;
  conversion?: Conversion;
  /**
   * False for names Spring does not bind (typos, invented keys such as `spring.kafka.consumer.session-timeout-ms`)
   * and for provisioning options: they are kept as Spring settings but do not make a client exist on their own.
   */
  known: boolean;
  /** Spring Cloud Stream binding the setting belongs to (`spring.cloud.stream.kafka.bindings.<name>.…`). */
  binding?: string;
  /** The value names a topic the client writes (`spring.kafka.template.default-topic`). */
  topic?: boolean;
}

/** What a property name says about Spring Cloud Stream bindings and binders, beside client settings. */
export type SpringNameMeaning =
  | { kind: 'setting'; mapping: SpringKeyMapping }
  | { kind: 'binder-environment'; binder: string; elements: string[] }
  | { kind: 'binder-inherit'; binder: string }
  | { kind: 'binding-destination'; binding: string }
  | { kind: 'binding-group'; binding: string }
  | { kind: 'profile' };

/**
 * Split a property name into its elements. `[...]` is one element taken literally, which is how Spring keeps dots
 * inside map keys (`spring.kafka.properties[sasl.jaas.config]`, YAML `"[sasl.jaas.config]": …`).
 */
export function propertyNameElements(name: string): string[] {
  const elements: string[] = [];
  let current = '';
  for (let index = 0; index < name.length; index++) {
    const character = name[index];
    if (character === '[') {
      const close = name.indexOf(']', index + 1);
      if (close === -1) {
        current += name.slice(index);
        break;
      }
      if (current !== '') elements.push(current);
      current = '';
      elements.push(name.slice(index + 1, close));
      index = close;
      if (name[index + 1] === '.') index++;
      continue;
    }
    if (character === '.') {
      if (current !== '') elements.push(current);
      current = '';
      continue;
    }
    current += character;
  }
  if (current !== '') elements.push(current);
  return elements;
}

/** Relaxed binding compares names without case, dashes or underscores. */
export function uniform(element: string): string {
  return element.toLowerCase().replace(/[-_]/g, '');
}

/** The kebab-case spelling Spring documents, for Spring's own settings: `ackMode` → `ack-mode`. */
export function kebab(element: string): string {
  return element.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/_/g, '-').toLowerCase();
}

interface TypedKey {
  canonical: string;
  conversion?: Conversion;
}

// KafkaProperties.Ssl: each field maps to one SslConfigs key. `bundle` selects a Spring SSL bundle instead.
const SSL_KEYS: Record<string, TypedKey> = {
  keypassword: { canonical: 'ssl.key.password' },
  keystorecertificatechain: { canonical: 'ssl.keystore.certificate.chain' },
  keystorekey: { canonical: 'ssl.keystore.key' },
  keystorelocation: { canonical: 'ssl.keystore.location' },
  keystorepassword: { canonical: 'ssl.keystore.password' },
  keystoretype: { canonical: 'ssl.keystore.type' },
  truststorecertificates: { canonical: 'ssl.truststore.certificates' },
  truststorelocation: { canonical: 'ssl.truststore.location' },
  truststorepassword: { canonical: 'ssl.truststore.password' },
  truststoretype: { canonical: 'ssl.truststore.type' },
  protocol: { canonical: 'ssl.protocol' },
};

const SHARED_CLIENT_KEYS: Record<string, TypedKey> = {
  bootstrapservers: { canonical: 'bootstrap.servers' },
  clientid: { canonical: 'client.id' },
};

// KafkaProperties.Producer/Consumer/Admin/Streams typed fields. Keys whose canonical name starts with `spring.` are
// Spring's own (admin timeouts, streams startup) and never reach the Kafka client.
const CLIENT_KEYS: Record<ClientLayer, Record<string, TypedKey>> = {
  producer: {
    ...SHARED_CLIENT_KEYS,
    acks: { canonical: 'acks' },
    batchsize: { canonical: 'batch.size', conversion: 'data-size' },
    buffermemory: { canonical: 'buffer.memory', conversion: 'data-size' },
    compressiontype: { canonical: 'compression.type' },
    keyserializer: { canonical: 'key.serializer' },
    valueserializer: { canonical: 'value.serializer' },
    retries: { canonical: 'retries', conversion: 'int' },
    // The producer factory appends a counter to the prefix for each transactional.id (DefaultKafkaProducerFactory).
    transactionidprefix: { canonical: 'transactional.id' },
  },
  consumer: {
    ...SHARED_CLIENT_KEYS,
    autocommitinterval: { canonical: 'auto.commit.interval.ms', conversion: 'duration-ms' },
    autooffsetreset: { canonical: 'auto.offset.reset' },
    enableautocommit: { canonical: 'enable.auto.commit', conversion: 'boolean' },
    fetchmaxwait: { canonical: 'fetch.max.wait.ms', conversion: 'duration-ms' },
    fetchminsize: { canonical: 'fetch.min.bytes', conversion: 'data-size' },
    groupid: { canonical: 'group.id' },
    heartbeatinterval: { canonical: 'heartbeat.interval.ms', conversion: 'duration-ms' },
    isolationlevel: { canonical: 'isolation.level', conversion: 'enum-lower' },
    keydeserializer: { canonical: 'key.deserializer' },
    valuedeserializer: { canonical: 'value.deserializer' },
    maxpollrecords: { canonical: 'max.poll.records', conversion: 'int' },
    maxpollinterval: { canonical: 'max.poll.interval.ms', conversion: 'duration-ms' },
    groupprotocol: { canonical: 'group.protocol', conversion: 'enum-lower' },
  },
  admin: {
    clientid: { canonical: 'client.id' },
    closetimeout: { canonical: 'spring.kafka.admin.close-timeout', conversion: 'duration-ms' },
    operationtimeout: { canonical: 'spring.kafka.admin.operation-timeout', conversion: 'duration-ms' },
    failfast: { canonical: 'spring.kafka.admin.fail-fast', conversion: 'boolean' },
    modifytopicconfigs: { canonical: 'spring.kafka.admin.modify-topic-configs', conversion: 'boolean' },
    autocreate: { canonical: 'spring.kafka.admin.auto-create', conversion: 'boolean' },
  },
  streams: {
    ...SHARED_CLIENT_KEYS,
    applicationid: { canonical: 'application.id' },
    autostartup: { canonical: 'spring.kafka.streams.auto-startup', conversion: 'boolean' },
    statestorecachemaxsize: { canonical: 'statestore.cache.max.bytes', conversion: 'data-size' },
    cachemaxsizebuffering: { canonical: 'cache.max.bytes.buffering', conversion: 'data-size' },
    replicationfactor: { canonical: 'replication.factor', conversion: 'int' },
    statedir: { canonical: 'state.dir' },
  },
};

// KafkaProperties.Listener: container settings, kept under their Spring names for Spring-specific rules.
const LISTENER_CONVERSIONS: Record<string, Conversion> = {
  ackmode: 'enum-upper',
  type: 'enum-upper',
  asyncacks: 'boolean',
  concurrency: 'int',
  polltimeout: 'duration-ms',
  ackcount: 'int',
  acktime: 'duration-ms',
  idlebetweenpolls: 'duration-ms',
  idleeventinterval: 'duration-ms',
  idlepartitioneventinterval: 'duration-ms',
  // Listener.monitorInterval is annotated @DurationUnit(ChronoUnit.SECONDS).
  monitorinterval: 'duration-s',
  logcontainerconfig: 'boolean',
  missingtopicsfatal: 'boolean',
  immediatestop: 'boolean',
  autostartup: 'boolean',
  changeconsumerthreadname: 'boolean',
  observationenabled: 'boolean',
};

function setting(layer: Layer, canonical: string, level: number, order: number, extra: Partial<SpringKeyMapping> = {}): SpringNameMeaning {
  return { kind: 'setting', mapping: { layer, canonical, level, order, known: true, ...extra } };
}

/** A name Spring keeps for itself: `spring.kafka.listener.ack-mode`, whatever the spelling. */
function springName(prefix: string, elements: string[]): string {
  return `${prefix}.${elements.map(kebab).join('.')}`;
}

/** Keys of a pass-through map, exactly as written (`spring.json.trusted.packages` stays that). */
function passThroughKey(elements: string[]): string | undefined {
  if (elements.length === 0) return undefined;
  return canonicalKey(elements.join('.'));
}

function passThrough(layer: Layer, elements: string[], level: number, extra: Partial<SpringKeyMapping> = {}): SpringNameMeaning | undefined {
  const key = passThroughKey(elements);
  return key === undefined ? undefined : setting(layer, key, level, ORDER.passThrough, extra);
}

function sslOrSecurity(layer: Layer, elements: string[], uniformed: string[], level: number, prefix: string): SpringNameMeaning | undefined {
  if (uniformed[0] === 'ssl') {
    const typed = SSL_KEYS[uniformed[1]];
    if (typed && elements.length === 2) return setting(layer, typed.canonical, level, ORDER.ssl);
    return setting(layer, springName(prefix, elements), level, ORDER.ssl, { known: uniformed[1] === 'bundle' && elements.length === 2 });
  }
  if (uniformed[0] === 'security') {
    if (uniformed[1] === 'protocol' && elements.length === 2) return setting(layer, 'security.protocol', level, ORDER.security);
    return setting(layer, springName(prefix, elements), level, ORDER.security, { known: false });
  }
  return undefined;
}

/** `spring.kafka.<producer|consumer|admin|streams>.…` */
function clientKey(layer: ClientLayer, elements: string[], uniformed: string[]): SpringNameMeaning | undefined {
  const level = LEVEL.springClient;
  const prefix = `spring.kafka.${layer}`;
  if (elements.length === 0) return undefined;
  if (uniformed[0] === 'properties') return passThrough(layer, elements.slice(1), level);
  const security = sslOrSecurity(layer, elements, uniformed, level, prefix);
  if (security) return security;
  const typed = elements.length === 1 ? CLIENT_KEYS[layer][uniformed[0]] : undefined;
  if (typed) return setting(layer, typed.canonical, level, ORDER.typed, typed.conversion ? { conversion: typed.conversion } : {});
  // Streams cleanup flags are real Spring options; anything else here is a name Spring ignores.
  const known = layer === 'streams' && uniformed[0] === 'cleanup';
  return setting(layer, springName(prefix, elements), level, ORDER.typed, { known });
}

/** `spring.kafka.…` */
function springKafkaKey(elements: string[], uniformed: string[]): SpringNameMeaning | undefined {
  if (elements.length === 0) return undefined;
  const level = LEVEL.springCommon;
  const [first] = uniformed;
  const rest = elements.slice(1);
  const uniformedRest = uniformed.slice(1);
  switch (first) {
    case 'producer':
    case 'consumer':
    case 'admin':
    case 'streams':
      return clientKey(first, rest, uniformedRest);
    case 'properties':
      return passThrough('common', rest, level);
    case 'listener': {
      if (rest.length === 0) return undefined;
      const conversion = rest.length === 1 ? LISTENER_CONVERSIONS[uniformedRest[0]] : undefined;
      return setting('consumer', springName('spring.kafka.listener', rest), LEVEL.springClient, ORDER.typed, conversion ? { conversion } : {});
    }
    case 'template': {
      if (rest.length !== 1) return undefined;
      if (uniformedRest[0] === 'transactionidprefix') return setting('producer', 'transactional.id', LEVEL.springClient, ORDER.passThrough);
      const topic = uniformedRest[0] === 'defaulttopic';
      const conversion: Conversion | undefined = uniformedRest[0] === 'observationenabled' ? 'boolean' : undefined;
      return setting('producer', springName('spring.kafka.template', rest), LEVEL.springClient, ORDER.typed, {
        ...(topic ? { topic } : {}),
        ...(conversion ? { conversion } : {}),
      });
    }
    case 'retry':
      return setting('consumer', springName('spring.kafka', elements), LEVEL.springClient, ORDER.typed);
    case 'jaas':
      // KafkaJaasLoginModuleInitializer installs a JVM-wide JAAS configuration; option names are map keys.
      if (uniformedRest[0] === 'options' && rest.length > 1) return setting('common', `spring.kafka.jaas.options.${rest.slice(1).join('.')}`, level, ORDER.typed);
      return setting('common', springName('spring.kafka.jaas', rest), level, ORDER.typed, uniformedRest[0] === 'enabled' ? { conversion: 'boolean' } : {});
    default: {
      const security = sslOrSecurity('common', elements, uniformed, level, 'spring.kafka');
      if (security) return security;
      const typed = elements.length === 1 ? SHARED_CLIENT_KEYS[first] : undefined;
      if (typed) return setting('common', typed.canonical, level, ORDER.typed);
      return setting('common', springName('spring.kafka', elements), level, ORDER.typed, { known: false });
    }
  }
}

/** `spring.cloud.stream.kafka.binder.…` */
function binderKey(elements: string[], uniformed: string[]): SpringNameMeaning | undefined {
  if (elements.length === 0) return undefined;
  const rest = elements.slice(1);
  const prefix = 'spring.cloud.stream.kafka.binder';
  switch (uniformed[0]) {
    case 'brokers':
      return rest.length === 0 ? setting('common', 'bootstrap.servers', LEVEL.binderCommon, ORDER.typed) : undefined;
    case 'configuration':
      return passThrough('common', rest, LEVEL.binderCommon);
    case 'producerproperties':
      return passThrough('producer', rest, LEVEL.binderClient);
    case 'consumerproperties':
      return passThrough('consumer', rest, LEVEL.binderClient);
    case 'requiredacks':
      return rest.length === 0 ? setting('producer', 'acks', LEVEL.binderClient, ORDER.typed) : undefined;
    case 'transaction':
      if (uniformed[1] === 'transactionidprefix' && elements.length === 2) return setting('producer', 'transactional.id', LEVEL.binderClient, ORDER.typed);
      if (uniformed[1] === 'producer' && uniformed[2] === 'configuration') return passThrough('producer', elements.slice(3), LEVEL.binderClient);
      return setting('producer', springName(prefix, elements), LEVEL.binderClient, ORDER.typed, { known: false });
    case 'jaas':
      if (uniformed[1] === 'options' && elements.length > 2) return setting('common', `${prefix}.jaas.options.${elements.slice(2).join('.')}`, LEVEL.binderCommon, ORDER.typed);
      return setting('common', springName(prefix, elements), LEVEL.binderCommon, ORDER.typed);
    default:
      // Topic provisioning and health options (auto-create-topics, replication-factor, min-partition-count, …).
      return setting('common', springName(prefix, elements), LEVEL.binderCommon, ORDER.typed, { known: false });
  }
}

/** `spring.cloud.stream.kafka.streams.binder.…`: the Kafka Streams binder configures a Streams application. */
function streamsBinderKey(elements: string[], uniformed: string[]): SpringNameMeaning | undefined {
  if (elements.length === 0) return undefined;
  const rest = elements.slice(1);
  switch (uniformed[0]) {
    case 'brokers':
      return rest.length === 0 ? setting('streams', 'bootstrap.servers', LEVEL.binderCommon, ORDER.typed) : undefined;
    case 'configuration':
      return passThrough('streams', rest, LEVEL.binderCommon);
    case 'applicationid':
      return rest.length === 0 ? setting('streams', 'application.id', LEVEL.binderCommon, ORDER.typed) : undefined;
    default:
      return setting('streams', springName('spring.cloud.stream.kafka.streams.binder', elements), LEVEL.binderCommon, ORDER.typed, { known: false });
  }
}

/** `spring.cloud.stream.kafka.bindings.<binding>.<consumer|producer>.…` and `spring.cloud.stream.kafka.default.…`. */
function bindingKey(binding: string | undefined, elements: string[], uniformed: string[]): SpringNameMeaning | undefined {
  const role = uniformed[0];
  if (role !== 'consumer' && role !== 'producer') return undefined;
  const level = binding === undefined ? LEVEL.binderClient : LEVEL.binding;
  const extra = binding === undefined ? {} : { binding };
  if (uniformed[1] === 'configuration') return passThrough(role, elements.slice(2), level, extra);
  if (elements.length < 2) return undefined;
  const prefix = binding === undefined ? 'spring.cloud.stream.kafka.default' : `spring.cloud.stream.kafka.bindings.${binding}`;
  return setting(role, springName(prefix, elements), level, ORDER.typed, extra);
}

/** `spring.cloud.stream.…` */
function cloudStreamKey(elements: string[], uniformed: string[]): SpringNameMeaning | undefined {
  if (uniformed[0] === 'kafka') {
    if (uniformed[1] === 'binder') return binderKey(elements.slice(2), uniformed.slice(2));
    if (uniformed[1] === 'streams' && uniformed[2] === 'binder') return streamsBinderKey(elements.slice(3), uniformed.slice(3));
    if (uniformed[1] === 'bindings' && elements.length > 3) return bindingKey(elements[2], elements.slice(3), uniformed.slice(3));
    if (uniformed[1] === 'default') return bindingKey(undefined, elements.slice(2), uniformed.slice(2));
    return undefined;
  }
  if (uniformed[0] === 'binders' && elements.length > 2) {
    const binder = elements[1];
    if (uniformed[2] === 'environment' && elements.length > 3) return { kind: 'binder-environment', binder, elements: elements.slice(3) };
    if (uniformed[2] === 'inheritenvironment' && elements.length === 3) return { kind: 'binder-inherit', binder };
    return undefined;
  }
  if (uniformed[0] === 'bindings' && elements.length === 3) {
    if (uniformed[2] === 'destination') return { kind: 'binding-destination', binding: elements[1] };
    if (uniformed[2] === 'group') return { kind: 'binding-group', binding: elements[1] };
  }
  return undefined;
}

/** JsonDeserializer/JsonSerializer options written straight under `spring.json`. */
function springJsonKey(elements: string[]): SpringNameMeaning | undefined {
  if (elements.length === 0) return undefined;
  const key = `spring.json.${elements.join('.')}`;
  // JsonSerializer reads only `spring.json.add.type.headers`; every other option is a deserializer option.
  return setting(key === 'spring.json.add.type.headers' ? 'producer' : 'consumer', key, LEVEL.springClient, ORDER.passThrough);
}

/** What a Spring property name means for Kafka, or undefined when it is not about Kafka. */
export function meaningOfSpringName(elements: string[]): SpringNameMeaning | undefined {
  const uniformed = elements.map(uniform);
  if (uniformed[0] !== 'spring') return undefined;
  if (uniformed[1] === 'kafka') return springKafkaKey(elements.slice(2), uniformed.slice(2));
  if (uniformed[1] === 'json') return springJsonKey(elements.slice(2));
  if (uniformed[1] === 'cloud' && uniformed[2] === 'stream') return cloudStreamKey(elements.slice(3), uniformed.slice(3));
  if (uniformed[1] === 'profiles' && elements.length === 2) return { kind: 'profile' };
  if (uniformed[1] === 'config' && uniformed[2] === 'activate' && uniformed[3] === 'onprofile' && elements.length === 4) return { kind: 'profile' };
  return undefined;
}
