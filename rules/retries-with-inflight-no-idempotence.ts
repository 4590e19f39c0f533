import { defineRule } from '../src/engine/rule.js';
import { describeIdempotence, producerIdempotence } from '../src/model/idempotence.js';
import { isExplicit, judgeableNumber } from '../src/model/judgeable.js';
import { clientsWithRole } from '../src/model/queries.js';
import { describeEffective } from '../src/model/resolve.js';

// ProducerConfig (max.in.flight.requests.per.connection): with more than one request in flight and retries, a failed
// batch that is retried can be written after a later one unless idempotence is on. librdkafka says the same of
// `retries`: "retrying may cause reordering unless enable.idempotence is set to true".

export default defineRule({
  id: 'retries-with-inflight-no-idempotence',
  meta: {
    category: 'delivery',
    defaultSeverity: 'warning',
    description: 'A producer without idempotence retries failed sends while several requests are in flight, so records of a partition can be written out of order.',
    messages: {
      reordering: 'Records can be written out of order: {{idempotence}}, with {{inFlight}} and {{retries}}. When a batch fails and is retried while a later batch to the same partition succeeds, the retried records land after the later ones.',
    },
    help: 'Turn idempotence on (enable.idempotence=true, acks=all, at most 5 requests in flight), which keeps order across retries; if it must stay off, set max.in.flight.requests.per.connection=1.',
    inputs: ['properties', 'yaml', 'json', 'env', 'code'],
  },
  check({ model, report }) {
    for (const producer of clientsWithRole(model, 'producer')) {
      const state = producerIdempotence(producer);
      if (!state || state.enabled) continue;
      const inFlight = judgeableNumber(producer, 'max.in.flight.requests.per.connection');
      const retries = judgeableNumber(producer, 'retries');
      if (!inFlight || !retries || inFlight.value <= 1 || retries.value <= 0) continue;
      // When all three are library defaults (librdkafka), idempotence-disabled already names the reordering risk.
      const explicit = [inFlight.effective, retries.effective, state.effective].find(isExplicit);
      if (!explicit) continue;
      report({
        messageId: 'reordering',
        data: {
          idempotence: describeIdempotence(state),
          inFlight: describeEffective(inFlight.effective),
          retries: describeEffective(retries.effective),
        },
        location: explicit.setting?.location ?? producer.location,
        subject: producer,
        origin: explicit.origin,
        fingerprintKey: 'max.in.flight.requests.per.connection',
      });
    }
  },
});
