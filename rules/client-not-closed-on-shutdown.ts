import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  id: 'client-not-closed-on-shutdown',
  meta: {
    category: 'consumer-groups',
    defaultSeverity: 'warning',
    description: 'A long-lived producer or consumer is never disconnected when the process is asked to stop.',
    messages: {
      consumer:
        'This consumer is not disconnected at shutdown: no disconnect() or close() runs from a SIGTERM/SIGINT handler or a shutdown hook. When the process stops, the group waits for the session timeout before it hands the partitions to another member, and records processed since the last commit are delivered again.',
      producer:
        'This producer is not disconnected at shutdown: no disconnect(), flush() or close() runs from a SIGTERM/SIGINT handler or a shutdown hook. When the process stops, sends still in flight (and, for librdkafka-based clients, records still queued) are lost.',
    },
    help: "Handle SIGTERM and SIGINT (or your framework's shutdown hook) and await the client's disconnect() before exiting.",
    inputs: ['code'],
  },
  check({ model, report }) {
    for (const client of model.clients) {
      const code = client.code;
      if (!code || (client.role !== 'producer' && client.role !== 'consumer')) continue;
      // Closed at shutdown or after its work; created per request (its own rule); or handed to code we do not follow.
      if (code.closedOnShutdown || code.closedAfterUse || code.createdPerRequest || code.escapesAt) continue;
      report({ messageId: client.role, location: code.creation, subject: client, fingerprintKey: 'shutdown' });
    }
  },
});
