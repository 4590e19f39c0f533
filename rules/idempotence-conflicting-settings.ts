import { defineRule } from '../src/engine/rule.js';
import { idempotenceConflicts, transactionalIdOf } from '../src/model/idempotence.js';
import { isExplicit, judgeableClientValue } from '../src/model/judgeable.js';
import { clientsWithRole, isJavaFamily, isLibrdkafkaFamily } from '../src/model/queries.js';
import { describeEffective, formatLocation } from '../src/model/resolve.js';
import type { ClientFacts } from '../src/model/types.js';

/** What the client does with a configuration it cannot honour. */
function refusal(client: ClientFacts): string {
  if (isJavaFamily(client)) return 'The KafkaProducer constructor throws a ConfigException, so the application fails at startup.';
  if (isLibrdkafkaFamily(client)) return 'librdkafka refuses to create the producer, so the application fails at startup.';
  if (client.library === 'kafkajs') return 'kafkajs rejects it: producer() throws for retries below 1, and every send() with acks other than -1 fails.';
  return 'The client rejects this configuration.';
}

export default defineRule({
  id: 'idempotence-conflicting-settings',
  meta: {
    category: 'delivery',
    defaultSeverity: 'error',
    description: 'An idempotent or transactional producer also sets acks, retries or in-flight requests to values idempotence cannot work with, so the client refuses to start.',
    messages: {
      conflictsWithIdempotence: '{{conflict}} conflicts with {{idempotence}}: an idempotent producer needs {{requirement}}. {{refusal}}',
      conflictsWithTransactions: '{{conflict}} conflicts with the transactional.id set at {{transactionalId}}: a transactional producer is idempotent and needs {{requirement}}. {{refusal}}',
      transactionsWithoutIdempotence: '{{idempotence}} on a producer with a transactional.id (set at {{transactionalId}}): transactions need idempotence. {{refusal}}',
    },
    help: 'Keep idempotence and drop the conflicting setting (acks=all, retries unset or at least 1, max.in.flight.requests.per.connection at most 5), or turn idempotence off if you really need the other value.',
    inputs: ['properties', 'yaml', 'json', 'env', 'code'],
  },
  check({ model, report }) {
    for (const producer of clientsWithRole(model, 'producer')) {
      const idempotence = judgeableClientValue(producer, 'enable.idempotence');
      const explicitlyOn = idempotence !== undefined && isExplicit(idempotence) && idempotence.value === true;
      const explicitlyOff = idempotence !== undefined && isExplicit(idempotence) && idempotence.value === false;
      const transactionalId = transactionalIdOf(producer);

      // Java: "Cannot set a transactional.id without also enabling idempotence." (ProducerConfig, 2.x and 3.x).
      if (explicitlyOff && transactionalId && isJavaFamily(producer)) {
        report({
          messageId: 'transactionsWithoutIdempotence',
          data: { idempotence: describeEffective(idempotence), transactionalId: formatLocation(transactionalId.location), refusal: refusal(producer) },
          location: idempotence.setting!.location,
          subject: producer,
          origin: idempotence.origin,
          fingerprintKey: 'enable.idempotence',
        });
        continue;
      }
      // kafkajs checks `idempotent` only (src/producer/index.js, messageProducer.js): its transactional id makes the
      // transaction's sends idempotent, not the producer's own, and it sets no in-flight bound (that risk is
      // kafkajs-idempotent-multi-inflight's finding).
      const kafkajs = producer.library === 'kafkajs';
      if (!explicitlyOn && !(transactionalId && !explicitlyOff && !kafkajs)) continue;

      for (const conflict of idempotenceConflicts(producer)) {
        if (kafkajs && conflict.effective.key === 'max.in.flight.requests.per.connection') continue;
        const common = { conflict: describeEffective(conflict.effective), requirement: conflict.requirement, refusal: refusal(producer) };
        report({
          ...(explicitlyOn
            ? { messageId: 'conflictsWithIdempotence' as const, data: { ...common, idempotence: describeEffective(idempotence) } }
            : { messageId: 'conflictsWithTransactions' as const, data: { ...common, transactionalId: formatLocation(transactionalId!.location) } }),
          location: conflict.effective.setting.location,
          subject: producer,
          origin: conflict.effective.origin,
          fingerprintKey: conflict.effective.key,
        });
      }
    }
  },
});
