import { defineRule } from '../src/engine/rule.js';
import { integerOf } from '../src/model/replication.js';
import { effectiveBrokerValue } from '../src/model/resolve.js';
import type { LivePartitionFacts, TopicFacts } from '../src/model/types.js';

// Below min.insync.replicas an acks=all write fails with NOT_ENOUGH_REPLICAS (TopicConfig MIN_IN_SYNC_REPLICAS_DOC);
// at it, one more follower falling behind stops those writes.

function minIsrOf(topic: TopicFacts): number | undefined {
  return integerOf(effectiveBrokerValue(topic, 'min.insync.replicas'));
}

function partitionList(partitions: LivePartitionFacts[]): string {
  return partitions.slice(0, 5).map((partition) => `${partition.partition} (ISR ${partition.isr.length})`).join(', ') + (partitions.length > 5 ? ` and ${partitions.length - 5} more` : '');
}

export default defineRule({
  id: 'live-under-min-isr',
  meta: {
    category: 'live',
    defaultSeverity: 'error',
    description: 'A live topic has partitions with fewer in-sync replicas than its min.insync.replicas, so acks=all producers cannot write to them.',
    messages: {
      underMinIsr: 'Topic {{topic}} has {{count}} partition(s) below min.insync.replicas={{minIsr}}: {{partitions}}. Producers with acks=all get NOT_ENOUGH_REPLICAS for them.',
    },
    help: 'Bring the out-of-sync replicas back; do not lower min.insync.replicas to make the errors go away.',
    inputs: ['live'],
  },
  check({ model, report }) {
    for (const topic of model.topics) {
      if (topic.declaredBy !== 'live') continue;
      const minIsr = minIsrOf(topic);
      if (minIsr === undefined) continue;
      const under = (topic.livePartitions ?? []).filter((partition) => partition.leader >= 0 && partition.isr.length < minIsr);
      if (under.length === 0) continue;
      report({
        messageId: 'underMinIsr',
        data: { topic: topic.name, count: under.length, minIsr, partitions: partitionList(under) },
        location: topic.location,
        subject: topic,
        origin: { kind: 'live', cluster: model.live?.clusterId ?? 'unknown' },
        fingerprintKey: topic.name,
      });
    }
  },
});
