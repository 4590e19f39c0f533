import { ruleTester } from '../support/lint-harness.js';

ruleTester('auto-offset-reset-latest', {
  valid: [
    { name: 'earliest', files: { 'consumer.properties': 'group.id=g\nauto.offset.reset=earliest\n' } },
    { name: 'librdkafka smallest', files: { 'consumer.config': 'metadata.broker.list=k:9092\ngroup.id=g\nauto.offset.reset=smallest\n' } },
    { name: 'none', files: { 'consumer.properties': 'group.id=g\nauto.offset.reset=none\n' } },
    { name: 'the default is not an explicit choice', files: { 'consumer.properties': 'group.id=g\n' } },
    { name: 'a comment mentioning latest', files: { 'consumer.properties': 'group.id=g\n# auto.offset.reset=latest\nauto.offset.reset=earliest\n' } },
    { name: 'a placeholder is not judged', files: { 'consumer.properties': 'group.id=g\nauto.offset.reset=${OFFSET_RESET}\n' } },
    { name: 'Spring earliest', files: { 'application.yml': 'spring:\n  kafka:\n    consumer:\n      auto-offset-reset: earliest\n' } },
  ],
  invalid: [
    {
      name: 'explicit latest',
      files: { 'consumer.properties': 'group.id=g\nauto.offset.reset=latest\n' },
      findings: [{ line: 2, column: 1, messageId: 'startsAtEnd', severity: 'info', message: 'auto.offset.reset=latest (set at line 2)' }],
    },
    {
      name: 'librdkafka largest',
      files: { 'consumer.config': 'metadata.broker.list=k:9092\ngroup.id=g\nauto.offset.reset=largest\n' },
      findings: [{ line: 3, message: 'auto.offset.reset=largest' }],
    },
    {
      name: 'upper-case LATEST',
      files: { 'consumer.properties': 'group.id=g\nauto.offset.reset=LATEST\n' },
      findings: [{ line: 2 }],
    },
    {
      name: 'Spring application.yml',
      files: { 'application.yml': 'spring:\n  kafka:\n    consumer:\n      group-id: g\n      auto-offset-reset: latest\n' },
      findings: [{ line: 5, column: 7 }],
    },
  ],
});
