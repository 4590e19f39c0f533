// Each written setting once. One written line can stand in several facts: a client file shared by a producer and a
// consumer gives both the same settings, and Spring Boot copies `spring.kafka.*` common settings into every client.
// Rules that judge a line (not a client) walk settings through here so that the line gets one finding.

import type { BrokerFacts, ClientFacts, RepoModel, Setting, SourceLocation, TopicFacts } from './types.js';

export type ConfigFact = ClientFacts | BrokerFacts | TopicFacts;

export interface SettingOccurrence {
  setting: Setting;
  /** The first fact that holds the setting. */
  fact: ConfigFact;
}

export function locationKey(location: SourceLocation): string {
  return `${location.file}:${location.line}:${location.column}`;
}

/** Every fact that carries settings: clients, brokers and topics. */
export function configFacts(model: RepoModel): ConfigFact[] {
  return [...model.clients, ...model.brokers, ...model.topics];
}

/** The settings of these facts, each written setting once (by key and location), in fact order. */
export function distinctSettings(facts: ConfigFact[]): SettingOccurrence[] {
  const seen = new Set<string>();
  const occurrences: SettingOccurrence[] = [];
  for (const fact of facts) {
    for (const setting of fact.settings) {
      const key = `${setting.key}@${locationKey(setting.location)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      occurrences.push({ setting, fact });
    }
  }
  return occurrences;
}
