// The value a policy judges on one fact: the effective value after inheritance and defaults, or why there is none.
//
// Clients: explicit ?? the library's default (model/resolve.ts). Brokers: explicit ?? the Apache Kafka broker
// default. Topics: their own setting, else their cluster's, else the broker default — but only for a cluster the
// repository declares: a topic that leaves a value to a cluster configured elsewhere has that cluster's value, which
// may well meet the policy, so it is unknown rather than assumed to be Kafka's default (the same stance as
// acks-all-with-min-isr-1). A placeholder (`${MIN_ISR}`, `{{ .Values.acks }}`) is decided elsewhere: unknown too.

import { describeConflicts, producerIdempotence } from '../model/idempotence.js';
import { clusterOfTopic } from '../model/queries.js';
import { isConsumerKey, isProducerKey } from '../model/roles.js';
import { declaredReplicationFactor, explicitValue, integerOf } from '../model/replication.js';
import { effectiveBrokerValue, effectiveClientValue, formatLocation, type EffectiveValue } from '../model/resolve.js';
import type { BrokerFacts, ClientFacts, RepoModel, TopicFacts } from '../model/types.js';

export type PolicyFact = ClientFacts | TopicFacts | BrokerFacts;

export type PolicyValue =
  | {
      state: 'known';
      effective: EffectiveValue;
      /** The cluster a topic took the value from (its explicit setting or, when nothing sets it, its default). */
      inheritedFrom?: BrokerFacts;
    }
  /** Nothing sets the key and no default is known for it. */
  | { state: 'unset' }
  /** A placeholder, or a topic value left to a cluster this repository does not declare. */
  | { state: 'unknown' }
  /** A producer-only key on a consumer, or the reverse, that the client does not set: not its concern. */
  | { state: 'inapplicable' };

const UNKNOWN: PolicyValue = { state: 'unknown' };
const UNSET: PolicyValue = { state: 'unset' };
const INAPPLICABLE: PolicyValue = { state: 'inapplicable' };

/**
 * Whether a key the client does not set concerns its role. The default tables hold every client key for every
 * client, so without this a consumer would "have" acks=all and a producer isolation.level=read_uncommitted.
 * Streams clients are producers and consumers at once.
 */
function concernsRole(client: ClientFacts, key: string): boolean {
  const producerOnly = isProducerKey(key) && !isConsumerKey(key);
  const consumerOnly = isConsumerKey(key) && !isProducerKey(key);
  if (producerOnly) return client.role === 'producer' || client.role === 'streams';
  if (consumerOnly) return client.role === 'consumer' || client.role === 'streams';
  return true;
}

function known(effective: EffectiveValue | undefined, inheritedFrom?: BrokerFacts): PolicyValue {
  if (!effective) return UNSET;
  if (effective.setting?.placeholder) return UNKNOWN;
  return inheritedFrom ? { state: 'known', effective, inheritedFrom } : { state: 'known', effective };
}

/**
 * Topic fields that are not `config` entries: a topic's own `replicas`/`partitions`, which fall back to the
 * cluster's `default.replication.factor` / `num.partitions` (Strimzi KafkaTopicSpec; AdminClient `-1`).
 */
const TOPIC_FIELDS: Record<string, { own: (topic: TopicFacts) => EffectiveValue | undefined; clusterKey: string }> = {
  'replication.factor': { own: declaredReplicationFactor, clusterKey: 'default.replication.factor' },
  partitions: {
    own: (topic) => {
      if (!topic.partitions) return undefined;
      const declared = explicitValue(topic.partitions);
      const value = integerOf(declared);
      return value !== undefined && value <= 0 ? undefined : declared;
    },
    clusterKey: 'num.partitions',
  },
};

function topicValue(model: RepoModel, topic: TopicFacts, key: string): PolicyValue {
  const field = TOPIC_FIELDS[key];
  const own = field ? field.own(topic) : effectiveBrokerValue(topic, key);
  if (own?.setting && topic.settings.includes(own.setting)) return known(own);
  if (field && own) return known(own);
  const cluster = clusterOfTopic(model, topic);
  if (!cluster) return UNKNOWN;
  return known(field ? effectiveBrokerValue(cluster, field.clusterKey) : effectiveBrokerValue(topic, key, cluster), cluster);
}

/**
 * A producer's idempotence as the client ends up with it, not as configured: a transactional.id turns it on, and a
 * Java producer that leaves it unset turns its default off when acks, retries or in-flight requests conflict
 * (model/idempotence.ts). A policy that requires idempotence must see that.
 */
function producerIdempotenceValue(client: ClientFacts): EffectiveValue | undefined {
  const state = producerIdempotence(client);
  if (state?.source === 'transactional') {
    const because = `implied by transactional.id set at ${formatLocation(state.transactionalId!.location)}`;
    return { key: 'enable.idempotence', value: true, origin: { kind: 'default', library: because } };
  }
  if (state?.source === 'silently-disabled') {
    const base = state.effective.origin.kind === 'default' ? state.effective.origin.library : 'library default';
    const verb = state.conflicts.length === 1 ? 'turns' : 'turn';
    const because = `the ${base} is true, but ${describeConflicts(state.conflicts)} ${verb} it off`;
    return { key: 'enable.idempotence', value: false, origin: { kind: 'default', library: because } };
  }
  return undefined;
}

function clientValue(client: ClientFacts, key: string): PolicyValue {
  if (!concernsRole(client, key) && !client.settings.some((setting) => setting.key === key)) return INAPPLICABLE;
  const decided = key === 'enable.idempotence' && client.role === 'producer' ? producerIdempotenceValue(client) : undefined;
  return known(decided ?? effectiveClientValue(client, key));
}

/** What the policy sees for `key` (canonical) on this fact. */
export function policyValue(model: RepoModel, fact: PolicyFact, key: string): PolicyValue {
  switch (fact.kind) {
    case 'client':
      return clientValue(fact, key);
    case 'broker':
      return known(effectiveBrokerValue(fact, key));
    case 'topic':
      return topicValue(model, fact, key);
  }
}
