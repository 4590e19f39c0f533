import { defineRule } from '../src/engine/rule.js';

// Reported by the engine's suppression pass (src/engine/suppressions.ts) once every other rule has run: whether a
// comment is a suppression is not a fact of the Kafka model. This module holds the rule's messages and severity.
export default defineRule({
  id: 'suppression-missing-reason',
  meta: {
    category: 'governance',
    defaultSeverity: 'warning',
    description: 'A kafkalint-disable comment gives no reason for the exception it makes.',
    messages: {
      missingReason: 'This {{directive}} comment suppresses findings without saying why. Write the reason after ` -- `, so a reviewer can judge the exception later.',
      reasonWithoutSeparator: 'This {{directive}} comment has text after its rule ids but no ` -- ` before it, so kafkalint does not read it as the reason.',
    },
    help: 'Add ` -- <why this is acceptable here>` after the rule ids, e.g. `# kafkalint-disable-next-line producer-acks-one -- metrics stream, loss accepted`.',
    inputs: ['properties', 'yaml', 'env', 'code'],
  },
  check() {},
});
