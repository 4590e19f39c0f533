import { defineRule } from '../src/engine/rule.js';
import { clusterOfTopic } from '../src/model/queries.js';
import { declaredReplicationFactor, integerOf, isJudgeable, originLocation, topicPhrase } from '../src/model/replication.js';
import { describeEffective, effectiveBrokerValue } from '../src/model/resolve.js';

// A topic created without a replication factor gets the broker's default.replication.factor, whose Apache Kafka
// default is 1 (ReplicationConfigs; Strimzi KafkaTopicSpec: "defaults to the broker's default.replication.factor";
// AdminClient replicationFactor -1). The topic's durability then lives in a broker setting nobody reviews with it.

/**
 * Declarations where leaving the replication factor out hands it to the broker. Elsewhere an absent value means
 * something else: Kafka Connect fills it itself (dead letter queue: 3, KIP-298; a topic.creation group: the default
 * group's), wurstmeister's KAFKA_CREATE_TOPICS needs it to create the topic at all, and a live topic always has
 * one. An explicit -1 means the broker default in every declaration.
 */
const BROKER_DEFAULT_WHEN_ABSENT = new Set(['strimzi', 'code']);

export default defineRule({
  id: 'topic-rf-defaults-to-broker',
  meta: {
    category: 'durability',
    defaultSeverity: 'warning',
    description: 'A topic is declared without a replication factor, so it silently gets the broker default (1 unless the cluster changes it).',
    messages: {
      unknownCluster: 'No replication factor is declared for {{topic}}, so the default.replication.factor of whichever cluster creates it applies. The Apache Kafka broker default is 1: a single copy of every record, lost with one disk or broker.',
      weakClusterDefault: 'No replication factor is declared for {{topic}}, so the default of {{cluster}} applies: {{defaultReplication}}. That leaves fewer than 3 copies of every record, decided by a broker setting rather than by the topic.',
    },
    help: 'Give the topic its replication factor explicitly (3 for data you cannot lose), e.g. spec.replicas: 3 on a Strimzi KafkaTopic.',
    inputs: ['yaml', 'json', 'code'],
  },
  check({ model, report }) {
    for (const topic of model.topics) {
      // A placeholder replication factor is supplied at deploy time.
      if (declaredReplicationFactor(topic) !== undefined) continue;
      if (!topic.replicationFactor && !BROKER_DEFAULT_WHEN_ABSENT.has(topic.declaredBy)) continue;
      // An explicit -1 is where the choice was handed over; otherwise the topic's declaration.
      const location = topic.replicationFactor?.location ?? topic.location;
      const cluster = clusterOfTopic(model, topic);
      const clusterDefault = cluster ? effectiveBrokerValue(cluster, 'default.replication.factor') : undefined;
      if (!cluster || !clusterDefault) {
        report({ messageId: 'unknownCluster', data: { topic: topicPhrase(topic) }, location, subject: topic, fingerprintKey: topic.name });
        continue;
      }
      if (!isJudgeable(clusterDefault)) continue;
      const replicas = integerOf(clusterDefault);
      // The repository declares the cluster and gives it a safe default: relying on it is a deliberate choice.
      if (replicas === undefined || replicas >= 3) continue;
      report({
        messageId: 'weakClusterDefault',
        data: { topic: topicPhrase(topic), cluster: cluster.label ?? `broker config ${cluster.file}`, defaultReplication: describeEffective(clusterDefault) },
        location,
        subject: topic,
        origin: clusterDefault.origin,
        related: [originLocation(clusterDefault, cluster.location)],
        fingerprintKey: topic.name,
      });
    }
  },
});
