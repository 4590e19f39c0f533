// Strimzi `spec.kafka.listeners` → listener name and Kafka security protocol.
//
// Two shapes exist (Strimzi API reference, GenericKafkaListener and the older KafkaListeners):
// - since Strimzi 0.20 an array of `{ name, port, type, tls, authentication }`;
// - before it, in v1alpha1/v1beta1, a map with the fixed keys `plain` (port 9092, no TLS), `tls` (9093, TLS) and
//   `external` (9094; TLS unless `tls: false`, and always TLS for `route` and `ingress`).
// The protocol follows from encryption and authentication: `scram-sha-512` and `oauth` authenticate through SASL,
// `tls` authenticates with client certificates (still the SSL protocol), and `custom` uses SASL when `sasl: true`.

import { isMap, isPair, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import type { ListenerFacts } from '../../model/types.js';
import { locationOf, mapAt, scalarAt, spanTo, type YamlContext } from '../yaml/yaml-nodes.js';

const SASL_AUTHENTICATION = new Set(['scram-sha-512', 'oauth']);

/** The Kafka security protocol of a listener from its encryption and authentication. */
export function securityProtocolOf(tls: boolean, authentication: YAMLMap | undefined): string {
  const type = String(scalarAt(authentication, 'type') ?? '').trim().toLowerCase();
  const sasl = SASL_AUTHENTICATION.has(type) || (type === 'custom' && isTrue(scalarAt(authentication, 'sasl')));
  if (tls) return sasl ? 'SASL_SSL' : 'SSL';
  return sasl ? 'SASL_PLAINTEXT' : 'PLAINTEXT';
}

function isTrue(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
}

function isFalse(value: unknown): boolean {
  return value === false || (typeof value === 'string' && value.trim().toLowerCase() === 'false');
}

export function listenersOf(context: YamlContext, kafka: YAMLMap): ListenerFacts[] {
  const listeners = kafka.get('listeners', true) as Node | undefined;
  if (isSeq(listeners)) return listeners.items.filter(isMap).map((listener) => arrayListener(context, listener));
  if (isMap(listeners)) return legacyListeners(context, listeners);
  return [];
}

function arrayListener(context: YamlContext, listener: YAMLMap): ListenerFacts {
  const name = scalarAt(listener, 'name');
  const port = scalarAt(listener, 'port');
  return {
    name: name === undefined || name === null ? `port ${String(port ?? '?')}` : String(name),
    protocol: securityProtocolOf(isTrue(scalarAt(listener, 'tls')), mapAt(listener, 'authentication')),
    location: locationOf(context, listener),
  };
}

function legacyListeners(context: YamlContext, listeners: YAMLMap): ListenerFacts[] {
  const facts: ListenerFacts[] = [];
  for (const pair of listeners.items) {
    if (!isPair(pair) || !isScalar(pair.key)) continue;
    const name = String(pair.key.value);
    const value = pair.value as Node | null;
    const settings = isMap(value) ? value : undefined;
    const tls = legacyTls(name, settings);
    if (tls === undefined) continue;
    facts.push({
      name,
      protocol: securityProtocolOf(tls, mapAt(settings, 'authentication')),
      location: spanTo(locationOf(context, pair.key as Node), locationOf(context, value ?? (pair.key as Node))),
    });
  }
  return facts;
}

/** Whether a listener of the old map form encrypts; undefined for keys that are not listeners. */
function legacyTls(name: string, settings: YAMLMap | undefined): boolean | undefined {
  if (name === 'plain') return false;
  if (name === 'tls') return true;
  if (name !== 'external') return undefined;
  const type = String(scalarAt(settings, 'type') ?? '').toLowerCase();
  if (type === 'route' || type === 'ingress') return true;
  return !isFalse(scalarAt(settings, 'tls'));
}
