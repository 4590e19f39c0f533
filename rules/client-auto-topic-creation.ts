import { defineRule } from '../src/engine/rule.js';
import { declaredCluster } from '../src/model/queries.js';
import { describeEffective, effectiveClientValue, explicitSetting, formatLocation } from '../src/model/resolve.js';
import { locationKey } from '../src/model/setting-occurrences.js';
import type { BrokerFacts, Library, Setting } from '../src/model/types.js';

const KEY = 'allow.auto.create.topics';

const APPLICATION_JAVA_CLIENTS = new Set<Library>(['java', 'spring']);

/** The declared cluster's explicit `auto.create.topics.enable=false`: with it, a client's request creates nothing. */
function brokerRefusesAutoCreation(cluster: BrokerFacts | undefined): Setting | undefined {
  const setting = cluster ? explicitSetting(cluster, 'auto.create.topics.enable') : undefined;
  return setting && !setting.placeholder && setting.value === false ? setting : undefined;
}

export default defineRule({
  id: 'client-auto-topic-creation',
  meta: {
    category: 'governance',
    defaultSeverity: 'warning',
    description: 'A client asks the broker to create topics it subscribes to or fetches metadata for, so a mistyped topic name becomes a new topic.',
    messages: {
      explicitlyAllowed:
        'Client asks the broker to create missing topics: {{effective}}. Where the broker allows auto-creation, a mistyped or stale topic name silently becomes a new topic with broker defaults (often 1 partition, replication factor 1) instead of an error.{{brokerNote}}',
      allowedByDefault:
        'Consumer asks the broker to create missing topics by default: {{effective}}. This only takes effect where the broker also allows auto-creation (auto.create.topics.enable, true by default); then a mistyped topic name becomes a new topic with broker defaults instead of an error.',
    },
    help: 'Set allow.auto.create.topics=false on clients and create topics explicitly (Strimzi KafkaTopic, Terraform, admin scripts).',
    inputs: ['properties', 'yaml', 'json', 'env', 'code'],
  },
  check({ model, report }) {
    const refusal = brokerRefusesAutoCreation(declaredCluster(model));
    const reported = new Set<string>();
    for (const client of model.clients) {
      const effective = effectiveClientValue(client, KEY);
      if (!effective || effective.setting?.placeholder || effective.value !== true) continue;
      if (effective.setting) {
        const key = locationKey(effective.setting.location);
        if (reported.has(key)) continue;
        reported.add(key);
        report({
          messageId: 'explicitlyAllowed',
          data: {
            effective: describeEffective(effective),
            brokerNote: refusal ? ` The declared broker refuses it today (auto.create.topics.enable=false at ${formatLocation(refusal.location)}).` : '',
          },
          location: effective.setting.location,
          subject: client,
          origin: effective.origin,
          fingerprintKey: KEY,
        });
        continue;
      }
      // The default matters for the Java consumer an application configures (ConsumerConfig: allow.auto.create.topics
      // defaults to true); it is a nudge, not a warning, and says nothing when the declared broker turns auto-creation
      // off. Connector consumers are configured by the Connect worker, not by the file's author.
      if (client.role !== 'consumer' || !APPLICATION_JAVA_CLIENTS.has(client.library) || refusal) continue;
      const key = `${locationKey(client.location)}#default`;
      if (reported.has(key)) continue;
      reported.add(key);
      report({
        messageId: 'allowedByDefault',
        data: { effective: describeEffective(effective) },
        location: client.location,
        subject: client,
        origin: effective.origin,
        severity: 'info',
        fingerprintKey: KEY,
      });
    }
  },
});
