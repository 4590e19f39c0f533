import { defineRule } from '../src/engine/rule.js';

// A partition without a leader (leader -1, LEADER_NOT_AVAILABLE = 5 in Errors.java) accepts no reads and no writes.
// When kafkajs could not read a topic's metadata at all (kafkajs #1460), the same cause is the likely one.

export default defineRule({
  id: 'live-offline-partitions',
  meta: {
    category: 'live',
    defaultSeverity: 'error',
    description: 'A live topic has partitions without a leader, so producers and consumers of those partitions are stopped.',
    messages: {
      offline: 'Topic {{topic}} has {{count}} partition(s) without a leader ({{partitions}}): nothing can be written to or read from them until a replica comes back.',
      unreadable: 'The metadata of topic {{topic}} could not be read ({{error}}); a partition without a leader is the usual cause.',
    },
    help: 'Bring the brokers that hold the partition\'s replicas back; if none can return, only unclean leader election recovers the partition, and it loses data.',
    inputs: ['live'],
  },
  check({ model, report }) {
    for (const topic of model.topics) {
      if (topic.declaredBy !== 'live') continue;
      if (topic.liveMetadataError !== undefined) {
        report({ messageId: 'unreadable', data: { topic: topic.name, error: topic.liveMetadataError }, location: topic.location, subject: topic, fingerprintKey: topic.name });
        continue;
      }
      const offline = (topic.livePartitions ?? []).filter((partition) => partition.leader < 0 || partition.errorCode === 5);
      if (offline.length === 0) continue;
      report({
        messageId: 'offline',
        data: { topic: topic.name, count: offline.length, partitions: offline.map((partition) => partition.partition).join(', ') },
        location: topic.location,
        subject: topic,
        origin: { kind: 'live', cluster: model.live?.clusterId ?? 'unknown' },
        fingerprintKey: topic.name,
      });
    }
  },
});
