import { defineRule } from '../src/engine/rule.js';
import { clientsWithRole } from '../src/model/queries.js';
import { describeEffective, effectiveClientValue } from '../src/model/resolve.js';

export default defineRule({
  id: 'producer-acks-one',
  meta: {
    category: 'durability',
    defaultSeverity: 'warning',
    description: 'A producer waits only for the partition leader (acks=1), so a leader failure can lose acknowledged records.',
    messages: {
      leaderOnly: 'Producer acknowledges records once the leader alone has them: {{effective}}. If the leader fails before a follower copies them, acknowledged records are lost.',
    },
    help: 'Set acks=all (and keep enable.idempotence=true) so a write is acknowledged only when all in-sync replicas have it.',
    inputs: ['properties', 'yaml', 'json', 'env', 'code'],
  },
  check({ model, report }) {
    for (const producer of clientsWithRole(model, 'producer')) {
      const acks = effectiveClientValue(producer, 'acks');
      if (acks?.value !== '1') continue;
      report({
        messageId: 'leaderOnly',
        data: { effective: describeEffective(acks) },
        location: acks.setting?.location ?? producer.location,
        subject: producer,
        origin: acks.origin,
        fingerprintKey: 'acks',
      });
    }
  },
});
