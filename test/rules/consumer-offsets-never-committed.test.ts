import { ruleTester } from '../support/lint-harness.js';

const kafkajs = (...lines: string[]) => ["import { Kafka } from 'kafkajs'", "const consumer = new Kafka({ brokers: ['k:9092'] }).consumer({ groupId: 'g' })", ...lines, ''].join('\n');
const rdkafka = (conf: string, ...lines: string[]) => ["import Kafka from 'node-rdkafka'", `const consumer = new Kafka.KafkaConsumer({ 'group.id': 'g'${conf} }, {})`, ...lines, ''].join('\n');

ruleTester('consumer-offsets-never-committed', {
  valid: [
    { name: 'auto-commit on (the kafkajs default)', files: { 'c.ts': kafkajs('await consumer.run({ eachMessage: async ({ message }) => { await handle(message) } })') } },
    {
      name: 'autoCommit false with commitOffsets after processing',
      files: {
        'c.ts': kafkajs(
          'await consumer.run({ autoCommit: false, eachMessage: async ({ topic, partition, message }) => {',
          '  await handle(message)',
          '  await consumer.commitOffsets([{ topic, partition, offset: (Number(message.offset) + 1).toString() }])',
          '} })',
        ),
      },
    },
    {
      name: 'autoCommit false with a periodic commit elsewhere in the module',
      files: { 'c.ts': kafkajs('await consumer.run({ autoCommit: false, eachMessage: async ({ message }) => { await handle(message) } })', 'setInterval(() => consumer.commitOffsets(), 5000)') },
    },
    {
      name: 'eachBatch without auto-resolve that resolves each message',
      files: {
        'c.ts': kafkajs(
          'await consumer.run({ eachBatchAutoResolve: false, eachBatch: async ({ batch, resolveOffset }) => {',
          '  for (const m of batch.messages) { await handle(m); resolveOffset(m.offset) }',
          '} })',
        ),
      },
    },
    {
      name: 'eachBatch with auto-resolve (the default) resolves the batch itself',
      files: { 'c.ts': kafkajs('await consumer.run({ eachBatch: async ({ batch }) => { for (const m of batch.messages) await handle(m) } })') },
    },
    {
      name: 'node-rdkafka with auto-commit off and commitMessage after processing',
      files: { 'c.ts': rdkafka(", 'enable.auto.commit': false", "consumer.on('data', async (m) => { await pg.query('INSERT 1'); consumer.commitMessage(m) })") },
    },
    {
      name: 'node-rdkafka with auto-commit off and a commit in another listener',
      files: { 'c.ts': rdkafka(", 'enable.auto.commit': false", "consumer.on('data', (m) => { buffer.push(m) })", "consumer.on('rebalance', () => consumer.commitSync(null))") },
    },
    {
      name: 'auto-commit off but the consumer is exported: the commit may be elsewhere',
      files: {
        'c.ts': [
          "import { Kafka } from 'kafkajs'",
          "export const consumer = new Kafka({ brokers: ['k:9092'] }).consumer({ groupId: 'g' })",
          'await consumer.run({ autoCommit: false, eachMessage: async ({ message }) => { await handle(message) } })',
          '',
        ].join('\n'),
      },
    },
    {
      name: 'auto-commit off but the consumer is passed to a helper',
      files: { 'c.ts': kafkajs('startCommitLoop(consumer)', 'await consumer.run({ autoCommit: false, eachMessage: async ({ message }) => { await handle(message) } })') },
    },
    {
      name: 'auto-commit off and no handler in sight',
      files: { 'c.ts': rdkafka(", 'enable.auto.commit': false", 'consumer.connect()') },
    },
    {
      name: 'auto-commit decided by the environment',
      files: { 'c.ts': rdkafka(", 'enable.auto.commit': process.env.AUTO_COMMIT", "consumer.on('data', (m) => { handle(m) })") },
    },
  ],
  invalid: [
    {
      name: 'kafkajs run({ autoCommit: false }) and no commit anywhere',
      files: { 'c.ts': kafkajs('await consumer.run({', '  autoCommit: false,', '  eachMessage: async ({ message }) => { await handle(message) },', '})') },
      findings: [{ line: 4, column: 3, messageId: 'neverCommitted', severity: 'warning', message: 'enable.auto.commit=false (set at line 4)' }],
    },
    {
      name: 'resolveOffset alone does not commit when auto-commit is off',
      files: {
        'c.ts': kafkajs(
          'await consumer.run({ autoCommit: false, eachBatchAutoResolve: false, eachBatch: async ({ batch, resolveOffset }) => {',
          '  for (const m of batch.messages) { await handle(m); resolveOffset(m.offset) }',
          '} })',
        ),
      },
      findings: [{ line: 3, message: 'resolveOffset only marks offsets' }],
    },
    {
      name: 'node-rdkafka: offsetsStore with auto-commit off',
      files: { 'c.ts': rdkafka(", 'enable.auto.commit': false, 'enable.auto.offset.store': false", "consumer.on('data', async (m) => { await handle(m); consumer.offsetsStore([m]) })") },
      findings: [{ line: 2, messageId: 'neverCommitted', message: 'offsetsStore only marks offsets' }],
    },
    {
      name: 'eachBatch without auto-resolve that never resolves',
      files: { 'c.ts': kafkajs('await consumer.run({', '  eachBatchAutoResolve: false,', '  eachBatch: async ({ batch }) => { for (const m of batch.messages) await handle(m) },', '})') },
      findings: [{ line: 5, column: 3, messageId: 'batchNeverResolved' }],
    },
  ],
});
