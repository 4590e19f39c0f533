// Small questions rules ask of the repository model. Kept here so that every rule asks them the same way.

import type { BrokerFacts, ClientFacts, RepoModel, Role, TopicFacts } from './types.js';

export function clientsWithRole(model: RepoModel, role: Role): ClientFacts[] {
  return model.clients.filter((client) => client.role === role);
}

/** Java-family clients: the Java client itself, and Spring and Kafka Connect on top of it. */
export function isJavaFamily(client: ClientFacts): boolean {
  return client.library === 'java' || client.library === 'spring' || client.library === 'kafka-connect';
}

/** librdkafka-based clients: flat librdkafka configs, node-rdkafka, and @confluentinc/kafka-javascript. */
export function isLibrdkafkaFamily(client: ClientFacts): boolean {
  return client.library === 'librdkafka' || client.library === 'node-rdkafka' || client.library === 'confluent-kafka-javascript';
}

/**
 * The cluster the repository declares, when it declares exactly one: a single `server.properties`, one compose
 * stack, one Strimzi `Kafka`. Several unrelated declarations give no answer, so cross-file rules stay silent
 * rather than join a producer to the wrong cluster.
 */
export function declaredCluster(model: RepoModel): BrokerFacts | undefined {
  const files = new Set(model.brokers.map((broker) => broker.file));
  if (files.size !== 1) return undefined;
  const brokers = model.brokers;
  return brokers.length === 1 ? brokers[0] : brokers.find((broker) => broker.settings.length > 0) ?? brokers[0];
}

export function topicsNamed(model: RepoModel, name: string): TopicFacts[] {
  return model.topics.filter((topic) => topic.name === name);
}

/** The cluster whose defaults a topic inherits: brokers declared in the same file, else the one declared cluster. */
export function clusterOfTopic(model: RepoModel, topic: TopicFacts): BrokerFacts | undefined {
  return model.brokers.find((broker) => broker.file === topic.file) ?? declaredCluster(model);
}
