import { ruleTester } from './strict-harness.js';

const kafkajs = (...lines: string[]) => ["import { Kafka } from 'kafkajs'", "const consumer = new Kafka({ brokers: ['k:9092'] }).consumer({ groupId: 'g' })", ...lines, ''].join('\n');
const eachMessage = (...body: string[]) => kafkajs('await consumer.run({ eachMessage: async ({ topic, partition, message, pause }) => {', ...body, '} })');

ruleTester('consumer-error-swallowed', {
  valid: [
    { name: 'the catch rethrows', files: { 'c.ts': eachMessage('  try { await handle(message) } catch (e) { console.error(e); throw e }') } },
    { name: 'the catch throws a wrapped error', files: { 'c.ts': eachMessage('  try { await handle(message) } catch (e) { throw new RetryableError(String(e)) }') } },
    { name: 'the catch rethrows only for some errors', files: { 'c.ts': eachMessage('  try { await handle(message) } catch (e) { if (isTransient(e)) throw e; logger.warn(e) }') } },
    { name: 'the catch pauses the partition', files: { 'c.ts': eachMessage('  try { await handle(message) } catch (e) { logger.error(e); pause() }') } },
    { name: 'the catch pauses through the consumer', files: { 'c.ts': eachMessage('  try { await handle(message) } catch (e) { consumer.pause([{ topic }]) }') } },
    { name: 'the catch seeks back', files: { 'c.ts': eachMessage('  try { await handle(message) } catch (e) { consumer.seek({ topic, partition, offset: message.offset }) }') } },
    {
      name: 'the catch sends the message to a dead-letter topic',
      files: { 'c.ts': eachMessage("  try { await handle(message) } catch (e) { await producer.send({ topic: 'orders.dlq', messages: [message] }) }") },
    },
    { name: 'the catch calls a dead-letter helper', files: { 'c.ts': eachMessage('  try { await handle(message) } catch (e) { await sendToDlq(message, e) }') } },
    { name: 'the catch records the failure in a table', files: { 'c.ts': eachMessage('  try { await handle(message) } catch (e) { await db.failures.insert({ offset: message.offset }) }') } },
    { name: 'the catch ends the process', files: { 'c.ts': eachMessage('  try { await handle(message) } catch (e) { console.error(e); process.exit(1) }') } },
    {
      name: 'the catch hands the error to a helper we cannot see',
      files: { 'c.ts': kafkajs("import { onFailure } from './errors'", 'await consumer.run({ eachMessage: async ({ message }) => { try { await handle(message) } catch (e) { await onFailure(e, message) } } })') },
    },
    { name: 'a try that only parses the message (a poison-message filter)', files: { 'c.ts': eachMessage('  let order', '  try { order = JSON.parse(message.value!.toString()) } catch { logger.warn("bad json"); return }', '  await save(order)') } },
    { name: 'a retry loop that leaves once the work succeeds', files: { 'c.ts': eachMessage('  for (;;) {', '    try { await handle(message); break } catch (e) { logger.warn(e); await sleep(1000) }', '  }') } },
    { name: 'a promise .catch that rethrows', files: { 'c.ts': eachMessage('  await handle(message).catch((e) => { logger.error(e); throw e })') } },
    {
      name: 'eachBatch without auto-resolve that stops the batch at the failed message',
      files: {
        'c.ts': kafkajs(
          'await consumer.run({ eachBatchAutoResolve: false, eachBatch: async ({ batch, resolveOffset }) => {',
          '  for (const message of batch.messages) {',
          '    try { await handle(message); resolveOffset(message.offset) } catch (e) { logger.error(e); break }',
          '  }',
          '} })',
        ),
      },
    },
    { name: 'a catch outside any handler', files: { 'c.ts': kafkajs('try { await consumer.connect() } catch (e) { console.error(e) }') } },
    { name: 'a handler with no try at all', files: { 'c.ts': eachMessage('  await handle(message)') } },
  ],
  invalid: [
    {
      name: 'the issue example: the catch only logs',
      files: { 'c.ts': eachMessage('  try { await handle(message) } catch (e) { console.error(e) }') },
      findings: [{ line: 4, column: 33, messageId: 'swallowed', severity: 'error', message: 'eachMessage handler' }],
    },
    {
      name: 'an empty catch',
      files: { 'c.ts': eachMessage('  try {', '    await db.insert(message.value)', '  } catch {}') },
      findings: [{ line: 6 }],
    },
    {
      name: 'a promise .catch that only logs',
      files: { 'c.ts': eachMessage('  await handle(message).catch((e) => logger.error(e))') },
      findings: [{ line: 4, message: '.catch(…) handler' }],
    },
    {
      name: 'a promise .catch(console.error)',
      files: { 'c.ts': eachMessage('  return handle(message).catch(console.error)') },
      findings: [{ line: 4 }],
    },
    {
      name: 'a per-message catch inside eachBatch',
      files: {
        'c.ts': kafkajs(
          'await consumer.run({ eachBatch: async ({ batch }) => {',
          '  for (const message of batch.messages) {',
          '    try { await handle(message) } catch (e) { logger.error({ err: e }, "failed") }',
          '  }',
          '} })',
        ),
      },
      findings: [{ line: 5, message: 'eachBatch handler' }],
    },
    {
      name: 'the catch is in a helper the handler awaits',
      files: {
        'c.ts': kafkajs(
          'async function process(message) {',
          '  try { await repo.save(message.value) } catch (e) { logger.error(e) }',
          '}',
          'await consumer.run({ eachMessage: async ({ message }) => { await process(message) } })',
        ),
      },
      findings: [{ line: 4 }],
    },
    {
      name: 'the catch hands the error to a local helper that only logs',
      files: {
        'c.ts': kafkajs(
          'function report(err) { console.error("failed", err) }',
          'await consumer.run({ eachMessage: async ({ message }) => { try { await handle(message) } catch (e) { report(e) } } })',
        ),
      },
      findings: [{ line: 4 }],
    },
    {
      name: 'a node-rdkafka data handler with a catch that logs',
      files: {
        'c.ts': [
          "const Kafka = require('node-rdkafka')",
          "const consumer = new Kafka.KafkaConsumer({ 'group.id': 'g', 'enable.auto.commit': false }, {})",
          "consumer.on('data', async (m) => {",
          '  try { await pg.query("INSERT 1"); consumer.commitMessage(m) } catch (err) { console.log(err) }',
          '})',
          '',
        ].join('\n'),
      },
      findings: [{ line: 4, message: 'data-event handler' }],
    },
  ],
});
