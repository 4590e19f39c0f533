import { defineRule } from '../src/engine/rule.js';
import { explicitSetting, formatLocation } from '../src/model/resolve.js';
import { locationKey } from '../src/model/setting-occurrences.js';
import type { ClientFacts } from '../src/model/types.js';

const KEY = 'client.id';

/** Roles whose traffic brokers attribute by client.id; shared `client` files and Connect workers name no one client. */
const ROLES_WITH_IDENTITY = new Set(['producer', 'consumer']);

function roleNames(clients: ClientFacts[]): string {
  return [...new Set(clients.map((client) => client.role))].join(' and ');
}

/** What each library uses without client.id (ProducerConfig/ConsumerConfig docs; librdkafka CONFIGURATION.md). */
function fallbackClientId(client: ClientFacts): string {
  switch (client.library) {
    case 'java':
    case 'spring':
      return 'the Java client generates producer-N or consumer-<group>-N';
    case 'librdkafka':
    case 'node-rdkafka':
    case 'confluent-kafka-javascript':
      return 'librdkafka uses "rdkafka" for every client';
    case 'kafkajs':
      // src/network/connection.js: `clientId = 'kafkajs'` when new Kafka() is given none.
      return 'kafkajs uses "kafkajs" for every client';
    default:
      return "the library's default";
  }
}

export default defineRule({
  id: 'missing-client-id',
  meta: {
    category: 'governance',
    defaultSeverity: 'info',
    description: 'A producer or consumer has no client.id, so brokers cannot attribute its traffic.',
    messages: {
      missing:
        'No client.id for the {{roles}} configured here, so the library makes one up ({{fallback}}). Broker logs, request metrics, quotas and audit entries then cannot say which application sent the traffic.',
      empty:
        'client.id is empty for the {{roles}} configured here ({{where}}), so the library makes one up ({{fallback}}). Broker logs, request metrics, quotas and audit entries then cannot say which application sent the traffic.',
    },
    help: 'Set client.id to a name that identifies the application (and instance, where it matters), e.g. client.id=orders-service-producer.',
    inputs: ['properties', 'yaml', 'json', 'env', 'code'],
  },
  check({ model, report }) {
    // One finding per file location: a shared client file stands for a producer and a consumer at once.
    const byLocation = new Map<string, ClientFacts[]>();
    for (const client of model.clients) {
      // A Connect worker names its connectors' clients itself (connector-consumer-<connector>-<task>).
      if (!ROLES_WITH_IDENTITY.has(client.role) || client.library === 'kafka-connect') continue;
      const setting = explicitSetting(client, KEY);
      if (setting && (setting.placeholder || String(setting.value ?? '').trim() !== '')) continue;
      const key = locationKey(setting?.location ?? client.location);
      byLocation.set(key, [...(byLocation.get(key) ?? []), client]);
    }
    for (const clients of byLocation.values()) {
      const client = clients[0];
      const setting = explicitSetting(client, KEY);
      const roles = roleNames(clients);
      const fallback = fallbackClientId(client);
      report({
        messageId: setting ? 'empty' : 'missing',
        data: {
          roles,
          fallback,
          where: setting ? `set at ${formatLocation(setting.location)}` : '',
        },
        location: setting?.location ?? client.location,
        subject: client,
        origin: setting ? { kind: 'explicit' } : { kind: 'default', library: fallback },
        fingerprintKey: KEY,
      });
    }
  },
});
