import { defineRule } from '../src/engine/rule.js';
import { declaredReplicationFactor, integerOf, topicPhrase } from '../src/model/replication.js';
import { describeEffective, effectiveBrokerValue, explicitSetting } from '../src/model/resolve.js';
import { locationKey } from '../src/model/setting-occurrences.js';

// One replica means one disk or broker loss loses the partition's data and takes it offline; two replicas cannot
// both tolerate a broker outage and insist on a second copy (min ISR 2 blocks, min ISR 1 risks loss). Kafka's
// guidance is RF 3 with min ISR 2 (TopicConfig MIN_IN_SYNC_REPLICAS_DOC; Red Hat Streams "Configuring topics for
// replication"). Broker defaults: default.replication.factor 1 (ReplicationConfigs), offsets and transaction logs 3
// (GroupCoordinatorConfig, TransactionLogConfig) — only explicit broker values are judged here; an absent
// replication factor on a topic is topic-rf-defaults-to-broker's business.

/** Broker keys that set a replication factor, and what the replicas hold. */
const BROKER_KEYS: Record<string, string> = {
  'default.replication.factor': 'topics created without their own replication factor (auto-created topics included)',
  'offsets.topic.replication.factor': 'the consumer offsets topic (__consumer_offsets: every group\'s committed positions)',
  'transaction.state.log.replication.factor': 'the transaction state log (__transaction_state)',
};

export default defineRule({
  id: 'replication-factor-too-low',
  meta: {
    category: 'durability',
    defaultSeverity: 'error',
    description: 'A topic, a broker default or an internal topic has fewer than 3 replicas (1 is an error, 2 a warning).',
    messages: {
      topicSingleReplica: 'Only one copy of each record is kept for {{topic}}: {{replication}}. Losing the disk or broker that holds a partition loses its records, and the partition is offline while that broker is down.',
      topicTwoReplicas: 'Only two copies of each record are kept for {{topic}}: {{replication}}. That cannot both survive a broker outage and insist on a second copy: with min.insync.replicas=2 one outage stops acks=all writes, with 1 a second failure during it loses acknowledged records.',
      brokerSingleReplica: 'Broker gives {{scope}} a single replica: {{replication}}. Losing the disk or broker that holds a partition loses its data, and the partition is offline while that broker is down.',
      brokerTwoReplicas: 'Broker gives {{scope}} only two replicas: {{replication}}. It cannot both survive a broker outage and insist on a second copy of each write.',
    },
    help: 'Use replication factor 3 (with min.insync.replicas=2) for topics and for the broker defaults that create them.',
    inputs: ['properties', 'yaml', 'json', 'env', 'live', 'code'],
  },
  check({ model, report }) {
    // Compose services sharing one environment block (YAML anchors) share its lines: one finding per line.
    const reported = new Set<string>();
    for (const topic of model.topics) {
      const replication = declaredReplicationFactor(topic);
      const replicas = integerOf(replication);
      if (replicas === undefined || replicas >= 3) continue;
      report({
        messageId: replicas === 1 ? 'topicSingleReplica' : 'topicTwoReplicas',
        data: { topic: topicPhrase(topic), replication: describeEffective(replication!) },
        location: replication!.setting!.location,
        severity: replicas === 1 ? 'error' : 'warning',
        subject: topic,
        origin: replication!.origin,
        fingerprintKey: topic.name,
      });
    }
    for (const broker of model.brokers) {
      for (const [key, scope] of Object.entries(BROKER_KEYS)) {
        if (!explicitSetting(broker, key)) continue;
        const replication = effectiveBrokerValue(broker, key)!;
        const replicas = integerOf(replication);
        if (replicas === undefined || replicas < 1 || replicas >= 3) continue;
        if (reported.has(locationKey(replication.setting!.location))) continue;
        reported.add(locationKey(replication.setting!.location));
        report({
          messageId: replicas === 1 ? 'brokerSingleReplica' : 'brokerTwoReplicas',
          data: { scope, replication: describeEffective(replication) },
          location: replication.setting!.location,
          severity: replicas === 1 ? 'error' : 'warning',
          subject: broker,
          origin: replication.origin,
          fingerprintKey: key,
        });
      }
    }
  },
});
