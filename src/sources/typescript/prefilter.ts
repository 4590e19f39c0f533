// The substring test that decides whether a code file is parsed at all. Reading and scanning a file costs
// microseconds; parsing it costs milliseconds, and most files of a service never touch Kafka.

/** The client libraries kafkalint understands, by the module name code imports them with. */
export const KAFKA_CLIENT_MODULES = ['kafkajs', '@confluentinc/kafka-javascript', 'node-rdkafka', '@platformatic/kafka'] as const;
export type KafkaClientModule = (typeof KAFKA_CLIENT_MODULES)[number];

export function mentionsKafkaClient(text: string): boolean {
  // Every module name above contains `kafka`: one scan rejects almost every file instead of four.
  if (!text.includes('kafka')) return false;
  return KAFKA_CLIENT_MODULES.some((name) => text.includes(name));
}
