// A Kafka broker container's environment (a docker-compose service, an `.env` file) becomes one BrokerFacts and
// the TopicFacts of its KAFKA_CREATE_TOPICS. Both sources hand over the variables with their positions; the meaning
// of each variable is in kafka-env-vars.ts.

import { canonicalKey, parseSettingValue } from '../../model/keys.js';
import type { BrokerFacts, EnvironmentInfo, ListenerFacts, Setting, SourceLocation, TopicFacts } from '../../model/types.js';
import { settingFromEntry } from '../flat-config.js';
import {
  createTopicsSeparator,
  meaningOfEnvVar,
  parseCreateTopics,
  splitWithOffsets,
  type ImageConvention,
  type ValuePart,
} from './kafka-env-vars.js';

export interface EnvVariable {
  name: string;
  /** The value the container sees (quotes removed, escapes applied). */
  raw: string;
  /** From the first character of the name to the end of the value. */
  location: SourceLocation;
  valueLocation?: SourceLocation;
  /** True when the value sits on one line and its columns match `raw` character for character. */
  verbatim: boolean;
}

export interface EnvBrokerOptions {
  file: string;
  convention: ImageConvention;
  /** `compose` or `env-file`. */
  declaredBy: string;
  label: string;
  location: SourceLocation;
  environment?: EnvironmentInfo;
  brokerCount?: number;
}

export interface EnvBrokerFacts {
  broker: BrokerFacts;
  topics: TopicFacts[];
}

/** The location of a piece of a variable's value, or the variable's own location when columns cannot be trusted. */
function locationOfPart(variable: EnvVariable, part: ValuePart): SourceLocation {
  const value = variable.valueLocation;
  if (!variable.verbatim || !value) return variable.location;
  const column = value.column + part.offset;
  return { file: value.file, line: value.line, column, endLine: value.line, endColumn: column + part.text.length };
}

/** `CONTROLLER:SASL_SSL,EXTERNAL:PLAINTEXT` → listener facts, each located at its pair when possible. */
function listenersFromMap(variable: EnvVariable): ListenerFacts[] {
  const listeners: ListenerFacts[] = [];
  for (const pair of splitWithOffsets(variable.raw, ',')) {
    const colon = pair.text.indexOf(':');
    if (colon <= 0) continue;
    const name = pair.text.slice(0, colon).trim();
    const protocol = pair.text.slice(colon + 1).trim().toUpperCase();
    if (name === '' || protocol === '') continue;
    listeners.push({ name, protocol, location: locationOfPart(variable, pair) });
  }
  return listeners;
}

function numberSetting(key: string, variable: EnvVariable, part: ValuePart): Setting {
  const value = /^\d+$/.test(part.text) ? Number(part.text) : part.text;
  const location = locationOfPart(variable, part);
  return { key, writtenAs: variable.name, value, raw: part.text, location, valueLocation: location };
}

function topicsFromCreateTopics(variable: EnvVariable, separator: string, options: EnvBrokerOptions): TopicFacts[] {
  return parseCreateTopics(variable.raw, separator).map((entry) => {
    const settings: Setting[] = [];
    if (entry.cleanupPolicy) {
      const location = locationOfPart(variable, entry.cleanupPolicy);
      settings.push({
        key: 'cleanup.policy',
        writtenAs: variable.name,
        value: parseSettingValue('cleanup.policy', entry.cleanupPolicy.text),
        raw: entry.cleanupPolicy.text,
        location,
        valueLocation: location,
      });
    }
    const topic: TopicFacts = {
      kind: 'topic',
      name: entry.name.text,
      file: options.file,
      location: locationOfPart(variable, entry.entry),
      settings,
      declaredBy: options.declaredBy,
      label: `topic ${entry.name.text} (${variable.name} in ${options.label})`,
    };
    if (entry.partitions) topic.partitions = numberSetting('partitions', variable, entry.partitions);
    if (entry.replicas) topic.replicationFactor = numberSetting('replication.factor', variable, entry.replicas);
    if (options.environment) topic.environment = options.environment;
    return topic;
  });
}

export function brokerFactsFromEnvironment(variables: EnvVariable[], options: EnvBrokerOptions): EnvBrokerFacts {
  const settings: Setting[] = [];
  const createTopics: EnvVariable[] = [];
  let separator: string | undefined;
  for (const variable of variables) {
    if (variable.name === 'KAFKA_CREATE_TOPICS_SEPARATOR') separator = variable.raw;
    const meaning = meaningOfEnvVar(variable.name, options.convention);
    const entry = { key: variable.name, raw: variable.raw, location: variable.location, ...(variable.valueLocation ? { valueLocation: variable.valueLocation } : {}) };
    switch (meaning.kind) {
      case 'property':
        // Current Bitnami images skip empty KAFKA_CFG_* values, so the broker keeps its default (libkafka.sh).
        if (options.convention === 'bitnami' && variable.raw === '') break;
        settings.push(settingFromEntry(entry, canonicalKey(meaning.key)));
        break;
      case 'image-option':
        settings.push(settingFromEntry(entry, variable.name));
        break;
      case 'create-topics':
        createTopics.push(variable);
        break;
      case 'not-config':
        break;
    }
  }
  const broker: BrokerFacts = {
    kind: 'broker',
    declaredBy: options.declaredBy,
    file: options.file,
    location: options.location,
    settings,
    label: options.label,
  };
  if (options.environment) broker.environment = options.environment;
  if (options.brokerCount !== undefined) broker.brokerCount = options.brokerCount;
  const protocolMap = variables.filter((variable) => {
    const meaning = meaningOfEnvVar(variable.name, options.convention);
    return meaning.kind === 'property' && meaning.key === 'listener.security.protocol.map';
  }).pop();
  if (protocolMap) broker.listeners = listenersFromMap(protocolMap);
  const topicSeparator = createTopicsSeparator(separator);
  const topics = createTopics.flatMap((variable) => topicsFromCreateTopics(variable, topicSeparator, options));
  return { broker, topics };
}
