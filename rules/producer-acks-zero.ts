import { defineRule } from '../src/engine/rule.js';
import { clientsWithRole } from '../src/model/queries.js';
import { judgeableClientValue } from '../src/model/judgeable.js';
import { describeEffective } from '../src/model/resolve.js';
import { locationKey } from '../src/model/setting-occurrences.js';

// acks=0: "the producer will not wait for any acknowledgment from the server at all … the retries configuration
// will not take effect … the offset given back for each record will always be set to -1" (ProducerConfig ACKS_DOC).
export default defineRule({
  id: 'producer-acks-zero',
  meta: {
    category: 'durability',
    defaultSeverity: 'error',
    description: 'A producer does not wait for any acknowledgement (acks=0), so records can be lost without any error.',
    messages: {
      noAcknowledgement: 'Producer does not wait for the broker to acknowledge records: {{effective}}. A record counts as sent once it is in the socket buffer, retries never apply, and a broker failure or rejection loses it without any error.',
    },
    help: 'Set acks=all (with enable.idempotence=true) so a write is confirmed only when all in-sync replicas have it.',
    inputs: ['properties', 'yaml', 'json', 'env', 'code'],
  },
  check({ model, report }) {
    // One written line can stand in several producers (Spring copies shared settings into each): one finding per line.
    const reported = new Set<string>();
    for (const producer of clientsWithRole(model, 'producer')) {
      const acks = judgeableClientValue(producer, 'acks');
      if (acks?.value !== '0') continue;
      const location = acks.setting?.location ?? producer.location;
      if (reported.has(locationKey(location))) continue;
      reported.add(locationKey(location));
      report({
        messageId: 'noAcknowledgement',
        data: { effective: describeEffective(acks) },
        location,
        subject: producer,
        origin: acks.origin,
        fingerprintKey: 'acks',
      });
    }
  },
});
