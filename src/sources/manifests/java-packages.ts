// The Maven artifact whose version decides the Java client's defaults, and how a build file's version text becomes
// a version. Spring for Apache Kafka, Kafka Streams and the broker (`kafka_2.13`) bring kafka-clients too, but their
// own version does not name the one they bring, so only `org.apache.kafka:kafka-clients` counts.

import type { LibraryDependency } from '../../model/types.js';

export const KAFKA_CLIENTS_GROUP = 'org.apache.kafka';
export const KAFKA_CLIENTS_ARTIFACT = 'kafka-clients';

/**
 * Spring Boot's dependency management picks the kafka-clients version of a Spring for Apache Kafka application, and
 * a build overrides it with this property (Maven `<properties>`, Gradle `ext['kafka.version']`): "Override Spring
 * Boot Dependencies" in the Spring for Apache Kafka reference. It counts only in a build that uses Spring for Apache
 * Kafka or Spring Boot; elsewhere a property of that name can mean anything.
 */
export const SPRING_BOOT_KAFKA_VERSION_PROPERTY = 'kafka.version';

/** Whether a build uses Spring for Apache Kafka or Spring Boot's dependency management. */
export function usesSpringKafkaOrBoot(text: string): boolean {
  return text.includes('spring-kafka') || text.includes('spring-boot');
}

/** A cheap test before scanning a build file: most name no Kafka artifact. */
export function mentionsKafkaClients(text: string): boolean {
  return text.includes(KAFKA_CLIENTS_ARTIFACT) || (text.includes(SPRING_BOOT_KAFKA_VERSION_PROPERTY) && usesSpringKafkaOrBoot(text));
}

/**
 * The release a kafka-clients version names: `3.7.0` as is; Confluent's builds (`3.7.0-ccs`) and other suffixed
 * builds as the release they are built from, since their defaults are that release's; the four-part releases before
 * 1.0 (`0.10.2.1`) as written. A Maven range pinning one version (`[3.7.0]`) gives that version; other ranges,
 * `+`, `latest.release` and anything else give undefined: a guessed version would pick defaults silently.
 */
export function javaClientVersion(text: string | undefined): string | undefined {
  if (typeof text !== 'string') return undefined;
  const pinned = /^\[\s*([^,\]]+?)\s*\]$/.exec(text.trim())?.[1] ?? text.trim();
  return /^(\d+\.\d+\.\d+(?:\.\d+)?)(?:-[0-9A-Za-z][0-9A-Za-z.-]*)?$/.exec(pinned)?.[1];
}

/**
 * The Java client dependencies of one build file: one per distinct kafka-clients version it declares (undefined: a
 * declaration without a readable version), or, when it declares none with a version, Spring Boot's `kafka.version`
 * override if the build has one.
 */
export function kafkaClientsDependencies(file: string, declaredVersions: Array<string | undefined>, bootOverride: string | undefined): LibraryDependency[] {
  const versions = [...new Set(declaredVersions)];
  if (bootOverride && versions.every((version) => version === undefined)) return [{ library: 'java', version: bootOverride, file }];
  return versions.map((version) => (version ? { library: 'java', version, file } : { library: 'java', file }));
}
