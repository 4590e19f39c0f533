import { defineRule } from '../src/engine/rule.js';
import { bootstrapHosts, isLocalConnectTarget, isLoopbackHost, isUnspecifiedAddress } from '../src/model/hosts.js';
import { boundListeners, controllerListenerNames } from '../src/model/listeners.js';
import { judgeableClientValue } from '../src/model/judgeable.js';
import { describeEffective, explicitSetting, formatLocation, formatValue } from '../src/model/resolve.js';
import { locationKey } from '../src/model/setting-occurrences.js';
import type { BrokerFacts, ClientFacts, Setting } from '../src/model/types.js';

function mechanismsOf(setting: Setting): string[] {
  const items = Array.isArray(setting.value) ? setting.value : String(setting.value ?? '').split(',');
  return items.map((item) => item.trim().toUpperCase());
}

function usesPlain(setting: Setting | undefined): setting is Setting {
  return setting !== undefined && !setting.placeholder && mechanismsOf(setting).includes('PLAIN');
}

/**
 * True when every bootstrap host is this machine: the password then never crosses a network. Without a readable
 * bootstrap list the destination is unknown, and a credential rule assumes the worst.
 */
function connectsOnlyLocally(client: ClientFacts): boolean {
  const bootstrap = explicitSetting(client, 'bootstrap.servers');
  if (!bootstrap || bootstrap.placeholder) return false;
  const entries = Array.isArray(bootstrap.value) ? bootstrap.value : String(bootstrap.value ?? '').split(',');
  const hosts = bootstrapHosts(entries);
  return hosts.length > 0 && hosts.length === entries.filter((entry) => entry.trim() !== '').length && hosts.every(isLocalConnectTarget);
}

/** The listener brokers use among themselves: `inter.broker.listener.name`, else `security.inter.broker.protocol`. */
function interBrokerListenerName(broker: BrokerFacts): string | undefined {
  const named = explicitSetting(broker, 'inter.broker.listener.name') ?? explicitSetting(broker, 'security.inter.broker.protocol');
  return named && !named.placeholder ? String(named.value ?? '').trim().toUpperCase() : undefined;
}

/**
 * The settings that put SASL/PLAIN on a broker listener (Kafka broker configuration reference): the mechanisms it
 * accepts (`listener.name.<listener>.sasl.enabled.mechanisms`, else `sasl.enabled.mechanisms`, default GSSAPI), and
 * the mechanism brokers and controllers use to connect to it (`sasl.mechanism.inter.broker.protocol`,
 * `sasl.mechanism.controller.protocol`, default GSSAPI).
 */
function plainOnListener(broker: BrokerFacts, listenerName: string): Setting[] {
  const name = listenerName.toUpperCase();
  const evidence: Setting[] = [];
  if (controllerListenerNames(broker).has(name)) {
    const controller = explicitSetting(broker, 'sasl.mechanism.controller.protocol');
    if (usesPlain(controller)) evidence.push(controller);
  }
  if (interBrokerListenerName(broker) === name) {
    const interBroker = explicitSetting(broker, 'sasl.mechanism.inter.broker.protocol');
    if (usesPlain(interBroker)) evidence.push(interBroker);
  }
  const enabled = explicitSetting(broker, `listener.name.${listenerName.toLowerCase()}.sasl.enabled.mechanisms`) ?? explicitSetting(broker, 'sasl.enabled.mechanisms');
  if (usesPlain(enabled)) evidence.push(enabled);
  return evidence;
}

export default defineRule({
  id: 'sasl-plain-without-tls',
  meta: {
    category: 'security',
    defaultSeverity: 'error',
    description: 'SASL/PLAIN is used over SASL_PLAINTEXT, so user names and passwords cross the network in clear text.',
    messages: {
      clientPlainOverPlaintext:
        'Client authenticates with SASL/PLAIN (sasl.mechanism set here) over an unencrypted connection: {{protocol}}. PLAIN sends the password itself to the broker, so anyone who can see the traffic can read it and reuse it.',
      listenerPlainOverPlaintext:
        'SASL/PLAIN is used on listener {{listener}} ({{how}}), which is unencrypted{{protocolOrigin}} and bound to {{host}}. Every client, broker or controller authenticating there sends its password in clear text.',
    },
    help: 'Use SASL_SSL with PLAIN (security.protocol=SASL_SSL, or map the listener to SASL_SSL), or switch to a mechanism that does not send the password, such as SCRAM-SHA-512 — and still prefer TLS.',
    inputs: ['properties', 'yaml', 'json', 'env', 'code'],
  },
  check({ model, report }) {
    const reported = new Set<string>();

    for (const client of model.clients) {
      const mechanism = explicitSetting(client, 'sasl.mechanism');
      if (!mechanism || mechanism.placeholder || mechanism.value !== 'PLAIN') continue;
      const protocol = judgeableClientValue(client, 'security.protocol');
      if (!protocol || protocol.value !== 'SASL_PLAINTEXT') continue;
      if (connectsOnlyLocally(client)) continue;
      const key = locationKey(mechanism.location);
      if (reported.has(key)) continue;
      reported.add(key);
      report({
        messageId: 'clientPlainOverPlaintext',
        data: { protocol: describeEffective(protocol) },
        location: mechanism.location,
        subject: client,
        origin: protocol.origin,
        related: protocol.setting ? [{ message: 'the connection is made unencrypted here', location: protocol.setting.location }] : [],
        fingerprintKey: 'sasl.mechanism',
      });
    }

    for (const broker of model.brokers) {
      if (broker.declaredBy === 'live') continue;
      for (const listener of boundListeners(broker)) {
        if (listener.protocol !== 'SASL_PLAINTEXT') continue;
        // Bound to loopback only, the password never leaves the machine; an unknown host (a template) is not judged.
        if (listener.host === undefined || isLoopbackHost(listener.host)) continue;
        const evidence = plainOnListener(broker, listener.name);
        if (evidence.length === 0) continue;
        const key = `${locationKey(evidence[0].location)}#${listener.name}`;
        if (reported.has(key)) continue;
        reported.add(key);
        report({
          messageId: 'listenerPlainOverPlaintext',
          data: {
            listener: listener.name,
            how: evidence.map((setting) => `${setting.key}=${formatValue(setting.value)}`).join('; '),
            protocolOrigin: listener.protocolSetting
              ? ` (SASL_PLAINTEXT in listener.security.protocol.map at ${formatLocation(listener.protocolSetting.location)})`
              : listener.name.toUpperCase() === 'SASL_PLAINTEXT' ? '' : ' (SASL_PLAINTEXT)',
            host: listener.host === '' || isUnspecifiedAddress(listener.host) ? 'every interface' : listener.host,
          },
          location: evidence[0].location,
          subject: broker,
          origin: { kind: 'explicit' },
          related: [
            { message: `listener ${listener.name} is declared here`, location: listener.location },
            ...evidence.slice(1).map((setting) => ({ message: `${setting.key} also puts PLAIN on it here`, location: setting.location })),
          ],
          fingerprintKey: `listener:${listener.name}:sasl-plain`,
        });
      }
    }
  },
});
