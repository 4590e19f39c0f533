// A broker's listeners as clients see them: name, security protocol and advertised host. Kafka's rules (broker
// configuration reference, `listeners`, `advertised.listeners`, `listener.security.protocol.map`,
// `controller.listener.names`):
// - `advertised.listeners` defaults to `listeners`; controller listeners are never advertised to clients.
// - A listener's protocol comes from `listener.security.protocol.map`, whose default maps each security protocol
//   name to itself (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL).
// - An empty host (`PLAINTEXT://:9092`) binds the default interface and advertises the machine's host name.

import { hostOfAddress } from './hosts.js';
import { explicitSetting } from './resolve.js';
import type { BrokerFacts, Setting, SourceLocation } from './types.js';

export const SECURITY_PROTOCOLS = ['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'];

/** Protocols that send bytes unencrypted. */
export const PLAINTEXT_PROTOCOLS = new Set(['PLAINTEXT', 'SASL_PLAINTEXT']);

export interface BrokerListener {
  /** Listener name as written; Kafka compares names case-insensitively (upper case). */
  name: string;
  /** Security protocol, upper case; undefined when the map does not say and the name is not a protocol. */
  protocol?: string;
  /** Host as written (lower case): `''` for an empty host, undefined when the source does not know it. */
  host?: string;
  /** Where this listener was read from. */
  location: SourceLocation;
  /** The setting that named it (`advertised.listeners`, `listeners`), when it came from settings. */
  setting?: Setting;
  /** The `listener.security.protocol.map` setting that gave its protocol, when explicit. */
  protocolSetting?: Setting;
}

function settingText(setting: Setting | undefined): string[] | undefined {
  if (!setting || setting.placeholder) return undefined;
  if (Array.isArray(setting.value)) return setting.value;
  if (typeof setting.value === 'string') return setting.value.split(',').map((item) => item.trim()).filter((item) => item !== '');
  return undefined;
}

/** Listener name → protocol, from an explicit map or Kafka's default identity map. */
export function securityProtocolMap(broker: BrokerFacts): { map: Map<string, string>; setting?: Setting } {
  const setting = explicitSetting(broker, 'listener.security.protocol.map');
  const entries = settingText(setting);
  const map = new Map<string, string>();
  if (!entries) {
    for (const protocol of SECURITY_PROTOCOLS) map.set(protocol, protocol);
    return { map };
  }
  for (const entry of entries) {
    const [name, protocol] = entry.split(':').map((part) => part.trim().toUpperCase());
    if (name && protocol) map.set(name, protocol);
  }
  return { map, setting };
}

/** Names of controller listeners (KRaft), which brokers do not advertise to clients. */
export function controllerListenerNames(broker: BrokerFacts): Set<string> {
  const entries = settingText(explicitSetting(broker, 'controller.listener.names')) ?? [];
  return new Set(entries.map((name) => name.toUpperCase()));
}

/** `NAME://host:port` entries of a listener list; entries that are not in that form are left out. */
function parseListenerList(setting: Setting): Array<{ name: string; host: string | undefined }> {
  const parsed: Array<{ name: string; host: string | undefined }> = [];
  for (const entry of settingText(setting) ?? []) {
    const match = /^([A-Za-z0-9_-]+):\/\/(.*)$/.exec(entry.trim());
    if (!match) continue;
    parsed.push({ name: match[1], host: hostOfAddress(match[2]) });
  }
  return parsed;
}

/**
 * The listeners a broker advertises to clients, from its settings (`advertised.listeners`, else `listeners` minus
 * controller listeners), else from the listeners its source recorded (Strimzi). A broker that declares none gives
 * an empty list: the rules do not guess Kafka's built-in default listener.
 */
export function advertisedListeners(broker: BrokerFacts): BrokerListener[] {
  const { map, setting: protocolSetting } = securityProtocolMap(broker);
  const controllers = controllerListenerNames(broker);
  const advertised = explicitSetting(broker, 'advertised.listeners');
  const bound = explicitSetting(broker, 'listeners');
  const source = advertised ?? bound;
  if (source) {
    if (source.placeholder) return [];
    return parseListenerList(source)
      .filter((listener) => source === advertised || !controllers.has(listener.name.toUpperCase()))
      .map((listener) => ({
        name: listener.name,
        protocol: map.get(listener.name.toUpperCase()),
        host: listener.host,
        location: source.location,
        setting: source,
        ...(protocolSetting ? { protocolSetting } : {}),
      }));
  }
  return (broker.listeners ?? [])
    .filter((listener) => !controllers.has(listener.name.toUpperCase()))
    .map((listener) => ({ name: listener.name, protocol: listener.protocol.toUpperCase(), location: listener.location }));
}

/** Every listener a broker binds, controller listeners included, with its protocol and host. */
export function boundListeners(broker: BrokerFacts): BrokerListener[] {
  const { map, setting: protocolSetting } = securityProtocolMap(broker);
  const bound = explicitSetting(broker, 'listeners');
  if (bound) {
    if (bound.placeholder) return [];
    return parseListenerList(bound).map((listener) => ({
      name: listener.name,
      protocol: map.get(listener.name.toUpperCase()),
      host: listener.host,
      location: bound.location,
      setting: bound,
      ...(protocolSetting ? { protocolSetting } : {}),
    }));
  }
  return (broker.listeners ?? []).map((listener) => ({
    name: listener.name,
    protocol: listener.protocol.toUpperCase(),
    location: listener.location,
  }));
}
