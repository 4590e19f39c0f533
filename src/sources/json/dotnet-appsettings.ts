// .NET appsettings.json sections for Confluent.Kafka. The .NET client names each librdkafka property in PascalCase
// (`ClientConfig.BootstrapServers` is `bootstrap.servers`, `ConsumerConfig.EnableAutoCommit` is
// `enable.auto.commit`; confluent-kafka-dotnet `src/Confluent.Kafka/Config_gen.cs`), and apps bind a section of
// appsettings.json to those classes or to their own settings class with the same names. Since Confluent.Kafka wraps
// librdkafka, librdkafka's defaults apply.
//
// Only sections that are clearly Kafka are read: a section whose name contains "Kafka" (or the whole file when its
// name does) holding `BootstrapServers`, or its `Producer` / `Consumer` / `Admin` subsections. Only the common
// properties below are mapped; other names in such a section are the app's own (topic names, retry policies).

import type { FileFacts, Setting } from '../../model/types.js';
import { emptyFileFacts } from '../../model/types.js';
import { mergeFacts } from '../source-text.js';
import { factsFromFlatConfig, type FlatEntry } from '../flat-config.js';
import { applySectionRole, roleOfSectionName } from './client-config.js';
import { entryOf, isObject, type JsonContext } from './json-nodes.js';
import type { JsonMember, JsonObject } from './parse-json.js';

/** Confluent.Kafka property name (lower-cased: .NET configuration binding ignores case) → librdkafka key. */
const PROPERTY_KEYS: Record<string, string> = {
  bootstrapservers: 'bootstrap.servers',
  clientid: 'client.id',
  securityprotocol: 'security.protocol',
  saslmechanism: 'sasl.mechanism',
  saslusername: 'sasl.username',
  saslpassword: 'sasl.password',
  sslcalocation: 'ssl.ca.location',
  sslcertificatelocation: 'ssl.certificate.location',
  sslkeylocation: 'ssl.key.location',
  sslkeypassword: 'ssl.key.password',
  sslkeystorelocation: 'ssl.keystore.location',
  sslkeystorepassword: 'ssl.keystore.password',
  sslendpointidentificationalgorithm: 'ssl.endpoint.identification.algorithm',
  enablesslcertificateverification: 'enable.ssl.certificate.verification',
  requesttimeoutms: 'request.timeout.ms',
  // producer
  acks: 'acks',
  enableidempotence: 'enable.idempotence',
  messagesendmaxretries: 'message.send.max.retries',
  messagetimeoutms: 'message.timeout.ms',
  lingerms: 'linger.ms',
  batchsize: 'batch.size',
  batchnummessages: 'batch.num.messages',
  compressiontype: 'compression.type',
  maxinflight: 'max.in.flight',
  transactionalid: 'transactional.id',
  partitioner: 'partitioner',
  // consumer
  groupid: 'group.id',
  groupinstanceid: 'group.instance.id',
  enableautocommit: 'enable.auto.commit',
  enableautooffsetstore: 'enable.auto.offset.store',
  autocommitintervalms: 'auto.commit.interval.ms',
  autooffsetreset: 'auto.offset.reset',
  isolationlevel: 'isolation.level',
  sessiontimeoutms: 'session.timeout.ms',
  heartbeatintervalms: 'heartbeat.interval.ms',
  maxpollintervalms: 'max.poll.interval.ms',
  partitionassignmentstrategy: 'partition.assignment.strategy',
  allowautocreatetopics: 'allow.auto.create.topics',
  groupprotocol: 'group.protocol',
};

/**
 * Confluent.Kafka enum member names → the librdkafka value each one sets (Config_gen.cs). Looked up with case,
 * `_` and `-` ignored, so `SaslSsl`, `SASL_SSL` and `sasl_ssl` all mean SASL_SSL.
 */
const ENUM_VALUES: Record<string, Record<string, string>> = {
  'security.protocol': { plaintext: 'PLAINTEXT', ssl: 'SSL', saslplaintext: 'SASL_PLAINTEXT', saslssl: 'SASL_SSL' },
  'sasl.mechanism': { gssapi: 'GSSAPI', plain: 'PLAIN', scramsha256: 'SCRAM-SHA-256', scramsha512: 'SCRAM-SHA-512', oauthbearer: 'OAUTHBEARER' },
  acks: { none: '0', leader: '1', all: 'all' },
  'auto.offset.reset': { latest: 'latest', earliest: 'earliest', error: 'error' },
  'isolation.level': { readuncommitted: 'read_uncommitted', readcommitted: 'read_committed' },
  'partition.assignment.strategy': { range: 'range', roundrobin: 'roundrobin', cooperativesticky: 'cooperative-sticky' },
  'compression.type': { none: 'none', gzip: 'gzip', snappy: 'snappy', lz4: 'lz4', zstd: 'zstd' },
  'ssl.endpoint.identification.algorithm': { none: 'none', https: 'https' },
  partitioner: { random: 'random', consistent: 'consistent', consistentrandom: 'consistent_random', murmur2: 'murmur2', murmur2random: 'murmur2_random' },
  'group.protocol': { classic: 'classic', consumer: 'consumer' },
};

const MAX_SECTION_DEPTH = 2;

function kafkaKeyOf(propertyName: string): string | undefined {
  return PROPERTY_KEYS[propertyName.toLowerCase()];
}

function hasMappedProperty(object: JsonObject): boolean {
  return object.members.some((member) => member.value.kind !== 'object' && kafkaKeyOf(member.key) !== undefined);
}

function hasBootstrapServers(object: JsonObject): boolean {
  return object.members.some((member) => kafkaKeyOf(member.key) === 'bootstrap.servers');
}

/** `Kafka`-named sections up to two levels below the root; the root itself when the file is named for Kafka. */
function kafkaSections(root: JsonObject, fileIsKafkaNamed: boolean): Array<{ path: string[]; object: JsonObject }> {
  const sections: Array<{ path: string[]; object: JsonObject }> = [];
  if (fileIsKafkaNamed) sections.push({ path: [], object: root });
  const visit = (object: JsonObject, path: string[]) => {
    for (const member of object.members) {
      if (!isObject(member.value)) continue;
      const memberPath = [...path, member.key];
      if (/kafka/i.test(member.key)) sections.push({ path: memberPath, object: member.value });
      else if (memberPath.length < MAX_SECTION_DEPTH) visit(member.value, memberPath);
    }
  };
  visit(root, []);
  return sections;
}

/**
 * Facts from Confluent.Kafka-style sections. `skip` holds objects another reader already took (a Kafka section
 * written with dotted keys), so no setting is counted twice.
 */
export function factsFromDotnetSections(context: JsonContext, root: JsonObject, skip: Set<JsonObject>): FileFacts {
  const facts = emptyFileFacts();
  const fileIsKafkaNamed = /kafka/i.test(context.file.split('/').pop() ?? '');
  const taken = new Set<JsonObject>(skip);
  for (const section of kafkaSections(root, fileIsKafkaNamed)) {
    if (taken.has(section.object)) continue;
    taken.add(section.object);
    const roleSections = section.object.members.filter(
      (member): member is JsonMember & { value: JsonObject } =>
        isObject(member.value) && roleOfSectionName(member.key) !== undefined && !taken.has(member.value) && hasMappedProperty(member.value),
    );
    if (roleSections.length > 0) {
      // `Kafka: { BootstrapServers, Producer: { Acks } }`: each role section is one client, and inherits what the
      // shared section sets unless it sets the same property itself.
      for (const roleSection of roleSections) {
        taken.add(roleSection.value);
        const own = roleSection.value.members;
        const ownKeys = new Set(own.map((member) => kafkaKeyOf(member.key)).filter((key) => key !== undefined));
        const inherited = section.object.members.filter((member) => {
          const key = kafkaKeyOf(member.key);
          return key !== undefined && !ownKeys.has(key);
        });
        const path = [...section.path, roleSection.key];
        mergeFacts(facts, applySectionRole(clientFromProperties(context, [...inherited, ...own], path), roleOfSectionName(roleSection.key)));
      }
      continue;
    }
    if (hasBootstrapServers(section.object)) {
      const name = section.path[section.path.length - 1];
      mergeFacts(facts, applySectionRole(clientFromProperties(context, section.object.members, section.path), roleOfSectionName(name)));
    }
  }
  return facts;
}

interface MappedEntry {
  entry: FlatEntry;
  writtenAs: string;
  writtenRaw: string;
}

function mappedEntry(context: JsonContext, member: JsonMember): MappedEntry | undefined {
  const key = kafkaKeyOf(member.key);
  if (key === undefined) return undefined;
  const entry = entryOf(context, member, key);
  if (!entry) return undefined;
  const writtenRaw = entry.raw;
  if (typeof entry.typed === 'string') {
    const spelled = ENUM_VALUES[key]?.[entry.typed.toLowerCase().replace(/[-_\s]/g, '')];
    if (spelled !== undefined) {
      entry.raw = spelled;
      entry.typed = spelled;
    }
  }
  return { entry, writtenAs: member.key, writtenRaw };
}

function clientFromProperties(context: JsonContext, members: JsonMember[], path: string[]): FileFacts {
  const mapped = members.map((member) => mappedEntry(context, member)).filter((item): item is MappedEntry => item !== undefined);
  if (mapped.length === 0) return emptyFileFacts();
  const label = path.length > 0 ? `"${path.join('.')}" section of ${context.file}` : `Kafka settings in ${context.file}`;
  const facts = factsFromFlatConfig(context.file, mapped.map((item) => item.entry), { library: 'librdkafka', label });
  // Settings keep the spelling the file uses, so messages and code frames match what the author wrote.
  const restore = (settings: Setting[]) =>
    settings.forEach((setting, index) => {
      setting.writtenAs = mapped[index].writtenAs;
      setting.raw = mapped[index].writtenRaw;
    });
  for (const fact of [...facts.clients, ...facts.brokers]) restore(fact.settings);
  return facts;
}
