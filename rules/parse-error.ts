import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  id: 'parse-error',
  meta: {
    category: 'governance',
    defaultSeverity: 'error',
    description: 'A file that looks like Kafka configuration could not be parsed, so none of its settings were checked.',
    messages: {
      unparseable: 'Could not parse this file, so its Kafka settings were not checked: {{reason}}',
    },
    help: 'Fix the syntax error at this location; until then kafkalint cannot check anything in this file.',
    inputs: ['properties', 'yaml', 'json', 'env', 'code'],
  },
  check({ model, report }) {
    for (const problem of model.problems) {
      report({
        messageId: 'unparseable',
        data: { reason: problem.message },
        location: { file: problem.file, line: problem.line, column: problem.column },
        fingerprintKey: 'parse',
      });
    }
  },
});
