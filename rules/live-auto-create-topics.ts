import { defineRule } from '../src/engine/rule.js';
import { clientsWithRole } from '../src/model/queries.js';
import { describeEffective, effectiveBrokerValue } from '../src/model/resolve.js';
import type { BrokerFacts } from '../src/model/types.js';

// auto.create.topics.enable defaults to true (ServerLogConfigs): a produce or metadata request for a missing topic
// creates it with num.partitions and default.replication.factor. On a live cluster this joins with the repository:
// a producer that names a topic the cluster does not have is about to create it.

export default defineRule({
  id: 'live-auto-create-topics',
  meta: {
    category: 'live',
    defaultSeverity: 'warning',
    description: 'The live cluster creates topics on demand, and a repository producer may write a topic the cluster does not have.',
    messages: {
      enabled: 'Cluster {{cluster}} creates topics on demand: {{effective}}. A mistyped or stale topic name becomes a new topic with the broker defaults instead of an error.',
      missingTopic: 'Producer writes topic {{topic}}, which cluster {{cluster}} does not have; with auto.create.topics.enable=true the first send creates it with the broker defaults (num.partitions, default.replication.factor).',
    },
    help: 'Set auto.create.topics.enable=false on the brokers and create topics explicitly, with the partitions, replication factor and configs they need.',
    inputs: ['live', 'code', 'properties', 'yaml', 'json'],
  },
  check({ model, report }) {
    const live = model.live;
    if (!live) return;
    const brokers = model.brokers.filter((broker) => broker.declaredBy === 'live');
    const enabled: BrokerFacts | undefined = brokers.find((broker) => effectiveBrokerValue(broker, 'auto.create.topics.enable')?.value === true && broker.settings.some((setting) => setting.key === 'auto.create.topics.enable'));
    if (!enabled) return;
    const effective = effectiveBrokerValue(enabled, 'auto.create.topics.enable')!;
    report({ messageId: 'enabled', data: { cluster: live.clusterId, effective: describeEffective(effective) }, location: enabled.location, subject: enabled, origin: effective.origin, fingerprintKey: 'auto.create.topics.enable' });
    if (live.topicsFiltered) return;
    const liveTopics = new Set(model.topics.filter((topic) => topic.declaredBy === 'live').map((topic) => topic.name));
    const reported = new Set<string>();
    for (const producer of clientsWithRole(model, 'producer')) {
      for (const reference of producer.topics) {
        if (liveTopics.has(reference.name) || reference.name.startsWith('__')) continue;
        const identity = `${reference.location.file}:${reference.location.line}:${reference.location.column}`;
        if (reported.has(identity)) continue;
        reported.add(identity);
        report({ messageId: 'missingTopic', data: { topic: reference.name, cluster: live.clusterId }, location: reference.location, subject: producer, origin: effective.origin, related: [{ message: 'auto.create.topics.enable=true on this cluster', location: enabled.location }], fingerprintKey: reference.name });
      }
    }
  },
});
