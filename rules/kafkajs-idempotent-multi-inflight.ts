import { defineRule } from '../src/engine/rule.js';
import { isExplicit, judgeableClientValue, judgeableNumber } from '../src/model/judgeable.js';
import { clientsWithRole } from '../src/model/queries.js';
import { describeEffective } from '../src/model/resolve.js';

// An idempotent producer numbers its batches per partition, and the broker rejects a batch whose number is not the
// next one. With several requests in flight, a failed and retried request arrives after later ones; the Java client
// and librdkafka recover from that (KAFKA-5494), kafkajs does not: its maintainers declined multi-inflight support
// for idempotence (tulios/kafkajs PR #980), issue #598 reports OutOfOrderSequenceException from `idempotent: true`,
// and docs/Transactions.md configures `maxInFlightRequests: 1` with it. kafkajs's own default is no limit.
// @confluentinc/kafka-javascript is not judged here: librdkafka implements idempotence with up to five requests in
// flight and limits them itself when the option is unset (idempotence-conflicting-settings covers more than five).

export default defineRule({
  id: 'kafkajs-idempotent-multi-inflight',
  meta: {
    category: 'delivery',
    defaultSeverity: 'error',
    description: 'A kafkajs producer is idempotent but may have more than one request in flight, which kafkajs cannot recover from.',
    messages: {
      multiInflight:
        'kafkajs producer is idempotent ({{idempotence}}) but may send more than one request at a time: {{inFlight}}. kafkajs does not handle an idempotent batch that is retried while later ones are in flight, so the broker rejects the out-of-order batches with OutOfOrderSequenceException and those sends fail, under load or on the first broker hiccup.',
    },
    help: 'Add maxInFlightRequests: 1 to the idempotent producer: kafka.producer({ idempotent: true, maxInFlightRequests: 1 }).',
    inputs: ['code'],
  },
  check({ model, report }) {
    for (const producer of clientsWithRole(model, 'producer')) {
      if (producer.library !== 'kafkajs') continue;
      const idempotence = judgeableClientValue(producer, 'enable.idempotence');
      if (!idempotence?.setting || idempotence.value !== true) continue;
      const inFlight = judgeableNumber(producer, 'max.in.flight.requests.per.connection');
      if (!inFlight || inFlight.value <= 1) continue;
      // The explicit limit is what to change; without one, the `idempotent` line is where the fix goes.
      const location = isExplicit(inFlight.effective) && inFlight.effective.setting ? inFlight.effective.setting.location : idempotence.setting.location;
      report({
        messageId: 'multiInflight',
        data: { idempotence: describeEffective(idempotence), inFlight: describeEffective(inFlight.effective) },
        location,
        subject: producer,
        origin: inFlight.effective.origin,
        fingerprintKey: 'max.in.flight.requests.per.connection',
      });
    }
  },
});
