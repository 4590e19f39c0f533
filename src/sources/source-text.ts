// Facts that every source shares: whether a text is about Kafka at all, and how to merge per-part results.

import type { FileFacts } from '../model/types.js';

/** A cheap test used before reporting syntax errors: only files about Kafka get a parse-error finding. */
export function looksLikeKafkaText(text: string): boolean {
  return /kafka|bootstrap[._-]?servers|strimzi|librdkafka|\backs\b|sasl\.|security\.protocol/i.test(text);
}

export function mergeFacts(target: FileFacts, source: FileFacts): FileFacts {
  target.clients.push(...source.clients);
  target.topics.push(...source.topics);
  target.brokers.push(...source.brokers);
  target.acls.push(...source.acls);
  target.problems.push(...source.problems);
  target.dependencies.push(...source.dependencies);
  target.registeredCodecs.push(...source.registeredCodecs);
  return target;
}
