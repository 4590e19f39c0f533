import { defineRule } from '../src/engine/rule.js';
import { compareVersions } from '../src/model/defaults.js';
import { judgeableClientValue } from '../src/model/judgeable.js';
import { clientsWithRole, isJavaFamily, isLibrdkafkaFamily } from '../src/model/queries.js';
import { isPlaceholder } from '../src/model/secrets.js';
import { describeEffective, explicitSetting, formatLocation } from '../src/model/resolve.js';
import type { ClientFacts, SourceLocation, TopicReference } from '../src/model/types.js';

/** How a partitioner maps a record key to a partition; producers in different families disagree for the same key. */
type KeyHash = 'murmur2' | 'crc32' | 'fnv1a' | 'kafkajs-legacy';

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

const HASH_NAMES: Record<KeyHash, string> = { murmur2: 'murmur2', crc32: 'CRC32', fnv1a: 'FNV-1a', 'kafkajs-legacy': "kafkajs 1.x's murmur2 variant" };

/**
 * kafkajs (MigrationGuide-2-0-0.md): since 2.0 its default, `DefaultPartitioner`, hashes keys like the Java client;
 * `LegacyPartitioner`, the 1.x default, computes murmur2 in JavaScript numbers and sends keys elsewhere. On 1.x,
 * `DefaultPartitioner` is that legacy one. The code source gives `partitioner=murmur2_random` or `legacy` and keeps
 * the name as written; without a known version, 2.x is assumed.
 */
function kafkajsKeyPartitioning(client: ClientFacts): KeyPartitioning | undefined {
  const before2 = client.libraryVersion !== undefined && compareVersions(client.libraryVersion, '2.0.0') < 0;
  const written = explicitSetting(client, 'partitioner');
  if (!written) {
    return before2
      ? { hash: 'kafkajs-legacy', description: `the kafkajs ${client.libraryVersion} default partitioner, which hashes keys with ${HASH_NAMES['kafkajs-legacy']}` }
      : { hash: 'murmur2', description: "kafkajs's default partitioner (DefaultPartitioner since 2.0), which hashes keys with murmur2" };
  }
  if (written.placeholder) return undefined;
  const legacy = written.value === 'legacy' || (before2 && /(^|\.)DefaultPartitioner$/.test(written.raw));
  if (!legacy && written.value !== 'murmur2_random') return undefined;
  const hash: KeyHash = legacy ? 'kafkajs-legacy' : 'murmur2';
  return { hash, description: `createPartitioner: ${written.raw} (set at ${formatLocation(written.location)}), which hashes keys with ${HASH_NAMES[hash]}`, location: written.location };
}

function keyPartitioningOf(client: ClientFacts): KeyPartitioning | undefined {
  if (client.library === 'kafkajs') return kafkajsKeyPartitioning(client);
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
    inputs: ['properties', 'yaml', 'json', 'env', 'code'],
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
