import { defineRule } from '../src/engine/rule.js';
import { integerOf } from '../src/model/replication.js';
import { effectiveBrokerValue } from '../src/model/resolve.js';

// A partition exactly at min.insync.replicas (with more replicas than that) still takes acks=all writes, but one more
// follower falling out of sync stops them (TopicConfig MIN_IN_SYNC_REPLICAS_DOC).

export default defineRule({
  id: 'live-at-min-isr',
  meta: {
    category: 'live',
    defaultSeverity: 'warning',
    description: 'A live topic has partitions exactly at min.insync.replicas, so one more lagging follower stops acks=all writes.',
    messages: {
      atMinIsr: 'Topic {{topic}} has {{count}} partition(s) with exactly min.insync.replicas={{minIsr}} in-sync replicas ({{partitions}}); one more follower falling behind stops acks=all writes.',
    },
    help: 'Bring the lagging followers back in sync; the partition has no margin left.',
    inputs: ['live'],
  },
  check({ model, report }) {
    for (const topic of model.topics) {
      if (topic.declaredBy !== 'live') continue;
      const minIsr = integerOf(effectiveBrokerValue(topic, 'min.insync.replicas'));
      if (minIsr === undefined) continue;
      const at = (topic.livePartitions ?? []).filter((partition) => partition.leader >= 0 && partition.isr.length === minIsr && partition.replicas.length > minIsr);
      if (at.length === 0) continue;
      report({
        messageId: 'atMinIsr',
        data: { topic: topic.name, count: at.length, minIsr, partitions: at.slice(0, 5).map((partition) => partition.partition).join(', ') + (at.length > 5 ? ', …' : '') },
        location: topic.location,
        subject: topic,
        origin: { kind: 'live', cluster: model.live?.clusterId ?? 'unknown' },
        fingerprintKey: topic.name,
      });
    }
  },
});
