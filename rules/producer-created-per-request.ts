import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  id: 'producer-created-per-request',
  meta: {
    category: 'performance',
    defaultSeverity: 'error',
    description: 'A producer is created inside a request handler, a message handler or a loop, so every call pays for a new client.',
    messages: {
      perRequest:
        'Producer {{where}}. Every new producer opens its own broker connections and fetches metadata before its first record, and one that is not disconnected keeps its sockets and timers alive.',
    },
    help: 'Create the producer once at startup (or lazily, once), connect it once, and share it; disconnect it at shutdown.',
    inputs: ['code'],
  },
  check({ model, report }) {
    for (const client of model.clients) {
      const site = client.code?.createdPerRequest;
      if (client.role !== 'producer' || !site) continue;
      report({ messageId: 'perRequest', data: { where: site.description }, location: site.location, subject: client, fingerprintKey: 'creation' });
    }
  },
});
