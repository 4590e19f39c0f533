import { ruleTester } from '../support/lint-harness.js';

const KAFKAJS = (comment: string) =>
  `import { Kafka } from 'kafkajs'\nconst kafka = new Kafka({ clientId: 'c', brokers: ['k:9092'] })\n${comment}\nexport const producer = kafka.producer()\n`;

ruleTester('suppression-missing-reason', {
  valid: [
    { name: 'a reason after --', files: { 'producer.properties': '# kafkalint-disable-next-line producer-acks-one -- metrics stream\nacks=1\n' } },
    { name: 'a reason after three dashes', files: { 'producer.properties': '# kafkalint-disable-next-line producer-acks-one --- metrics stream\nacks=1\n' } },
    { name: 'a file-level comment without ids, with a reason', files: { 'producer.properties': 'acks=1\n# kafkalint-disable -- generated file\n' } },
    { name: 'a code comment with a reason', files: { 'p.ts': KAFKAJS('// kafkalint-disable-next-line idempotence-disabled -- dedup downstream') } },
    { name: 'an ordinary comment that quotes the directive mid-sentence', files: { 'producer.properties': '# write kafkalint-disable-next-line <id> above a line\nacks=1\n' } },
    { name: 'a directive-like word that is not a directive', files: { 'producer.properties': '# kafkalint-disabled producer-acks-one\nacks=1\n' } },
  ],
  invalid: [
    {
      name: 'no reason at all',
      files: { 'producer.properties': '# kafkalint-disable-next-line producer-acks-one\nacks=1\n' },
      findings: [{ line: 1, column: 1, messageId: 'missingReason', severity: 'warning', message: 'kafkalint-disable-next-line comment suppresses findings without saying why' }],
    },
    {
      name: 'an empty reason after --',
      files: { 'application.yml': 'spring:\n  kafka:\n    producer:\n      acks: 1 # kafkalint-disable-line producer-acks-one --\n' },
      findings: [{ line: 4, column: 15, messageId: 'missingReason' }],
    },
    {
      name: 'a reason written without --',
      files: { 'producer.properties': '# kafkalint-disable-next-line producer-acks-one metrics stream\nacks=1\n' },
      findings: [{ line: 1, messageId: 'reasonWithoutSeparator', message: 'no ` -- ` before it' }],
    },
    {
      name: 'a code block comment without a reason',
      files: { 'p.ts': KAFKAJS('/* kafkalint-disable-next-line idempotence-disabled */') },
      findings: [{ line: 3, column: 1, messageId: 'missingReason' }],
    },
    {
      name: 'a file-level comment without ids or reason, in an env file',
      files: { 'broker.env': 'KAFKA_CFG_PROCESS_ROLES=broker\n# kafkalint-disable\n' },
      findings: [{ line: 2, messageId: 'missingReason' }],
    },
  ],
});
