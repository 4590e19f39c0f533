import { defineRule } from '../src/engine/rule.js';
import { locationKey } from '../src/model/setting-occurrences.js';
import type { Severity } from '../src/model/types.js';
import { declaredReplicationFactor, integerOf, isSetOn, originLocation, topicPhrase, topicReplication } from '../src/model/replication.js';
import { describeEffective, effectiveBrokerValue, explicitSetting } from '../src/model/resolve.js';

// A partition accepts acks=all writes only while its ISR has at least min.insync.replicas members; otherwise the
// producer gets NotEnoughReplicas (TopicConfig MIN_IN_SYNC_REPLICAS_DOC). min ISR = RF turns any one broker outage
// (a rolling restart included) into a write outage; min ISR > RF means writes never succeed. Strimzi issue #9469
// is the inherited case: RF 2 topics under a cluster-wide min ISR 2. JulieOps requires min ISR ≤ RF − 1.

type Comparison = 'above' | 'equal';

/** How a min ISR compares with a replication factor, or undefined when the pair is fine to have. */
function compare(minIsr: number, replicas: number): Comparison | undefined {
  if (minIsr > replicas) return 'above';
  // RF 1 with min ISR 1 is the only possible min ISR for one replica: the fix is more replicas, which
  // replication-factor-too-low already asks for.
  if (minIsr === replicas && replicas > 1) return 'equal';
  return undefined;
}

const SEVERITY: Record<Comparison, Severity> = { above: 'error', equal: 'warning' };

/** Broker-level minimum and the replication factor of the topics it governs; both must be explicit. */
const BROKER_PAIRS = [
  { minIsrKey: 'min.insync.replicas', replicationKey: 'default.replication.factor', above: 'brokerAbove', equal: 'brokerEqual' },
  { minIsrKey: 'transaction.state.log.min.isr', replicationKey: 'transaction.state.log.replication.factor', above: 'transactionLogAbove', equal: 'transactionLogEqual' },
] as const;

export default defineRule({
  id: 'min-isr-ge-replication-factor',
  meta: {
    category: 'durability',
    defaultSeverity: 'error',
    description: 'min.insync.replicas is at least the replication factor, so one broker outage (or every write) fails acks=all producers.',
    messages: {
      topicAbove: 'acks=all writes to {{topic}} need more in-sync replicas than there are replicas: {{minIsr}} with {{replication}}. Every such write fails with NotEnoughReplicas.',
      topicEqual: 'acks=all writes to {{topic}} need every replica in sync: {{minIsr}} with {{replication}}. While any one of its brokers is down, a rolling restart included, they fail with NotEnoughReplicas.',
      brokerAbove: 'Broker default needs more in-sync replicas than topics get by default: {{minIsr}} with {{replication}}. Every acks=all write to a topic created with the default replication factor fails with NotEnoughReplicas.',
      brokerEqual: 'Broker default needs every replica in sync: {{minIsr}} with {{replication}}. While any one broker is down, a rolling restart included, acks=all writes to topics created with the default replication factor fail with NotEnoughReplicas.',
      transactionLogAbove: 'The transaction state log needs more in-sync replicas than it has replicas: {{minIsr}} with {{replication}}. The transaction coordinator cannot write to it, so transactional producers cannot commit.',
      transactionLogEqual: 'The transaction state log needs every replica in sync: {{minIsr}} with {{replication}}. While any one of its brokers is down, transactional producers cannot commit.',
    },
    help: 'Keep min.insync.replicas at most replication factor − 1 (the usual pair is replication factor 3 with min.insync.replicas 2).',
    inputs: ['properties', 'yaml', 'json', 'env', 'live', 'code'],
  },
  check({ model, report }) {
    for (const topic of model.topics) {
      const { minInsyncReplicas, replicationFactor, cluster } = topicReplication(model, topic);
      const minIsr = integerOf(minInsyncReplicas);
      const replicas = integerOf(replicationFactor);
      if (minIsr === undefined || replicas === undefined) continue;
      const comparison = compare(minIsr, replicas);
      if (!comparison) continue;
      const ownMinIsr = isSetOn(topic, minInsyncReplicas!);
      const ownReplication = declaredReplicationFactor(topic) !== undefined;
      // When both values come from the cluster, the broker check below reports it once, at the broker.
      if (!ownMinIsr && !ownReplication) continue;
      const anchor = ownMinIsr ? minInsyncReplicas! : replicationFactor!;
      const other = ownMinIsr ? replicationFactor! : minInsyncReplicas!;
      report({
        messageId: comparison === 'above' ? 'topicAbove' : 'topicEqual',
        data: { topic: topicPhrase(topic), minIsr: describeEffective(minInsyncReplicas!), replication: describeEffective(replicationFactor!) },
        location: anchor.setting?.location ?? topic.location,
        severity: SEVERITY[comparison],
        subject: topic,
        origin: anchor.origin,
        related: [originLocation(other, (cluster ?? topic).location)],
        fingerprintKey: topic.name,
      });
    }
    // Compose services sharing one environment block (YAML anchors) share its lines: one finding per line.
    const reported = new Set<string>();
    for (const broker of model.brokers) {
      for (const pair of BROKER_PAIRS) {
        if (!explicitSetting(broker, pair.minIsrKey) || !explicitSetting(broker, pair.replicationKey)) continue;
        const minInsyncReplicas = effectiveBrokerValue(broker, pair.minIsrKey)!;
        const replicationFactor = effectiveBrokerValue(broker, pair.replicationKey)!;
        const minIsr = integerOf(minInsyncReplicas);
        const replicas = integerOf(replicationFactor);
        if (minIsr === undefined || replicas === undefined) continue;
        const comparison = compare(minIsr, replicas);
        if (!comparison || reported.has(locationKey(minInsyncReplicas.setting!.location))) continue;
        reported.add(locationKey(minInsyncReplicas.setting!.location));
        report({
          messageId: pair[comparison],
          data: { minIsr: describeEffective(minInsyncReplicas), replication: describeEffective(replicationFactor) },
          location: minInsyncReplicas.setting!.location,
          severity: SEVERITY[comparison],
          subject: broker,
          origin: minInsyncReplicas.origin,
          related: [originLocation(replicationFactor, broker.location)],
          fingerprintKey: pair.minIsrKey,
        });
      }
    }
  },
});
