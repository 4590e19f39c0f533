import { defineRule } from '../src/engine/rule.js';
import { clientsWithRole, isJavaFamily } from '../src/model/queries.js';
import { judgeableNumber } from '../src/model/judgeable.js';
import { describeEffective, effectiveClientValue, explicitSetting } from '../src/model/resolve.js';
import { locationKey } from '../src/model/setting-occurrences.js';
import type { ClientFacts } from '../src/model/types.js';

// retries=0 turns every retriable error (leader election, NOT_ENOUGH_REPLICAS, a timed-out request) into a failed
// send. The Java client (≥ 3.0, KIP-679) enables idempotence by default only when nothing conflicts with it;
// retries=0 is such a conflict, and with enable.idempotence unset it is turned off with a log line only
// (ProducerConfig.postProcessAndValidateIdempotenceConfigs).

/** True when this Java-family producer would be idempotent by default and retries=0 silently switches that off. */
function losesDefaultIdempotence(producer: ClientFacts): boolean {
  if (!isJavaFamily(producer) || explicitSetting(producer, 'enable.idempotence')) return false;
  return effectiveClientValue(producer, 'enable.idempotence')?.value === true;
}

export default defineRule({
  id: 'producer-retries-zero',
  meta: {
    category: 'durability',
    defaultSeverity: 'warning',
    description: 'A producer never retries a failed send (retries=0), so every transient broker error loses the record.',
    messages: {
      noRetries: 'Producer never retries a failed send: {{effective}}. A transient error such as a leader election or a broker restart fails the send at once, and the record is lost unless the application resends it itself.',
      noRetriesNoIdempotence: 'Producer never retries a failed send: {{effective}}. A transient error such as a leader election or a broker restart fails the send at once, and the record is lost unless the application resends it itself. In the Java client it also silently turns off the idempotence it would enable by default (enable.idempotence is not set), with only a log line to say so.',
    },
    help: 'Remove retries (the client default retries until delivery.timeout.ms expires) and bound sends with delivery.timeout.ms instead.',
    inputs: ['properties', 'yaml', 'json', 'env', 'code'],
  },
  check({ model, report }) {
    const reported = new Set<string>();
    for (const producer of clientsWithRole(model, 'producer')) {
      const retries = judgeableNumber(producer, 'retries');
      if (retries?.value !== 0) continue;
      const location = retries.effective.setting?.location ?? producer.location;
      if (reported.has(locationKey(location))) continue;
      reported.add(locationKey(location));
      report({
        messageId: losesDefaultIdempotence(producer) ? 'noRetriesNoIdempotence' : 'noRetries',
        data: { effective: describeEffective(retries.effective) },
        location,
        subject: producer,
        origin: retries.effective.origin,
        fingerprintKey: 'retries',
      });
    }
  },
});
