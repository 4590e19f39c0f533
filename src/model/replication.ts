// Replication questions the durability rules ask of topics and brokers: a topic's replication factor and min ISR
// after inheritance from its cluster, read the same way by every rule that compares them.
//
// Inheritance follows Apache Kafka: a topic created without a replication factor gets the broker's
// `default.replication.factor` (Strimzi KafkaTopicSpec reference; AdminClient `replicationFactor: -1`), and a topic
// without `min.insync.replicas` gets the broker's value (ServerLogConfigs, default 1).

import { clusterOfTopic } from './queries.js';
import { effectiveBrokerValue, formatValue, type EffectiveValue } from './resolve.js';
import type { BrokerFacts, RepoModel, Setting, SourceLocation, TopicFacts } from './types.js';

/** An explicit setting as an effective value, so messages can describe it like any other. */
export function explicitValue(setting: Setting): EffectiveValue {
  return { key: setting.key, value: setting.value, origin: setting.origin ?? { kind: 'explicit' }, setting };
}

/** True when a value can be judged: not a placeholder filled in elsewhere (`${RF}`, `{{ .Values.rf }}`). */
export function isJudgeable(effective: EffectiveValue | undefined): effective is EffectiveValue {
  return effective !== undefined && effective.setting?.placeholder !== true;
}

/** The integer an effective value holds, or undefined for placeholders and text that is not a number. */
export function integerOf(effective: EffectiveValue | undefined): number | undefined {
  if (!isJudgeable(effective)) return undefined;
  return typeof effective.value === 'number' && Number.isInteger(effective.value) ? effective.value : undefined;
}

/**
 * The replication factor a topic declares itself. Non-positive values (`-1` in Connect `topic.creation.*` and the
 * AdminClient) mean "use the broker default", the same as leaving it out.
 */
export function declaredReplicationFactor(topic: TopicFacts): EffectiveValue | undefined {
  if (!topic.replicationFactor) return undefined;
  const declared = explicitValue(topic.replicationFactor);
  const value = integerOf(declared);
  if (value !== undefined && value <= 0) return undefined;
  return declared;
}

export interface TopicReplication {
  /** The topic's replication factor: its own, else its cluster's `default.replication.factor`. */
  replicationFactor?: EffectiveValue;
  /** The topic's `min.insync.replicas`: its own, else its cluster's, else the broker default. */
  minInsyncReplicas?: EffectiveValue;
  cluster?: BrokerFacts;
}

/**
 * A topic's replication after inheritance. Without a known cluster a topic that declares no replication factor has
 * none here: the broker default applies only to a cluster the repository actually declares.
 */
export function topicReplication(model: RepoModel, topic: TopicFacts): TopicReplication {
  const cluster = clusterOfTopic(model, topic);
  const replicationFactor = declaredReplicationFactor(topic) ??
    (cluster ? effectiveBrokerValue(cluster, 'default.replication.factor') : undefined);
  const minInsyncReplicas = effectiveBrokerValue(topic, 'min.insync.replicas', cluster);
  return { replicationFactor, minInsyncReplicas, cluster };
}

/** True when the effective value was written on this very fact (not inherited, not a default). */
export function isSetOn(fact: { settings: Setting[] }, effective: EffectiveValue): boolean {
  return effective.setting !== undefined && fact.settings.includes(effective.setting);
}

/**
 * How a message names a topic, lower-case, to follow a preposition: `topic orders`, or a source's own label when the
 * name is not a real topic (Kafka Connect `topic.creation.<group>` stands for every topic the group creates).
 */
export function topicPhrase(topic: TopicFacts): string {
  if (topic.declaredBy === 'connect' && topic.label) return topic.label;
  return `topic ${topic.name}`;
}

/**
 * Where a deciding broker or topic value comes from, for a finding's `related` list: the line that sets it, or,
 * for a broker default, the declaration (`fallback`) where nothing sets it.
 */
export function originLocation(effective: EffectiveValue, fallback: SourceLocation): { message: string; location: SourceLocation } {
  if (effective.setting) return { message: `${effective.key}=${formatValue(effective.value)} is set here`, location: effective.setting.location };
  return { message: `${effective.key} is not set here, so the Apache Kafka broker default of ${formatValue(effective.value)} applies`, location: fallback };
}
