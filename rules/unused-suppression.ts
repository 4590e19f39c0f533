import { defineRule } from '../src/engine/rule.js';

// Reported by the engine's suppression pass (src/engine/suppressions.ts) once every other rule has run: a comment
// is unused only when no finding of the whole run fell under it. This module holds the rule's messages and severity.
export default defineRule({
  id: 'unused-suppression',
  meta: {
    category: 'governance',
    defaultSeverity: 'warning',
    description: 'A kafkalint-disable comment suppresses nothing: the finding it was written for is gone, or it names a rule id that does not exist.',
    messages: {
      unusedRule: 'This {{directive}} comment suppresses {{ruleId}}, but {{scope}} has no {{ruleId}} finding.',
      unusedAll: 'This {{directive}} comment suppresses every rule, but {{scope}} has no finding.',
      unknownRule: 'This {{directive}} comment names unknown rule id {{ruleId}}{{suggestion}}, so it suppresses nothing.',
    },
    help: 'Delete the comment (or the rule id) if the finding is fixed; otherwise correct the rule id or move the comment to the line above the finding.',
    inputs: ['properties', 'yaml', 'env', 'code'],
  },
  check() {},
});
