import { defineRule } from '../src/engine/rule.js';
import { clientsWithRole, clusterOfTopic, declaredCluster, topicsNamed } from '../src/model/queries.js';
import { judgeableClientValue } from '../src/model/judgeable.js';
import { integerOf, isSetOn, originLocation, topicPhrase } from '../src/model/replication.js';
import { describeEffective, effectiveBrokerValue, type EffectiveValue } from '../src/model/resolve.js';
import { locationKey } from '../src/model/setting-occurrences.js';
import type { BrokerFacts, ClientFacts, RepoModel, TopicFacts } from '../src/model/types.js';
import { developmentStackOf } from '../src/model/environments.js';

// acks=all waits only for the replicas currently in sync. With min.insync.replicas=1 (the broker default,
// ServerLogConfigs) the ISR may shrink to the leader and acks=all then means acks=1. Kafka's own guidance is
// RF 3, min.insync.replicas 2, acks all (TopicConfig MIN_IN_SYNC_REPLICAS_DOC).

/** Where a producer's records land, as far as the repository tells: a declared topic, or the declared cluster. */
interface WriteTarget {
  /** The topic or broker fact whose min ISR decides. */
  fact: TopicFacts | BrokerFacts;
  /** How the message names it. */
  description: string;
  minInsyncReplicas?: EffectiveValue;
  fingerprintKey: string;
}

function clusterName(cluster: BrokerFacts): string {
  return cluster.label ?? `broker config ${cluster.file}`;
}

function topicTarget(model: RepoModel, topic: TopicFacts): WriteTarget | undefined {
  const cluster = clusterOfTopic(model, topic);
  const minInsyncReplicas = effectiveBrokerValue(topic, 'min.insync.replicas', cluster);
  // A topic that leaves min ISR to a cluster the repository does not declare gets that cluster's value, which may
  // well be 2: unknown, so not judged.
  if (!cluster && !(minInsyncReplicas && isSetOn(topic, minInsyncReplicas))) return undefined;
  // The fact that decides is the topic when it sets min ISR itself, else the cluster it inherits from; the topic's
  // own environment (a dev stack) still counts when it has one.
  const inherited = cluster && minInsyncReplicas && !isSetOn(topic, minInsyncReplicas) && !developmentStackOf(topic.environment);
  return {
    fact: inherited ? cluster : topic,
    description: topicPhrase(topic),
    minInsyncReplicas,
    fingerprintKey: topic.name,
  };
}

function clusterTarget(cluster: BrokerFacts, undeclaredTopics: string[]): WriteTarget {
  const topics = undeclaredTopics.length === 1 ? `topic ${undeclaredTopics[0]}` : `topics ${undeclaredTopics.join(', ')}`;
  const description = undeclaredTopics.length > 0
    ? `${topics} on the cluster of ${clusterName(cluster)} (not declared in this repository, so the cluster's value applies)`
    : `the cluster of ${clusterName(cluster)} (the only cluster this repository declares)`;
  return {
    fact: cluster,
    description,
    minInsyncReplicas: effectiveBrokerValue(cluster, 'min.insync.replicas'),
    fingerprintKey: undeclaredTopics[0] ?? 'min.insync.replicas',
  };
}

function writeTargets(model: RepoModel, producer: ClientFacts): WriteTarget[] {
  const targets: WriteTarget[] = [];
  const undeclared: string[] = [];
  for (const name of new Set(producer.topics.map((reference) => reference.name))) {
    const declared = topicsNamed(model, name);
    if (declared.length === 0) undeclared.push(name);
    for (const topic of declared) {
      const target = topicTarget(model, topic);
      if (target) targets.push(target);
    }
  }
  const cluster = declaredCluster(model);
  if (!cluster) return targets;
  if (undeclared.length > 0) {
    targets.push(clusterTarget(cluster, undeclared));
  } else if (producer.topics.length === 0 && !declaredTopicsAllSafe(model)) {
    // A producer that names no topic writes somewhere on the one declared cluster. When every topic the repository
    // declares has a safe min ISR, it most likely writes one of those, and the cluster default does not decide.
    targets.push(clusterTarget(cluster, []));
  }
  return targets;
}

function declaredTopicsAllSafe(model: RepoModel): boolean {
  if (model.topics.length === 0) return false;
  return model.topics.every((topic) => {
    const minIsr = integerOf(effectiveBrokerValue(topic, 'min.insync.replicas', clusterOfTopic(model, topic)));
    return minIsr !== undefined && minIsr >= 2;
  });
}

export default defineRule({
  id: 'acks-all-with-min-isr-1',
  meta: {
    category: 'durability',
    defaultSeverity: 'warning',
    description: 'A producer uses acks=all against a topic or cluster whose min.insync.replicas is 1, so acks=all can degrade to a leader-only acknowledgement.',
    messages: {
      minIsrOne: 'Producer waits for all in-sync replicas with {{acks}}, but writes to {{target}} are accepted with a single in-sync replica: {{minIsr}}. Once the followers fall out of sync, acks=all is met by the leader alone, and losing that leader loses acknowledged records.',
    },
    help: 'Set min.insync.replicas=2 on the topic or as the broker default (with replication factor 3), so acks=all always means at least two copies.',
    inputs: ['properties', 'yaml', 'json', 'env', 'code', 'live'],
  },
  check({ model, report }) {
    // One producer line shared by several producer facts (Spring profiles) gives one finding per target.
    const reported = new Set<string>();
    for (const producer of clientsWithRole(model, 'producer')) {
      const acks = judgeableClientValue(producer, 'acks');
      if (acks?.value !== 'all') continue;
      const location = acks.setting?.location ?? producer.location;
      for (const target of writeTargets(model, producer)) {
        if (integerOf(target.minInsyncReplicas) !== 1) continue;
        const identity = `${locationKey(location)}→${target.fingerprintKey}@${locationKey(target.fact.location)}`;
        if (reported.has(identity)) continue;
        reported.add(identity);
        report({
          messageId: 'minIsrOne',
          data: { acks: describeEffective(acks), target: target.description, minIsr: describeEffective(target.minInsyncReplicas!) },
          location,
          subject: target.fact,
          origin: target.minInsyncReplicas!.origin,
          related: [originLocation(target.minInsyncReplicas!, target.fact.location)],
          fingerprintKey: target.fingerprintKey,
        });
      }
    }
  },
});
