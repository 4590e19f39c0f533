import { defineRule } from '../src/engine/rule.js';
import { describeConflicts, producerIdempotence } from '../src/model/idempotence.js';
import { clientsWithRole } from '../src/model/queries.js';

export default defineRule({
  id: 'idempotence-silently-disabled',
  meta: {
    category: 'delivery',
    defaultSeverity: 'warning',
    description: 'A Java producer leaves enable.idempotence unset but sets acks, retries or in-flight requests in a way that makes the client turn its default idempotence off, with only a log line.',
    messages: {
      silentlyDisabled: 'Idempotence is off although this producer never turned it off: enable.idempotence is not set, so the {{library}} of true would apply, but {{conflicts}} {{verb}} incompatible with it and the client quietly disables it (it only logs this at startup). Retries after a lost acknowledgement can then write duplicates.',
    },
    help: 'Remove the conflicting setting (use acks=all, leave retries unset, keep max.in.flight.requests.per.connection at 5 or less). If you accept duplicates, set enable.idempotence=false so the choice is visible.',
    inputs: ['properties', 'yaml', 'json', 'env'],
  },
  check({ model, report }) {
    for (const producer of clientsWithRole(model, 'producer')) {
      const state = producerIdempotence(producer);
      if (state?.source !== 'silently-disabled') continue;
      const first = state.conflicts[0].effective;
      report({
        messageId: 'silentlyDisabled',
        data: {
          library: state.effective.origin.kind === 'default' ? state.effective.origin.library : 'library default',
          conflicts: describeConflicts(state.conflicts),
          verb: state.conflicts.length === 1 ? 'is' : 'are',
        },
        location: first.setting.location,
        subject: producer,
        origin: state.effective.origin,
        fingerprintKey: 'enable.idempotence',
      });
    }
  },
});
