import { defineRule } from '../src/engine/rule.js';
import { describeEffective, effectiveBrokerValue, explicitSetting } from '../src/model/resolve.js';
import { locationKey } from '../src/model/setting-occurrences.js';
import type { BrokerFacts } from '../src/model/types.js';
import { developmentStackOf } from '../src/model/environments.js';

const KEY = 'auto.create.topics.enable';

/** A KRaft node with `process.roles=controller` only serves metadata; topic auto-creation is a broker's business. */
function isControllerOnly(broker: BrokerFacts): boolean {
  const roles = explicitSetting(broker, 'process.roles');
  if (!roles || roles.placeholder) return false;
  const items = (Array.isArray(roles.value) ? roles.value : String(roles.value ?? '').split(',')).map((item) => item.trim().toLowerCase());
  return items.length > 0 && items.every((item) => item === 'controller');
}

export default defineRule({
  id: 'broker-auto-create-topics-enabled',
  meta: {
    category: 'governance',
    defaultSeverity: 'warning',
    description: 'The broker creates a topic whenever a client asks for one that does not exist.',
    messages: {
      autoCreation:
        'Broker creates topics on demand: {{effective}}. Any client that produces to, or (where it allows it) consumes from, a missing topic — a typo, a stale name — gets a new topic with the broker defaults (num.partitions, default.replication.factor) instead of an error.{{note}}',
    },
    help: 'Set auto.create.topics.enable=false and create topics explicitly with the partitions, replication factor and configs they need.',
    inputs: ['properties', 'yaml', 'env'],
  },
  check({ model, report }) {
    const reported = new Set<string>();
    for (const broker of model.brokers) {
      // Live clusters are judged by live-auto-create-topics.
      if (broker.declaredBy === 'live' || isControllerOnly(broker)) continue;
      const effective = effectiveBrokerValue(broker, KEY);
      if (!effective || effective.setting?.placeholder || effective.value !== true) continue;
      const location = effective.setting?.location ?? broker.location;
      const key = locationKey(location);
      if (reported.has(key)) continue;
      reported.add(key);
      report({
        messageId: 'autoCreation',
        data: {
          effective: describeEffective(effective),
          note: developmentStackOf(broker.environment) ? ` Reported as info: ${broker.environment?.reason}.` : '',
        },
        location,
        subject: broker,
        origin: effective.origin,
        ...(developmentStackOf(broker.environment) ? { severity: 'info' as const } : {}),
        fingerprintKey: KEY,
      });
    }
  },
});
