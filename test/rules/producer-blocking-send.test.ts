import { ruleTester } from '../support/lint-harness.js';

const KAFKAJS = "import { Kafka } from 'kafkajs'\nconst producer = new Kafka({ brokers: ['k:9092'] }).producer()\n";
const CKJS = "import { KafkaJS } from '@confluentinc/kafka-javascript'\nconst producer = new KafkaJS.Kafka({ kafkaJS: { brokers: ['k:9092'] } }).producer()\n";

ruleTester('producer-blocking-send', {
  valid: [
    {
      name: 'one send with messages built by orders.map(…)',
      files: { 'src/publish.ts': `${KAFKAJS}export async function publish(orders) {\n  await producer.send({ topic: 'orders', messages: orders.map((o) => ({ value: o })) })\n}\n` },
    },
    {
      name: 'an awaited send per batch of many messages',
      files: { 'src/publish.ts': `${KAFKAJS}export async function publish(batches) {\n  for (const batch of batches) {\n    await producer.send({ topic: 'orders', messages: batch })\n  }\n}\n` },
    },
    {
      name: 'a batch built per iteration with a spread',
      files: { 'src/publish.ts': `${KAFKAJS}for (const chunk of chunks) await producer.send({ topic: 't', messages: [...chunk] })\n` },
    },
    {
      name: 'sends started in the loop and awaited together',
      files: { 'src/publish.ts': `${KAFKAJS}const pending = []\nfor (const o of orders) pending.push(producer.send({ topic: 't', messages: [{ value: o }] }))\nawait Promise.all(pending)\n` },
    },
    {
      name: 'Promise.all over a map of single sends (concurrent, not one at a time)',
      files: { 'src/publish.ts': `${KAFKAJS}await Promise.all(orders.map((o) => producer.send({ topic: 't', messages: [{ value: o }] })))\n` },
    },
    {
      name: 'an awaited single send outside any loop',
      files: { 'src/publish.ts': `${KAFKAJS}export async function publish(o) {\n  await producer.send({ topic: 't', messages: [{ value: o }] })\n}\n` },
    },
    {
      name: 'an awaited single send in eachMessage (a handler, not a loop)',
      files: { 'src/relay.ts': `${KAFKAJS}await consumer.run({ eachMessage: async ({ message }) => { await producer.send({ topic: 'out', messages: [{ value: message.value }] }) } })\n` },
    },
    {
      name: 'sendBatch with several topics in a loop',
      files: { 'src/publish.ts': `${KAFKAJS}for (const group of groups) await producer.sendBatch({ topicMessages: group })\n` },
    },
    {
      name: 'a retry loop around one send (break after success)',
      files: { 'src/publish.ts': `${KAFKAJS}for (let attempt = 1; attempt <= 3; attempt++) {\n  try {\n    await producer.send({ topic: 't', messages: [{ value: body }] })\n    break\n  } catch (e) {\n    await sleep(attempt * 100)\n  }\n}\n` },
    },
    {
      name: 'a retry loop that returns, and one that sets a flag its condition tests',
      files: {
        'src/publish.ts': `${KAFKAJS}export async function publish(m) {\n  while (true) {\n    try { return await producer.send({ topic: 't', messages: [m] }) } catch { await sleep(100) }\n  }\n}\nlet sent = false\nwhile (!sent) {\n  try { await producer.send({ topic: 't', messages: [{ value: 'x' }] }); sent = true } catch { await sleep(100) }\n}\n`,
      },
    },
    {
      name: 'a loop that mentions send only in a comment',
      files: { 'src/publish.ts': `${KAFKAJS}for (const o of orders) {\n  // await producer.send({ topic: 't', messages: [{ value: o }] })\n  queue.push(o)\n}\n` },
    },
    {
      name: 'node-rdkafka produce in a loop (produce only queues; librdkafka batches)',
      files: { 'src/publish.js': "const Kafka = require('node-rdkafka')\nconst producer = new Kafka.Producer({ 'metadata.broker.list': 'k:9092' })\nfor (const o of orders) producer.produce('t', null, Buffer.from(o))\n" },
    },
    {
      name: 'a send on something that is not a Kafka producer',
      files: { 'src/mail.ts': `${KAFKAJS}for (const u of users) await mailer.send({ to: u, messages: [{ value: 'hi' }] })\n` },
    },
  ],
  invalid: [
    {
      name: 'the issue example: await producer.send per order in a for…of loop',
      files: { 'src/publish.ts': `${KAFKAJS}for (const o of orders) {\n  await producer.send({ topic: 'orders', messages: [{ value: o }] })\n}\n` },
      findings: [{ line: 4, column: 9, messageId: 'kafkajsRoundTrip', severity: 'warning', message: 'one-message send() per iteration' }],
    },
    {
      name: 'a while loop draining a queue, and a for await loop over a stream',
      files: {
        'src/publish.ts': `${KAFKAJS}while (queue.length > 0) {\n  const next = queue.shift()\n  await producer.send({ topic: 't', messages: [{ key: next.id, value: next.body }] })\n}\nfor await (const line of lines) await producer.send({ topic: 't', messages: [{ value: line }] })\n`,
      },
      findings: [{ line: 5 }, { line: 7 }],
    },
    {
      name: 'a one-element messages array kept in a const, with .then after the send',
      files: { 'src/publish.ts': `${KAFKAJS}for (let i = 0; i < n; i++) {\n  const messages = [{ value: String(i) }]\n  await producer.send({ topic: 't', messages }).then(() => count++)\n}\n` },
      findings: [{ line: 5 }],
    },
    {
      name: 'a break before the send (a loop that stops at a condition) still sends per record',
      files: { 'src/publish.ts': `${KAFKAJS}for (const o of orders) {\n  if (o.last) break\n  await producer.send({ topic: 't', messages: [{ value: o }] })\n}\n` },
      findings: [{ line: 5 }],
    },
    {
      name: 'sendBatch with one topic and one message per iteration',
      files: { 'src/publish.ts': `${KAFKAJS}for (const o of orders) await producer.sendBatch({ topicMessages: [{ topic: 't', messages: [{ value: o }] }] })\n` },
      findings: [{ line: 3, message: 'one-message sendBatch()' }],
    },
    {
      name: '@confluentinc/kafka-javascript: each await also waits for linger',
      files: { 'src/publish.ts': `${CKJS}for (const o of orders) {\n  await producer.send({ topic: 't', messages: [{ value: o }] })\n}\n` },
      findings: [{ line: 4, messageId: 'ckjsLinger', message: 'linger.ms' }],
    },
  ],
});
