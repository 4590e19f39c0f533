import { defineRule } from '../src/engine/rule.js';
import { judgeableClientValue } from '../src/model/judgeable.js';
import { clientsWithRole, isJavaFamily, isLibrdkafkaFamily } from '../src/model/queries.js';
import { isPlaceholder } from '../src/model/secrets.js';
import { describeEffective, explicitSetting, formatLocation } from '../src/model/resolve.js';
import type { ClientFacts, SourceLocation, TopicReference } from '../src/model/types.js';

/** How a partitioner maps a record key to a partition; producers in different families disagree for the same key. */
type KeyHash = 'murmur2' | 'crc32' | 'fnv1a';

// librdkafka CONFIGURATION.md (partitioner): consistent/consistent_random hash keys with CRC32, murmur2/murmur2_random
// with the Java client's murmur2, fnv1a/fnv1a_random with FNV-1a; the `_random` variants differ only for records
// without a key, and `random` ignores keys altogether (so it has no key mapping to compare).
const LIBRDKAFKA_KEY_HASH: Record<string, KeyHash> = {
  murmur2: 'murmur2',
  murmur2_random: 'murmur2',
  consistent: 'crc32',
  consistent_random: 'crc32',
  fnv1a: 'fnv1a',
  fnv1a_random: 'fnv1a',
};

// The Java client's built-in partitioning (DefaultPartitioner, and the built-in one that replaced it in 3.3, KIP-794)
// hashes keys with murmur2.
const JAVA_MURMUR2_PARTITIONERS = new Set(['org.apache.kafka.clients.producer.internals.DefaultPartitioner']);

interface KeyPartitioning {
  hash: KeyHash;
  /** `partitioner=consistent_random (not set: librdkafka default)`, for messages. */
  description: string;
  location?: SourceLocation;
}

const HASH_NAMES: Record<KeyHash, string> = { murmur2: 'murmur2', crc32: 'CRC32', fnv1a: 'FNV-1a' };

function keyPartitioningOf(client: ClientFacts): KeyPartitioning | undefined {
  if (isLibrdkafkaFamily(client)) {
    const partitioner = judgeableClientValue(client, 'partitioner');
    const hash = typeof partitioner?.value === 'string' ? LIBRDKAFKA_KEY_HASH[partitioner.value] : undefined;
    if (!partitioner || !hash) return undefined;
    return { hash, description: `${describeEffective(partitioner)}, which hashes keys with ${HASH_NAMES[hash]}`, location: partitioner.setting?.location };
  }
  if (isJavaFamily(client)) {
    const custom = explicitSetting(client, 'partitioner.class');
    if (!custom) return { hash: 'murmur2', description: 'the Java client\'s built-in partitioner, which hashes keys with murmur2' };
    const className = custom.raw.trim().replace(/^class\s+/, '');
    if (custom.placeholder || !JAVA_MURMUR2_PARTITIONERS.has(className)) return undefined;
    return { hash: 'murmur2', description: `partitioner.class=${className} (set at ${formatLocation(custom.location)}), which hashes keys with murmur2`, location: custom.location };
  }
  return undefined;
}

interface TopicWriter {
  producer: ClientFacts;
  partitioning: KeyPartitioning;
  reference: TopicReference;
}

function writersByTopic(producers: ClientFacts[]): Map<string, TopicWriter[]> {
  const byTopic = new Map<string, TopicWriter[]>();
  for (const producer of producers) {
    const partitioning = keyPartitioningOf(producer);
    if (!partitioning) continue;
    const named = new Set<string>();
    for (const reference of producer.topics) {
      if (isPlaceholder(reference.name) || named.has(reference.name)) continue;
      named.add(reference.name);
      byTopic.set(reference.name, [...(byTopic.get(reference.name) ?? []), { producer, partitioning, reference }]);
    }
  }
  return byTopic;
}

export default defineRule({
  id: 'partitioner-mismatch',
  meta: {
    category: 'governance',
    defaultSeverity: 'warning',
    description: 'Producers of the same topic hash record keys with different partitioners, so one key lands on different partitions.',
    messages: {
      mismatch: 'Producer writes topic {{topic}} with {{partitioning}}, but another producer of {{topic}} ({{otherLocation}}) uses {{otherPartitioning}}. The same key goes to different partitions depending on who sends it, so per-key ordering and co-partitioned joins break.',
    },
    help: 'Use the Java-compatible partitioner everywhere: in librdkafka-based clients set partitioner=murmur2_random.',
    inputs: ['properties', 'yaml', 'json', 'env'],
  },
  check({ model, report }) {
    for (const [topic, writers] of writersByTopic(clientsWithRole(model, 'producer'))) {
      const hashes = new Set(writers.map((writer) => writer.partitioning.hash));
      if (hashes.size < 2) continue;
      // The Java-compatible hash is the one to converge on, so only the others are told to change; without it,
      // every writer is told.
      const reference = hashes.has('murmur2') ? 'murmur2' : undefined;
      for (const writer of writers) {
        if (writer.partitioning.hash === reference) continue;
        const other = writers.find((candidate) => candidate.partitioning.hash !== writer.partitioning.hash)!;
        report({
          messageId: 'mismatch',
          data: {
            topic,
            partitioning: writer.partitioning.description,
            otherLocation: formatLocation(other.reference.location),
            otherPartitioning: other.partitioning.description,
          },
          location: writer.partitioning.location ?? writer.reference.location,
          subject: writer.producer,
          related: [{ message: `producer of ${topic} using ${HASH_NAMES[other.partitioning.hash]}`, location: other.reference.location }],
          fingerprintKey: `partitioner:${topic}`,
        });
      }
    }
  },
});
