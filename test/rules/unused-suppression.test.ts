import { ruleTester } from '../support/lint-harness.js';

const KAFKAJS = (comment: string, options = '') =>
  `import { Kafka } from 'kafkajs'\nconst kafka = new Kafka({ clientId: 'c', brokers: ['k:9092'] })\n${comment}\nexport const producer = kafka.producer(${options})\n`;

ruleTester('unused-suppression', {
  valid: [
    { name: 'the next line has the finding', files: { 'producer.properties': '# kafkalint-disable-next-line producer-acks-one -- metrics\nacks=1\n' } },
    { name: 'a trailing disable-line on the finding line', files: { 'application.yml': 'spring:\n  kafka:\n    producer:\n      acks: 1 # kafkalint-disable-line producer-acks-one -- metrics\n' } },
    { name: 'a file-level comment with a finding anywhere in the file', files: { 'producer.properties': 'acks=1\n\n# kafkalint-disable producer-acks-one -- metrics\n' } },
    { name: 'a code comment above the finding', files: { 'p.ts': KAFKAJS('// kafkalint-disable-next-line idempotence-disabled -- dedup downstream') } },
    { name: 'a comment text that only mentions a rule id', files: { 'producer.properties': '# producer-acks-one is suppressed below for metrics\n# kafkalint-disable-next-line producer-acks-one -- metrics\nacks=1\n' } },
  ],
  invalid: [
    {
      name: 'the finding was fixed',
      files: { 'producer.properties': '# kafkalint-disable-next-line producer-acks-one -- metrics\nacks=all\n' },
      findings: [{ line: 1, column: 31, messageId: 'unusedRule', severity: 'warning', message: 'suppresses producer-acks-one, but the next line has no producer-acks-one finding' }],
    },
    {
      name: 'the comment is one line too high',
      files: { 'producer.properties': '# kafkalint-disable-next-line producer-acks-one -- metrics\n\nacks=1\n' },
      findings: [{ line: 1, messageId: 'unusedRule' }],
    },
    {
      name: 'an unknown rule id, with a did-you-mean',
      files: { 'producer.properties': '# kafkalint-disable-next-line producer-acks-1 -- metrics\nacks=1\n' },
      findings: [{ line: 1, column: 31, messageId: 'unknownRule', message: 'unknown rule id producer-acks-1 (did you mean producer-acks-one?)' }],
    },
    {
      name: 'one of two ids is unused',
      files: { 'producer.properties': '# kafkalint-disable-next-line producer-acks-one, producer-acks-zero -- metrics\nacks=1\n' },
      findings: [{ line: 1, column: 50, message: 'producer-acks-zero' }],
    },
    {
      name: 'a comment without ids that covers nothing',
      files: { 'producer.properties': 'acks=1\n# kafkalint-disable-next-line -- metrics\n\n' },
      findings: [{ line: 2, column: 1, messageId: 'unusedAll' }],
    },
    {
      name: 'a disable-line alone on its line',
      files: { 'producer.properties': '# kafkalint-disable-line producer-acks-one -- metrics\nacks=1\n' },
      findings: [{ line: 1, message: 'use kafkalint-disable-next-line' }],
    },
    {
      name: 'a code suppression after the idempotence fix',
      files: { 'p.ts': KAFKAJS('// kafkalint-disable-next-line idempotence-disabled -- dedup downstream', '{ idempotent: true, maxInFlightRequests: 1 }') },
      findings: [{ line: 3, column: 32, messageId: 'unusedRule' }],
    },
    {
      name: 'a stale suppression in a compose file',
      files: { 'docker-compose.yml': 'services:\n  kafka:\n    image: apache/kafka:3.7.0\n    environment:\n      # kafkalint-disable-next-line unclean-leader-election-enabled -- chaos tests\n      KAFKA_NODE_ID: 1\n' },
      findings: [{ line: 5, messageId: 'unusedRule' }],
    },
  ],
});
