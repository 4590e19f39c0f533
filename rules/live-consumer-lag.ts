import { defineRule } from '../src/engine/rule.js';

// lag = high watermark − committed offset, per partition; a partition never committed (-1) has no lag, the group's
// auto.offset.reset decides where it starts. The threshold comes from `--lag-threshold` (default 1000).

export const DEFAULT_LAG_THRESHOLD = 1000;

export default defineRule({
  id: 'live-consumer-lag',
  meta: {
    category: 'live',
    defaultSeverity: 'warning',
    description: 'A consumer group\'s committed offsets are further behind the high watermark than the lag threshold.',
    messages: {
      lag: 'Group {{group}} lags {{lag}} records behind on {{topic}} (threshold {{threshold}}): {{partitions}}.',
    },
    help: 'Check that the group\'s consumers run and keep up (more consumers, up to the partition count, or faster processing); raise --lag-threshold if this lag is normal for the group.',
    inputs: ['live'],
  },
  check({ model, report }) {
    const threshold = model.live?.lagThreshold ?? DEFAULT_LAG_THRESHOLD;
    for (const group of model.live?.groups ?? []) {
      const byTopic = new Map<string, Array<{ partition: number; lag: number; committed: number; highWatermark: number }>>();
      for (const offset of group.offsets) {
        if (offset.lag === undefined || offset.lag === 0) continue;
        byTopic.set(offset.topic, [...(byTopic.get(offset.topic) ?? []), { ...offset, lag: offset.lag }]);
      }
      for (const [topic, partitions] of byTopic) {
        const lag = partitions.reduce((sum, partition) => sum + partition.lag, 0);
        if (lag <= threshold) continue;
        const detail = partitions.slice(0, 5).map((partition) => `partition ${partition.partition} committed ${partition.committed}, high watermark ${partition.highWatermark}, lag ${partition.lag}`);
        report({
          messageId: 'lag',
          data: { group: group.groupId, lag, topic, threshold, partitions: detail.join('; ') },
          location: group.location,
          origin: { kind: 'live', cluster: model.live!.clusterId },
          fingerprintKey: `${group.groupId}/${topic}`,
        });
      }
    }
  },
});
