import { defineRule } from '../src/engine/rule.js';
import { bootstrapHosts, isLocalConnectTarget, isPublicIpv4Address } from '../src/model/hosts.js';
import { judgeableClientValue } from '../src/model/judgeable.js';
import { advertisedListeners, PLAINTEXT_PROTOCOLS, type BrokerListener } from '../src/model/listeners.js';
import { describeEffective, explicitSetting, formatLocation } from '../src/model/resolve.js';
import { configFacts, distinctSettings, locationKey } from '../src/model/setting-occurrences.js';
import type { EnvironmentInfo, Setting, Severity } from '../src/model/types.js';
import { developmentStackOf } from '../src/model/environments.js';

/**
 * In a development stack the finding stays visible as info, and the message says why. A public IP address says the
 * stack is not only local, so it keeps the rule's severity.
 */
function developmentStack(environment: EnvironmentInfo | undefined, hosts: string[]): { severity?: Severity; note: string } {
  const development = developmentStackOf(environment);
  if (!development || hosts.some(isPublicIpv4Address)) return { note: '' };
  return { severity: 'info', note: ` Reported as info: ${development.reason}.` };
}

function listEntries(setting: Setting): string[] {
  if (Array.isArray(setting.value)) return setting.value;
  return typeof setting.value === 'string' ? setting.value.split(',') : [];
}

/** Bitnami's `ALLOW_PLAINTEXT_LISTENER=yes` (bitnami/kafka README): the image refuses plaintext listeners without it. */
function isAllowPlaintextListener(setting: Setting): boolean {
  const named = /^(KAFKA_CFG_)?ALLOW_PLAINTEXT_LISTENER$/i.test(setting.writtenAs.trim()) || /^allow[._]?plaintext[._]?listener$/i.test(setting.key);
  return named && !setting.placeholder && /^(yes|true|1)$/i.test(setting.raw.trim());
}

/** `(PLAINTEXT in listener.security.protocol.map at f:3)`, or the protocol alone when the name is not it. */
function protocolOrigin(listener: BrokerListener): string {
  if (listener.protocolSetting) return ` (${listener.protocol} in listener.security.protocol.map at ${formatLocation(listener.protocolSetting.location)})`;
  return listener.name.toUpperCase() === listener.protocol ? '' : ` (${listener.protocol})`;
}

export default defineRule({
  id: 'plaintext-security-protocol',
  meta: {
    category: 'security',
    defaultSeverity: 'warning',
    description: 'A client or broker listener talks to a remote host over an unencrypted protocol (PLAINTEXT or SASL_PLAINTEXT).',
    messages: {
      clientPlaintext:
        'Client connects without TLS or authentication: {{effective}}, and bootstrap.servers ({{bootstrapAt}}) names {{hosts}}, which is not this machine. Records cross the network unencrypted and the broker cannot tell who is writing or reading.{{note}}',
      clientSaslPlaintext:
        'Client authenticates over an unencrypted connection: {{effective}}, and bootstrap.servers ({{bootstrapAt}}) names {{hosts}}, which is not this machine. Records cross the network unencrypted, and anyone on the path can read them or pose as the broker.{{note}}',
      listenerPlaintext:
        'Listener {{listener}} is unencrypted and unauthenticated{{protocolOrigin}} and is advertised on {{host}}, which is not loopback. Clients reaching it send records in clear text, and the broker cannot tell who they are.{{note}}',
      listenerSaslPlaintext:
        'Listener {{listener}} is unencrypted{{protocolOrigin}} and is advertised on {{host}}, which is not loopback. Clients authenticate, but their records cross the network in clear text.{{note}}',
      declaredListenerPlaintext:
        'Listener {{listener}} is declared without TLS ({{protocol}}), so clients on the network it is exposed to send records in clear text{{unauthenticated}}.{{note}}',
      bitnamiAllowPlaintext:
        '{{writtenAs}}={{value}} lets the Bitnami Kafka image start with plaintext listeners, which it otherwise refuses. Clients may then connect without encryption or authentication.{{note}}',
    },
    help: 'Use SSL or SASL_SSL for connections that leave the machine (security.protocol on clients, listener.security.protocol.map or tls: true on brokers); keep PLAINTEXT for loopback-only development.',
    inputs: ['properties', 'yaml', 'json', 'env', 'code'],
  },
  check({ model, report }) {
    const reported = new Set<string>();
    const once = (key: string) => (reported.has(key) ? false : (reported.add(key), true));

    for (const client of model.clients) {
      const protocol = judgeableClientValue(client, 'security.protocol');
      if (!protocol || !PLAINTEXT_PROTOCOLS.has(String(protocol.value))) continue;
      const bootstrap = explicitSetting(client, 'bootstrap.servers');
      // No bootstrap, or only a placeholder: where the client connects is decided elsewhere.
      if (!bootstrap || bootstrap.placeholder) continue;
      const remote = bootstrapHosts(listEntries(bootstrap)).filter((host) => !isLocalConnectTarget(host));
      if (remote.length === 0) continue;
      const location = protocol.setting?.location ?? bootstrap.location;
      if (!once(locationKey(location))) continue;
      const { severity, note } = developmentStack(client.environment, remote);
      report({
        messageId: protocol.value === 'SASL_PLAINTEXT' ? 'clientSaslPlaintext' : 'clientPlaintext',
        data: { effective: describeEffective(protocol), bootstrapAt: formatLocation(bootstrap.location), hosts: remote.join(', '), note },
        location,
        subject: client,
        origin: protocol.origin,
        ...(severity ? { severity } : {}),
        related: protocol.setting ? [{ message: 'bootstrap.servers names a remote host here', location: bootstrap.location }] : [],
        fingerprintKey: 'security.protocol',
      });
    }

    for (const broker of model.brokers) {
      // Live clusters are judged by the live-* rules.
      if (broker.declaredBy === 'live') continue;
      for (const listener of advertisedListeners(broker)) {
        if (!listener.protocol || !PLAINTEXT_PROTOCOLS.has(listener.protocol)) continue;
        if (!listener.setting) {
          // A listener the source declared without its host (Strimzi): it is served on pod, service or node
          // addresses, never loopback, so its protocol alone decides.
          if (!once(`${locationKey(listener.location)}#${listener.name}`)) continue;
          const { severity, note } = developmentStack(broker.environment, []);
          report({
            messageId: 'declaredListenerPlaintext',
            data: {
              listener: listener.name,
              protocol: listener.protocol,
              unauthenticated: listener.protocol === 'PLAINTEXT' ? ' and without authentication' : '',
              note,
            },
            location: listener.location,
            subject: broker,
            origin: { kind: 'explicit' },
            ...(severity ? { severity } : {}),
            fingerprintKey: `listener:${listener.name}`,
          });
          continue;
        }
        // A host that is not known (a template such as `{0}`) is not judged; Kafka refuses 0.0.0.0 as advertised host.
        if (listener.host === undefined || isLocalConnectTarget(listener.host)) continue;
        if (!once(`${locationKey(listener.location)}#${listener.name}`)) continue;
        const { severity, note } = developmentStack(broker.environment, [listener.host]);
        report({
          messageId: listener.protocol === 'SASL_PLAINTEXT' ? 'listenerSaslPlaintext' : 'listenerPlaintext',
          data: {
            listener: listener.name,
            protocolOrigin: protocolOrigin(listener),
            host: listener.host === '' ? "the machine's host name (the host is empty)" : listener.host,
            note,
          },
          location: listener.location,
          subject: broker,
          origin: { kind: 'explicit' },
          ...(severity ? { severity } : {}),
          related: listener.protocolSetting ? [{ message: 'the listener gets its protocol here', location: listener.protocolSetting.location }] : [],
          fingerprintKey: `listener:${listener.name}`,
        });
      }
    }

    for (const { setting, fact } of distinctSettings(configFacts(model))) {
      if (!isAllowPlaintextListener(setting)) continue;
      if (!once(locationKey(setting.location))) continue;
      const { severity, note } = developmentStack(fact.environment, []);
      report({
        messageId: 'bitnamiAllowPlaintext',
        data: { writtenAs: setting.writtenAs.trim(), value: setting.raw.trim(), note },
        location: setting.location,
        subject: fact,
        origin: { kind: 'explicit' },
        ...(severity ? { severity } : {}),
        fingerprintKey: 'ALLOW_PLAINTEXT_LISTENER',
      });
    }
  },
});
