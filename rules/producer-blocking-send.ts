import { defineRule } from '../src/engine/rule.js';

/** The libraries whose awaited `send` is a round trip of its own: kafkajs and the KafkaJS API of CKJS. */
const MESSAGE_OF_LIBRARY: Record<string, 'kafkajsRoundTrip' | 'ckjsLinger'> = {
  kafkajs: 'kafkajsRoundTrip',
  'confluent-kafka-javascript': 'ckjsLinger',
};

export default defineRule({
  id: 'producer-blocking-send',
  meta: {
    category: 'delivery',
    defaultSeverity: 'warning',
    description: 'A loop awaits a one-message send per iteration, so records go to the broker one round trip at a time.',
    messages: {
      kafkajsRoundTrip:
        'This loop awaits a one-message {{method}}() per iteration. kafkajs does not batch on its own, so each record waits for a full request round trip before the next one starts.',
      ckjsLinger:
        'This loop awaits a one-message {{method}}() per iteration. Each awaited send waits for linger.ms (5 ms by default) plus the round trip before the next record is even queued.',
    },
    help: 'Collect the records and send them in one call (messages: [...] or sendBatch), or start the sends and await them together.',
    inputs: ['code'],
  },
  check({ model, report }) {
    for (const client of model.clients) {
      const messageId = MESSAGE_OF_LIBRARY[client.library];
      if (!messageId || client.role !== 'producer') continue;
      for (const send of client.code?.sends ?? []) {
        if (!send.awaitedInLoop || !send.singleMessage) continue;
        report({ messageId, data: { method: send.method ?? 'send' }, location: send.location, subject: client, fingerprintKey: send.method ?? 'send' });
      }
    }
  },
});
