// kafkajs 2.2.4 rejects a whole Metadata response when any partition carries an error code (response parse of
// requests/metadata/v0, reused up to v6), so one leaderless partition (LEADER_NOT_AVAILABLE, 5) fails listTopics,
// describeCluster and fetchTopicMetadata for every topic: kafkajs issue #1460. An audit exists to report exactly such
// partitions, so for our process the parse keeps partition errors in the data instead of throwing. Topic-level errors
// still throw. If the module layout differs (another kafkajs version), nothing is patched and the per-topic fallback
// in read-cluster.ts still reports the topic as offline.

import { createRequire } from 'node:module';

const LEADER_NOT_AVAILABLE = 5;
const REPLICA_NOT_AVAILABLE = 9;
const TOLERATED = new Set([LEADER_NOT_AVAILABLE, REPLICA_NOT_AVAILABLE]);

interface MetadataData {
  topicMetadata: Array<{ topicErrorCode: number; partitionMetadata: Array<{ partitionErrorCode: number }> }>;
}
type Parse = (data: MetadataData) => Promise<MetadataData>;

let patched = false;

export function tolerateLeaderlessPartitions(): void {
  if (patched) return;
  patched = true;
  const require = createRequire(import.meta.url);
  for (let version = 0; version <= 6; version++) {
    let module: { parse?: Parse };
    try {
      module = require(`kafkajs/src/protocol/requests/metadata/v${version}/response.js`) as { parse?: Parse };
    } catch {
      continue;
    }
    const original = module.parse;
    if (typeof original !== 'function') continue;
    module.parse = async (data) => {
      const hidden = data.topicMetadata.map((topic) => {
        const partitions = topic.partitionMetadata;
        return { ...topic, partitionMetadata: partitions.filter((partition) => !TOLERATED.has(partition.partitionErrorCode)) };
      });
      await original({ ...data, topicMetadata: hidden });
      return data;
    };
  }
}
