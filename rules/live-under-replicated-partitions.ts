import { defineRule } from '../src/engine/rule.js';

// A partition whose in-sync replica set is smaller than its replica set has lost redundancy: Kafka's own
// UnderReplicatedPartitions metric counts exactly these.

export default defineRule({
  id: 'live-under-replicated-partitions',
  meta: {
    category: 'live',
    defaultSeverity: 'error',
    description: 'A live topic has partitions whose in-sync replicas are fewer than their replicas, so it has lost redundancy.',
    messages: {
      underReplicated: 'Topic {{topic}} has {{count}} under-replicated partition(s): {{partitions}}. Each missing in-sync replica is a copy that a broker failure can no longer fall back on.',
    },
    help: 'Find out why the followers fell behind (a broker down, a slow disk, network trouble) and bring them back in sync before anything else fails.',
    inputs: ['live'],
  },
  check({ model, report }) {
    for (const topic of model.topics) {
      if (topic.declaredBy !== 'live') continue;
      const under = (topic.livePartitions ?? []).filter((partition) => partition.leader >= 0 && partition.isr.length < partition.replicas.length);
      if (under.length === 0) continue;
      const shown = under.slice(0, 5).map((partition) => `${partition.partition} (ISR ${partition.isr.length} of ${partition.replicas.length})`);
      if (under.length > 5) shown.push(`and ${under.length - 5} more`);
      report({
        messageId: 'underReplicated',
        data: { topic: topic.name, count: under.length, partitions: shown.join(', ') },
        location: topic.location,
        subject: topic,
        origin: { kind: 'live', cluster: model.live?.clusterId ?? 'unknown' },
        fingerprintKey: topic.name,
      });
    }
  },
});
