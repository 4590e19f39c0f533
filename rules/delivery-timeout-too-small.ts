import { defineRule, type RelatedLocation } from '../src/engine/rule.js';
import { clientsWithRole, isJavaFamily } from '../src/model/queries.js';
import { isExplicit, judgeableNumber } from '../src/model/judgeable.js';
import { describeEffective, formatValue, type EffectiveValue } from '../src/model/resolve.js';
import { locationKey } from '../src/model/setting-occurrences.js';

// KafkaProducer.configureDeliveryTimeout (KAFKA-7705): when delivery.timeout.ms < linger.ms + request.timeout.ms
// and the user set delivery.timeout.ms, the constructor throws ConfigException ("delivery.timeout.ms should be
// equal to or larger than linger.ms + request.timeout.ms"). When delivery.timeout.ms is left at its default the
// client raises it to the sum with a warning instead, so only an explicit delivery.timeout.ms is reported.
// linger.ms defaults to 0 before 4.0 and 5 from 4.0 (KIP-1030); defaults.ts knows which applies.

function relatedSetting(effective: EffectiveValue): RelatedLocation[] {
  if (!effective.setting) return [];
  return [{ message: `${effective.key}=${formatValue(effective.value)} is set here`, location: effective.setting.location }];
}

export default defineRule({
  id: 'delivery-timeout-too-small',
  meta: {
    category: 'durability',
    defaultSeverity: 'error',
    description: 'A Java producer sets delivery.timeout.ms below linger.ms + request.timeout.ms, which makes the client refuse to start.',
    messages: {
      belowLingerPlusRequest: 'Producer delivery timeout is shorter than one linger plus one request: {{delivery}} < {{linger}} + {{request}} = {{sum}} ms. The Java client rejects this when it is created (ConfigException, KAFKA-7705), so the producer never starts.',
    },
    help: 'Raise delivery.timeout.ms to at least linger.ms + request.timeout.ms (the default 120000 leaves room for retries), or lower request.timeout.ms or linger.ms.',
    inputs: ['properties', 'yaml', 'json', 'env'],
  },
  check({ model, report }) {
    const reported = new Set<string>();
    for (const producer of clientsWithRole(model, 'producer')) {
      if (!isJavaFamily(producer)) continue;
      const delivery = judgeableNumber(producer, 'delivery.timeout.ms');
      const linger = judgeableNumber(producer, 'linger.ms');
      const request = judgeableNumber(producer, 'request.timeout.ms');
      if (!delivery || !linger || !request || !isExplicit(delivery.effective)) continue;
      if (delivery.value >= linger.value + request.value) continue;
      const location = delivery.effective.setting!.location;
      if (reported.has(locationKey(location))) continue;
      reported.add(locationKey(location));
      report({
        messageId: 'belowLingerPlusRequest',
        data: {
          delivery: describeEffective(delivery.effective),
          linger: describeEffective(linger.effective),
          request: describeEffective(request.effective),
          sum: linger.value + request.value,
        },
        location,
        subject: producer,
        origin: delivery.effective.origin,
        related: [...relatedSetting(linger.effective), ...relatedSetting(request.effective)],
        fingerprintKey: 'delivery.timeout.ms',
      });
    }
  },
});
