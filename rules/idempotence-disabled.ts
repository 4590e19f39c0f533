import { defineRule } from '../src/engine/rule.js';
import { compareVersions } from '../src/model/defaults.js';
import { producerIdempotence } from '../src/model/idempotence.js';
import { judgeableNumber } from '../src/model/judgeable.js';
import { clientsWithRole, isLibrdkafkaFamily } from '../src/model/queries.js';
import { describeEffective } from '../src/model/resolve.js';
import type { ClientFacts } from '../src/model/types.js';

/** Java 3.0.0 and 3.1.0 document idempotence as on by default but do not apply it (KAFKA-13598). */
function hasUnappliedJavaDefault(client: ClientFacts): boolean {
  return client.library === 'java' && client.libraryVersion !== undefined && compareVersions(client.libraryVersion, '3.0.0') >= 0;
}

export default defineRule({
  id: 'idempotence-disabled',
  meta: {
    category: 'delivery',
    defaultSeverity: 'warning',
    description: 'A producer runs without idempotence, so a retried send can write the same record twice.',
    messages: {
      disabled: 'Producer is not idempotent: {{idempotence}}. When an acknowledgement is lost and the send is retried, the broker cannot tell the retry from a new record and stores it twice.',
      unappliedJavaDefault: 'Producer is not idempotent: {{idempotence}}. Java client 3.0.0 and 3.1.0 document idempotence as on by default but do not apply that default (KAFKA-13598), so a retried send after a lost acknowledgement can store the record twice.',
      librdkafkaDefault: 'Producer is not idempotent: {{idempotence}}. A send retried after a lost acknowledgement is stored twice, and with {{inFlight}} and {{retries}} a retried batch can also land after batches sent later, so records of a partition can be reordered.',
    },
    help: 'Set enable.idempotence=true (it needs acks=all, retries of at least 1 and at most 5 requests in flight, which librdkafka and the Java client pick for you when they are unset).',
    inputs: ['properties', 'yaml', 'json', 'env', 'code'],
  },
  check({ model, report }) {
    for (const producer of clientsWithRole(model, 'producer')) {
      const state = producerIdempotence(producer);
      // Transactional producers are idempotent by construction, and a Java default turned off by conflicting settings
      // is idempotence-silently-disabled's finding.
      if (!state || state.enabled || state.source === 'transactional' || state.source === 'silently-disabled') continue;
      if (state.transactionalId) continue;
      const idempotence = describeEffective(state.effective);
      const location = state.effective.setting?.location ?? producer.location;
      const common = { location, subject: producer, origin: state.effective.origin, fingerprintKey: 'enable.idempotence' };
      if (state.source === 'default' && hasUnappliedJavaDefault(producer)) {
        report({ ...common, messageId: 'unappliedJavaDefault', data: { idempotence } });
        continue;
      }
      const inFlight = judgeableNumber(producer, 'max.in.flight.requests.per.connection');
      const retries = judgeableNumber(producer, 'retries');
      // librdkafka's own defaults (1,000,000 requests in flight, retries INT32_MAX) reorder on retry; say so here, as
      // retries-with-inflight-no-idempotence stays quiet when all three values are defaults.
      if (state.source === 'default' && isLibrdkafkaFamily(producer) && inFlight && inFlight.value > 1 && retries && retries.value > 0) {
        report({ ...common, messageId: 'librdkafkaDefault', data: { idempotence, inFlight: describeEffective(inFlight.effective), retries: describeEffective(retries.effective) } });
        continue;
      }
      report({ ...common, messageId: 'disabled', data: { idempotence } });
    }
  },
});
