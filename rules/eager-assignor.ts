import { defineRule } from '../src/engine/rule.js';
import { protocolOfConfiguredAssignor } from '../src/model/assignors.js';
import { isExplicit, judgeableClientValue } from '../src/model/judgeable.js';
import { clientsWithRole, isJavaFamily } from '../src/model/queries.js';
import { describeEffective, explicitSetting } from '../src/model/resolve.js';
import type { ClientFacts } from '../src/model/types.js';

/**
 * Whether the group rebalances eagerly. The Java consumer assigns with the first assignor all members support and
 * uses the eager protocol while any listed assignor is eager-only (ConsumerCoordinator), so a list that starts with
 * an eager assignor is eager; a list that starts with a cooperative one and still names an eager one is the first
 * step of the documented two-bounce upgrade and is left alone. librdkafka lists cannot mix the two protocols.
 */
function rebalancesEagerly(client: ClientFacts, assignors: string[]): boolean {
  if (assignors.length === 0) return false;
  const protocols = assignors.map(protocolOfConfiguredAssignor);
  if (protocols.every((protocol) => protocol === 'eager')) return true;
  return isJavaFamily(client) && protocols[0] === 'eager';
}

/** With KIP-848's consumer protocol the broker assigns partitions and the client's assignor list is not used. */
function usesBrokerSideAssignment(client: ClientFacts): boolean {
  const protocol = explicitSetting(client, 'group.protocol');
  return protocol !== undefined && (protocol.placeholder === true || protocol.value === 'consumer');
}

export default defineRule({
  id: 'eager-assignor',
  meta: {
    category: 'consumer-groups',
    defaultSeverity: 'warning',
    description: 'A consumer group uses only eager partition assignors, so every rebalance stops the whole group.',
    messages: {
      eager: 'Consumer group rebalances eagerly: {{effective}}{{detail}}. On every rebalance (a deploy, a scale-out, one member that is slow to poll) every member gives up all its partitions and the group consumes nothing until the new assignment is in place.',
      eagerDefault: 'Consumer group rebalances eagerly by default: {{effective}}{{detail}}. On every rebalance every member gives up all its partitions and the group consumes nothing until the new assignment is in place. Reported as info because this is the library default.',
      kafkajsOnlyEager: 'Consumer group rebalances eagerly: {{effective}}. On every rebalance every member gives up all its partitions and the group consumes nothing until the new assignment is in place. Reported as info because kafkajs has no cooperative assignor; @confluentinc/kafka-javascript (KafkaJS API) offers cooperative-sticky.',
    },
    help: 'Use the cooperative assignor: partition.assignment.strategy=org.apache.kafka.clients.consumer.CooperativeStickyAssignor (Java; a running group needs two rolling bounces) or cooperative-sticky (librdkafka).',
    inputs: ['properties', 'yaml', 'json', 'env', 'code'],
  },
  check({ model, report }) {
    for (const consumer of clientsWithRole(model, 'consumer')) {
      if (usesBrokerSideAssignment(consumer)) continue;
      const strategy = judgeableClientValue(consumer, 'partition.assignment.strategy');
      if (!strategy || !Array.isArray(strategy.value) || !rebalancesEagerly(consumer, strategy.value)) continue;
      const mixed = strategy.value.some((assignor) => protocolOfConfiguredAssignor(assignor) !== 'eager');
      const detail = mixed ? `; ${strategy.value[0]} is listed first, so the group assigns with it and uses the eager protocol` : '';
      const explicit = isExplicit(strategy);
      // kafkajs ships only the round-robin assigner and no cooperative protocol (Consuming.md): nothing better can be
      // chosen within kafkajs, so its finding stays informational and names the way out.
      const kafkajs = consumer.library === 'kafkajs';
      report({
        messageId: kafkajs ? 'kafkajsOnlyEager' : explicit ? 'eager' : 'eagerDefault',
        data: { effective: describeEffective(strategy), detail },
        location: strategy.setting?.location ?? consumer.location,
        subject: consumer,
        ...(explicit && !kafkajs ? {} : { severity: 'info' as const }),
        origin: strategy.origin,
        fingerprintKey: 'partition.assignment.strategy',
      });
    }
  },
});
