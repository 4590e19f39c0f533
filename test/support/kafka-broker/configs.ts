// What DescribeConfigs reports for a topic or a broker: the scenario's explicit settings plus Kafka's defaults for the
// settings kafkalint's rules read, with the config source a real broker would give (KIP-226 synonyms, source order
// TOPIC_CONFIG > STATIC_BROKER_CONFIG > DEFAULT_CONFIG). Defaults are Kafka 3.x's (kafka.apache.org/documentation).

import { ConfigSource } from './protocol.js';

export interface ConfigSynonym {
  name: string;
  value: string | null;
  source: number;
}

export interface ConfigEntry {
  name: string;
  /** null for sensitive settings, as real brokers send them. */
  value: string | null;
  source: number;
  sensitive: boolean;
  synonyms: ConfigSynonym[];
}

/** Topic setting → [broker setting it falls back to, Kafka's default]. */
const TOPIC_DEFAULTS: ReadonlyMap<string, readonly [string, string]> = new Map([
  ['cleanup.policy', ['log.cleanup.policy', 'delete']],
  ['compression.type', ['compression.type', 'producer']],
  ['max.message.bytes', ['message.max.bytes', '1048588']],
  ['message.timestamp.type', ['log.message.timestamp.type', 'CreateTime']],
  ['min.insync.replicas', ['min.insync.replicas', '1']],
  ['retention.bytes', ['log.retention.bytes', '-1']],
  ['retention.ms', ['log.retention.ms', '604800000']],
  ['segment.bytes', ['log.segment.bytes', '1073741824']],
  ['unclean.leader.election.enable', ['unclean.leader.election.enable', 'false']],
]);

const BROKER_DEFAULTS: ReadonlyMap<string, string> = new Map([
  ['auto.create.topics.enable', 'true'],
  ['compression.type', 'producer'],
  ['default.replication.factor', '1'],
  ['delete.topic.enable', 'true'],
  ['log.cleanup.policy', 'delete'],
  ['log.retention.hours', '168'],
  ['message.max.bytes', '1048588'],
  ['min.insync.replicas', '1'],
  ['num.partitions', '1'],
  ['offsets.topic.replication.factor', '3'],
  ['transaction.state.log.min.isr', '2'],
  ['transaction.state.log.replication.factor', '3'],
  ['unclean.leader.election.enable', 'false'],
]);

// Kafka marks PASSWORD-typed settings (and JAAS configs) sensitive and never returns their value.
function isSensitive(name: string): boolean {
  return /password|jaas\.config|secret/i.test(name);
}

function entry(name: string, synonyms: ConfigSynonym[]): ConfigEntry {
  const sensitive = isSensitive(name);
  const hide = (s: ConfigSynonym): ConfigSynonym => (sensitive ? { ...s, value: null } : s);
  const visible = synonyms.map(hide);
  const winner = visible[0] ?? { name, value: null, source: ConfigSource.DEFAULT_CONFIG };
  return { name, value: winner.value, source: winner.source, sensitive, synonyms: visible };
}

export function topicConfigEntries(topicConfigs: Record<string, string>, brokerConfigs: Record<string, string>): ConfigEntry[] {
  const names = [...new Set([...TOPIC_DEFAULTS.keys(), ...Object.keys(topicConfigs)])].sort();
  return names.map((name) => {
    const synonyms: ConfigSynonym[] = [];
    const explicit = topicConfigs[name];
    if (explicit !== undefined) synonyms.push({ name, value: explicit, source: ConfigSource.TOPIC_CONFIG });
    const fallback = TOPIC_DEFAULTS.get(name);
    if (fallback) {
      const [brokerName, kafkaDefault] = fallback;
      const brokerValue = brokerConfigs[brokerName];
      if (brokerValue !== undefined) synonyms.push({ name: brokerName, value: brokerValue, source: ConfigSource.STATIC_BROKER_CONFIG });
      synonyms.push({ name: brokerName, value: kafkaDefault, source: ConfigSource.DEFAULT_CONFIG });
    }
    return entry(name, synonyms);
  });
}

export function brokerConfigEntries(brokerConfigs: Record<string, string>): ConfigEntry[] {
  const names = [...new Set([...BROKER_DEFAULTS.keys(), ...Object.keys(brokerConfigs)])].sort();
  return names.map((name) => {
    const synonyms: ConfigSynonym[] = [];
    const explicit = brokerConfigs[name];
    if (explicit !== undefined) synonyms.push({ name, value: explicit, source: ConfigSource.STATIC_BROKER_CONFIG });
    const kafkaDefault = BROKER_DEFAULTS.get(name);
    if (kafkaDefault !== undefined) synonyms.push({ name, value: kafkaDefault, source: ConfigSource.DEFAULT_CONFIG });
    return entry(name, synonyms);
  });
}
