// Strimzi `KafkaTopic` → a topic fact. Per the KafkaTopicSpec reference: `spec.topicName` overrides the resource name,
// `spec.partitions` and `spec.replicas` fall back to the broker's `num.partitions` and `default.replication.factor`
// when absent, and `spec.config` holds topic-level keys (`min.insync.replicas`, `retention.ms`, …).

import type { Setting, TopicFacts } from '../../model/types.js';
import { settingFromEntry } from '../flat-config.js';
import { flattenMap, mapAt, scalarAt, type YamlContext } from '../yaml/yaml-nodes.js';
import { wholeNumber, type StrimziResource } from './strimzi-resources.js';

export function topicFromKafkaTopic(context: YamlContext, resource: StrimziResource): TopicFacts | undefined {
  const spec = mapAt(resource.root, 'spec');
  const topicName = scalarAt(spec, 'topicName');
  const name = typeof topicName === 'string' && topicName.trim() !== '' ? topicName.trim() : resource.name;
  if (name === '') return undefined;
  const config = mapAt(spec, 'config');
  const topic: TopicFacts = {
    kind: 'topic',
    declaredBy: 'strimzi',
    name,
    file: context.file,
    location: resource.location,
    settings: config ? flattenMap(context, config).map((entry) => settingFromEntry(entry)) : [],
    label: `Strimzi KafkaTopic ${name}`,
  };
  const specEntries = spec ? flattenMap(context, spec) : [];
  const partitions = countSetting(specEntries, 'partitions', 'partitions');
  const replicas = countSetting(specEntries, 'replicas', 'replication.factor');
  if (partitions) topic.partitions = partitions;
  if (replicas) topic.replicationFactor = replicas;
  return topic;
}

/** A count (`partitions: 3`, `replicas: "3"`) as a setting whose value is a number whenever it is a whole number. */
function countSetting(entries: ReturnType<typeof flattenMap>, writtenKey: string, canonical: string): Setting | undefined {
  const entry = entries.find((candidate) => candidate.key === writtenKey);
  if (!entry) return undefined;
  const setting = settingFromEntry(entry, canonical);
  const count = wholeNumber(entry.typed ?? entry.raw);
  if (count !== undefined) setting.value = count;
  return setting;
}
