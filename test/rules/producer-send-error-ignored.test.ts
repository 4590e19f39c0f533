import { expect, it } from 'vitest';
import { lintFiles, ruleTester } from '../support/lint-harness.js';

const KAFKAJS = "import { Kafka } from 'kafkajs'\nconst producer = new Kafka({ brokers: ['k:9092'] }).producer()\n";
const RDKAFKA = "const Kafka = require('node-rdkafka')\n";

ruleTester('producer-send-error-ignored', {
  valid: [
    { name: 'an awaited send', files: { 'src/a.ts': `${KAFKAJS}export async function publish(m) {\n  await producer.send({ topic: 't', messages: [m] })\n}\n` } },
    { name: 'a returned send', files: { 'src/a.ts': `${KAFKAJS}export function publish(m) {\n  return producer.send({ topic: 't', messages: [m] })\n}\n` } },
    { name: 'an arrow that returns the send', files: { 'src/a.ts': `${KAFKAJS}export const publish = (m) => producer.send({ topic: 't', messages: [m] })\n` } },
    {
      name: 'a try whose catch answers the request',
      files: { 'src/a.ts': `${KAFKAJS}app.post('/o', async (req, res) => {\n  try { await producer.send({ topic: 't', messages: [req.body] }); res.sendStatus(202) }\n  catch (e) { logger.error(e); res.sendStatus(503) }\n})\n` },
    },
    {
      name: 'a catch that logs and rethrows',
      files: { 'src/a.ts': `${KAFKAJS}export async function publish(m) {\n  try { await producer.send({ topic: 't', messages: [m] }) } catch (e) { console.error(e); throw e }\n}\n` },
    },
    { name: '.catch that records a metric', files: { 'src/a.ts': `${KAFKAJS}producer.send({ topic: 't', messages: [] }).catch((e) => failures.inc({ reason: e.type }))\n` } },
    {
      name: 'a catch that logs and returns false to tell the caller',
      files: { 'src/a.ts': `${KAFKAJS}export async function publish(m) {\n  try { await producer.send({ topic: 't', messages: [m] }); return true } catch (e) { logger.error(e); return false }\n}\n` },
    },
    { name: '.catch with a handler defined elsewhere', files: { 'src/a.ts': `${KAFKAJS}import { onSendError } from './errors'\nproducer.send({ topic: 't', messages: [] }).catch(onSendError)\n` } },
    { name: '.then with a rejection handler that retries', files: { 'src/a.ts': `${KAFKAJS}producer.send({ topic: 't', messages: [] }).then(done, (e) => retryLater(e))\n` } },
    { name: 'a promise kept and awaited later', files: { 'src/a.ts': `${KAFKAJS}const pending = producer.send({ topic: 't', messages: [] })\nawait doOtherWork()\nawait pending\n` } },
    { name: 'promises pushed and awaited with Promise.all', files: { 'src/a.ts': `${KAFKAJS}const sent = []\nfor (const m of ms) sent.push(producer.send({ topic: 't', messages: [m] }))\nawait Promise.all(sent)\n` } },
    { name: 'Promise.all over mapped sends', files: { 'src/a.ts': `${KAFKAJS}await Promise.all(ms.map((m) => producer.send({ topic: 't', messages: [m] })))\n` } },
    { name: 'a send mentioned in a comment and a string', files: { 'src/a.ts': `${KAFKAJS}// producer.send({ topic }) without await loses errors\nconst doc = 'producer.send()'\nawait producer.send({ topic: 't', messages: [] })\n` } },
    {
      name: 'node-rdkafka with dr_cb, polling and a delivery-report listener that checks err',
      files: {
        'src/p.js': `${RDKAFKA}const producer = new Kafka.Producer({ 'metadata.broker.list': 'k:9092', dr_cb: true })\nproducer.setPollInterval(100)\nproducer.on('delivery-report', (err, report) => { if (err) failed.push(report) })\nproducer.produce('t', null, Buffer.from('x'))\n`,
      },
    },
    {
      name: 'node-rdkafka HighLevelProducer with a produce callback that reads err',
      files: { 'src/p.js': `${RDKAFKA}const producer = new Kafka.HighLevelProducer({ 'metadata.broker.list': 'k:9092' })\nproducer.produce('t', null, Buffer.from('x'), null, Date.now(), (err, offset) => { if (err) reject(err) })\n` },
    },
    {
      name: 'node-rdkafka with a config object built elsewhere (dr_cb unknown)',
      files: { 'src/p.js': `${RDKAFKA}const producer = new Kafka.Producer(loadConfig())\nproducer.setPollInterval(100)\nproducer.on('delivery-report', (err) => { if (err) alert(err) })\nproducer.produce('t', null, Buffer.from('x'))\n` },
    },
  ],
  invalid: [
    {
      name: 'a floating send',
      files: { 'src/a.ts': `${KAFKAJS}app.post('/o', (req, res) => {\n  producer.send({ topic: 't', messages: [{ value: req.body }] })\n  res.sendStatus(202)\n})\n` },
      findings: [{ line: 4, column: 3, messageId: 'promiseDropped', severity: 'warning' }],
    },
    {
      name: '.catch that only logs, and .catch(console.error)',
      files: { 'src/a.ts': `${KAFKAJS}producer.send({ topic: 't', messages: [] }).catch((e) => console.log(e))\nproducer.sendBatch({ topicMessages: [] }).catch(console.error)\n` },
      findings: [{ line: 3 }, { line: 4, message: 'sendBatch()' }],
    },
    {
      name: 'an empty .catch, and a catch that logs and returns nothing',
      files: { 'src/a.ts': `${KAFKAJS}producer.send({ topic: 't', messages: [] }).catch(() => {})\nexport async function publish(m) {\n  try { await producer.send({ topic: 't', messages: [m] }) } catch (e) { console.warn(e); return }\n}\n` },
      findings: [{ line: 3 }, { line: 5 }],
    },
    {
      name: 'a .catch that logs through a logger handed out by a call',
      files: { 'src/a.ts': `${KAFKAJS}export const publish = (m) => producer.send({ topic: 't', messages: [m] }).catch((e) => kafka.logger().error(e.message))\n` },
      findings: [{ line: 3 }],
    },
    {
      name: 'a try/catch that only logs the awaited send',
      files: { 'src/a.ts': `${KAFKAJS}export async function publish(m) {\n  try {\n    await producer.send({ topic: 't', messages: [m] })\n  } catch (e) {\n    this.logger.warn('send failed', e)\n  }\n}\n` },
      findings: [{ line: 5 }],
    },
    {
      name: 'async callbacks of forEach (nobody waits for them), then without a rejection handler, void',
      files: {
        'src/a.ts': `${KAFKAJS}orders.forEach(async (o) => {\n  await producer.send({ topic: 't', messages: [{ value: o }] })\n})\nproducer.send({ topic: 't', messages: [] }).then(() => console.log('ok'))\nvoid producer.send({ topic: 't', messages: [] })\nsetTimeout(() => producer.send({ topic: 't', messages: [] }), 10)\n`,
      },
      findings: [{ line: 4 }, { line: 6 }, { line: 7 }, { line: 8 }],
    },
    {
      name: 'node-rdkafka without dr_cb',
      files: { 'src/p.js': `${RDKAFKA}const producer = new Kafka.Producer({ 'metadata.broker.list': 'k:9092' })\nproducer.on('ready', () => {\n  producer.produce('t', null, Buffer.from('x'))\n})\n` },
      findings: [{ line: 4, messageId: 'deliveryUnread' }],
    },
    {
      name: 'node-rdkafka with dr_cb and a listener that ignores err (the README example)',
      files: {
        'src/p.js': `${RDKAFKA}const producer = new Kafka.Producer({ 'metadata.broker.list': 'k:9092', 'dr_cb': true })\nproducer.setPollInterval(100)\nproducer.on('delivery-report', function (err, report) { console.log(report) })\nproducer.produce('t', null, Buffer.from('x'))\n`,
      },
      findings: [{ line: 5, messageId: 'deliveryUnread' }],
    },
    {
      name: 'node-rdkafka with dr_cb and a listener, but nothing polls',
      files: { 'src/p.js': `${RDKAFKA}const producer = new Kafka.Producer({ 'metadata.broker.list': 'k:9092', dr_cb: true })\nproducer.on('delivery-report', (err) => { if (err) alert(err) })\nproducer.produce('t', null, Buffer.from('x'))\n` },
      findings: [{ line: 4 }],
    },
  ],
});

it('a kafkalint-disable-next-line comment with a reason suppresses a fire-and-forget send', async () => {
  const { findings } = await lintFiles({
    'src/metrics.ts': `${KAFKAJS}// kafkalint-disable-next-line producer-send-error-ignored -- metrics are best effort\nproducer.send({ topic: 'metrics', messages: [{ value: 'tick' }] })\n`,
  });
  const finding = findings.find((candidate) => candidate.ruleId === 'producer-send-error-ignored');
  expect(finding?.suppression).toMatchObject({ kind: 'inline', justification: 'metrics are best effort' });
});
