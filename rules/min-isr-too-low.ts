import { defineRule } from '../src/engine/rule.js';
import { integerOf, isSetOn, originLocation, topicPhrase, topicReplication } from '../src/model/replication.js';
import { describeEffective, effectiveBrokerValue, explicitSetting, type EffectiveValue } from '../src/model/resolve.js';
import { locationKey } from '../src/model/setting-occurrences.js';
import type { BrokerFacts } from '../src/model/types.js';

// min.insync.replicas 1 lets acks=all succeed with the leader alone. With three or more replicas a minimum of 2
// costs no availability for a single broker outage, so 1 is a choice to lose data (TopicConfig
// MIN_IN_SYNC_REPLICAS_DOC: RF 3, min ISR 2, acks all). transaction.state.log.min.isr is the same setting for
// __transaction_state (TransactionLogConfig, default 2).

/** A broker-level minimum and the replication factor it applies to. */
const BROKER_PAIRS = [
  { minIsrKey: 'min.insync.replicas', replicationKey: 'default.replication.factor', messageId: 'brokerMinIsrLow' },
  { minIsrKey: 'transaction.state.log.min.isr', replicationKey: 'transaction.state.log.replication.factor', messageId: 'transactionLogMinIsrLow' },
] as const;

function explicitInteger(broker: BrokerFacts, key: string): { effective: EffectiveValue; value: number } | undefined {
  const setting = explicitSetting(broker, key);
  if (!setting) return undefined;
  const effective = effectiveBrokerValue(broker, key)!;
  const value = integerOf(effective);
  return value === undefined ? undefined : { effective, value };
}

export default defineRule({
  id: 'min-isr-too-low',
  meta: {
    category: 'durability',
    defaultSeverity: 'warning',
    description: 'A topic or broker sets min.insync.replicas (or transaction.state.log.min.isr) below 2 although it has at least 3 replicas.',
    messages: {
      topicMinIsrLow: 'acks=all writes to {{topic}} succeed with a single in-sync replica: {{minIsr}}, although {{replication}} allows a minimum of 2. Once the followers lag, the leader alone confirms writes, and losing it loses them; with 3 replicas a minimum of 2 still survives one broker outage.',
      brokerMinIsrLow: 'Broker default lets acks=all writes succeed with a single in-sync replica: {{minIsr}}, although topics get {{replication}}. Every topic without its own min.insync.replicas inherits this, so losing a lone leader loses acknowledged writes; with 3 replicas a minimum of 2 still survives one broker outage.',
      transactionLogMinIsrLow: 'The transaction state log accepts writes with a single in-sync replica: {{minIsr}}, although it has {{replication}}. Losing that one broker can lose transaction state (open transactions, commit and abort decisions); with 3 replicas a minimum of 2 still survives one broker outage.',
    },
    help: 'Set min.insync.replicas=2 (transaction.state.log.min.isr=2) when the replication factor is 3 or more.',
    inputs: ['properties', 'yaml', 'json', 'env', 'live', 'code'],
  },
  check({ model, report }) {
    for (const topic of model.topics) {
      const { minInsyncReplicas, replicationFactor, cluster } = topicReplication(model, topic);
      // Only the topic's own setting: an inherited broker value is reported once, at the broker.
      if (!minInsyncReplicas || !isSetOn(topic, minInsyncReplicas)) continue;
      const minIsr = integerOf(minInsyncReplicas);
      const replicas = integerOf(replicationFactor);
      if (minIsr === undefined || replicas === undefined || minIsr >= 2 || replicas < 3) continue;
      report({
        messageId: 'topicMinIsrLow',
        data: { topic: topicPhrase(topic), minIsr: describeEffective(minInsyncReplicas), replication: describeEffective(replicationFactor!) },
        location: minInsyncReplicas.setting!.location,
        subject: topic,
        origin: minInsyncReplicas.origin,
        related: [originLocation(replicationFactor!, (cluster ?? topic).location)],
        fingerprintKey: topic.name,
      });
    }
    // Compose services sharing one environment block (YAML anchors) share its lines: one finding per line.
    const reported = new Set<string>();
    for (const broker of model.brokers) {
      for (const pair of BROKER_PAIRS) {
        const minIsr = explicitInteger(broker, pair.minIsrKey);
        const replication = effectiveBrokerValue(broker, pair.replicationKey);
        const replicas = integerOf(replication);
        if (!minIsr || minIsr.value >= 2 || replicas === undefined || replicas < 3) continue;
        if (reported.has(locationKey(minIsr.effective.setting!.location))) continue;
        reported.add(locationKey(minIsr.effective.setting!.location));
        report({
          messageId: pair.messageId,
          data: { minIsr: describeEffective(minIsr.effective), replication: describeEffective(replication!) },
          location: minIsr.effective.setting!.location,
          subject: broker,
          origin: minIsr.effective.origin,
          related: [originLocation(replication!, broker.location)],
          fingerprintKey: pair.minIsrKey,
        });
      }
    }
  },
});
