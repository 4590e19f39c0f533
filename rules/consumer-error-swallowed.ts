import { defineRule } from '../src/engine/rule.js';
import { clientsWithRole } from '../src/model/queries.js';

// A handler that throws keeps its message's offset from being committed: kafkajs commits only the offsets resolved
// before the failing message and retries it (maintainer, tulios/kafkajs#678; docs/Consuming.md). A handler that
// catches the error and returns normally tells the library the message was processed.

export default defineRule({
  id: 'consumer-error-swallowed',
  meta: {
    category: 'delivery',
    defaultSeverity: 'error',
    description: 'A message handler catches a processing error and carries on without rethrowing, pausing, seeking back or sending the message to a dead-letter topic, so the failed message is committed and lost.',
    messages: {
      swallowed: 'This {{what}} in the {{kind}} handler catches the processing error and returns normally: the message counts as processed, its offset is committed, and the message is lost without a trace beyond the log.',
    },
    help: 'Rethrow (the library then retries the message), pause the partition, or send the message to a dead-letter topic before moving on.',
    inputs: ['code'],
  },
  check({ model, report }) {
    for (const consumer of clientsWithRole(model, 'consumer')) {
      for (const handler of consumer.code?.handlers ?? []) {
        for (const swallowed of handler.swallowingCatches) {
          report({
            messageId: 'swallowed',
            data: { what: swallowed.description.startsWith('.catch') ? `${swallowed.description} handler` : swallowed.description.replace(/ \{ … \}$/, ' block'), kind: handler.kind },
            location: swallowed.location,
            subject: consumer,
            related: [{ message: `${handler.kind} handler`, location: handler.location }],
            fingerprintKey: `${handler.kind}:${swallowed.description}`,
          });
        }
      }
    }
  },
});
