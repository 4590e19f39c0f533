import { defineRule } from '../src/engine/rule.js';
import { groupAssignorOf, type AssignorClients } from '../src/model/assignors.js';

// The assignor a live group agreed on is the one its members chose, so the fix is in the clients' configuration. Only
// consumer-protocol groups with an agreed, known assignor are judged: an Empty group has no protocol, Connect and
// other protocol types assign differently, and a name we do not know is not assumed to be eager.

export default defineRule({
  id: 'live-group-eager-protocol',
  meta: {
    category: 'live',
    defaultSeverity: 'info',
    description: 'A live consumer group agreed on an eager assignor, so every rebalance stops the whole group.',
    messages: {
      eager: 'Group {{group}} rebalances eagerly: its members agreed on the {{protocol}} assignor. On every rebalance every member stops consuming and gives up all its partitions until the new assignment is in place. {{advice}}',
    },
    help: 'Configure the group\'s consumers with the cooperative assignor: CooperativeStickyAssignor (Java, two rolling bounces for a running group) or cooperative-sticky (librdkafka). kafkajs has no cooperative assignor.',
    inputs: ['live'],
  },
  check({ model, report }) {
    for (const group of model.live?.groups ?? []) {
      if (group.protocolType !== 'consumer' || group.protocol === '') continue;
      const assignor = groupAssignorOf(group.protocol);
      if (assignor.protocol !== 'eager') continue;
      report({
        messageId: 'eager',
        data: { group: group.groupId, protocol: group.protocol, advice: adviceFor(assignor.clients) },
        location: group.location,
        origin: { kind: 'live', cluster: model.live!.clusterId },
        fingerprintKey: group.groupId,
      });
    }
  },
});

function adviceFor(clients: AssignorClients | undefined): string {
  const java = 'Java clients: set partition.assignment.strategy=org.apache.kafka.clients.consumer.CooperativeStickyAssignor, in two rolling bounces for a running group (first list it before the old assignor, then remove the old one).';
  if (clients === 'java') return java;
  if (clients === 'kafkajs') {
    return 'kafkajs has no cooperative assignor, so there is nothing better to choose within it; @confluentinc/kafka-javascript (KafkaJS API) offers cooperative-sticky.';
  }
  return `${java} librdkafka clients: set partition.assignment.strategy=cooperative-sticky.`;
}
