// Effective value = explicit ?? library default. Every effective value says where it came from, so a finding can
// tell the user "acks=1 (Java client 2.8.1 default)" or "acks=1 (producer.properties:3)".

import { brokerDefault, clientDefault } from './defaults.js';
import type { BrokerFacts, ClientFacts, Origin, Setting, SettingValue, SourceLocation, TopicFacts } from './types.js';

export interface EffectiveValue {
  key: string;
  value: SettingValue;
  origin: Origin;
  /** The explicit setting, when there is one (the last occurrence). */
  setting?: Setting;
}

/** The last explicit occurrence of a key: later entries win in every format we read. */
export function explicitSetting(fact: { settings: Setting[] }, key: string): Setting | undefined {
  for (let index = fact.settings.length - 1; index >= 0; index--) {
    if (fact.settings[index].key === key) return fact.settings[index];
  }
  return undefined;
}

function fromSetting(setting: Setting): EffectiveValue {
  return { key: setting.key, value: setting.value, origin: setting.origin ?? { kind: 'explicit' }, setting };
}

export function effectiveClientValue(client: ClientFacts, key: string): EffectiveValue | undefined {
  const setting = explicitSetting(client, key);
  if (setting) return fromSetting(setting);
  if (client.library === 'platformatic' && key === 'acks') {
    // @platformatic/kafka: `acks ??= idempotent ? ALL : LEADER` — a missing key means acks=1 unless idempotent.
    const idempotent = effectiveClientValue(client, 'enable.idempotence')?.value === true;
    return { key, value: idempotent ? 'all' : '1', origin: { kind: 'default', library: '@platformatic/kafka default' } };
  }
  const fallback = clientDefault(client, key);
  if (!fallback) return undefined;
  return { key, value: fallback.value, origin: { kind: 'default', library: fallback.source } };
}

/** Broker or topic value: explicit, else (for a topic) its cluster's broker value, else the broker default. */
export function effectiveBrokerValue(fact: BrokerFacts | TopicFacts, key: string, cluster?: BrokerFacts): EffectiveValue | undefined {
  const setting = explicitSetting(fact, key);
  if (setting) return fromSetting(setting);
  if (cluster && cluster !== fact) {
    const inherited = explicitSetting(cluster, key);
    if (inherited) return fromSetting(inherited);
  }
  const fallback = brokerDefault(key);
  if (!fallback) return undefined;
  return { key, value: fallback.value, origin: { kind: 'default', library: fallback.source } };
}

/** How a value reads in a message. Secret keys must never be passed here; rules name them without a value. */
export function formatValue(value: SettingValue): string {
  if (value === null) return 'null';
  if (typeof value === 'number' && !Number.isFinite(value)) return 'unlimited';
  if (Array.isArray(value)) return value.join(',');
  if (value === '') return '""';
  return String(value);
}

export function formatLocation(location: SourceLocation): string {
  return `${location.file}:${location.line}`;
}

/** "explicit in producer.properties:3" or "Java client ≥ 3.0 default" — the `origin` part of every message. */
export function describeOrigin(effective: EffectiveValue): string {
  switch (effective.origin.kind) {
    case 'explicit':
      return effective.setting ? `set at ${formatLocation(effective.setting.location)}` : 'set explicitly';
    case 'default':
      return `not set: ${effective.origin.library}`;
    case 'live':
      return `live value from cluster ${effective.origin.cluster}`;
  }
}

/** `acks=1 (not set: Java client 2.8.1 default)`. */
export function describeEffective(effective: EffectiveValue): string {
  return `${effective.key}=${formatValue(effective.value)} (${describeOrigin(effective)})`;
}
