// A reproducible monorepo for `npm run bench`: TS/JS modules of realistic size, 2 % of which use kafkajs (a client
// module that takes its options from a sibling config module, and a producer that sends), plus configuration files
// of the kinds kafkalint reads. The same seed always gives the same bytes.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** mulberry32: a small seeded PRNG, enough for reproducible variety. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOUNS = ['order', 'invoice', 'customer', 'payment', 'shipment', 'cart', 'product', 'account', 'session', 'report', 'ledger', 'refund'];
const VERBS = ['load', 'save', 'validate', 'render', 'compute', 'format', 'merge', 'filter', 'resolve', 'sync', 'apply', 'parse'];

function pick(next, list) {
  return list[Math.floor(next() * list.length)];
}

const capitalise = (word) => word[0].toUpperCase() + word.slice(1);

/** An ordinary module (~2–6 KB): imports, an interface, a class and helper functions; no Kafka. */
function plainModule(next, index, typescript) {
  const noun = pick(next, NOUNS);
  const type = `${capitalise(noun)}${index}`;
  const lines = [
    `import { ${pick(next, VERBS)}Helper } from './helpers'`,
    `import { logger } from '../shared/logger'`,
    "import { createHash } from 'node:crypto'",
    '',
  ];
  if (typescript) {
    lines.push(`export interface ${type} {`, '  id: string', '  createdAt: Date', `  amount: number`, '  tags: string[]', '  meta?: Record<string, unknown>', '}', '');
  }
  const ann = (text) => (typescript ? text : '');
  lines.push(`export class ${type}Service {`, `  private readonly items = new Map${ann(`<string, ${type}>`)}()`, '');
  const methods = 3 + Math.floor(next() * 8);
  for (let method = 0; method < methods; method++) {
    const verb = pick(next, VERBS);
    lines.push(
      `  async ${verb}${capitalise(noun)}${method}(input${ann(`: ${type}`)}, options${ann(': { strict?: boolean; limit?: number }')} = {})${ann(`: Promise<${type} | undefined>`)} {`,
      `    const existing = this.items.get(input.id)`,
      '    if (!existing && options.strict) {',
      `      logger.warn('${noun} not found', { id: input.id, method: '${verb}' })`,
      '      return undefined',
      '    }',
      `    const total = input.tags.reduce((sum, tag) => sum + tag.length, input.amount * ${1 + Math.floor(next() * 9)})`,
      `    const digest = createHash('sha1').update(input.id + String(total)).digest('hex').slice(0, ${6 + Math.floor(next() * 10)})`,
      `    const next${ann(`: ${type}`)} = { ...input, tags: [...input.tags, digest], amount: total }`,
      '    this.items.set(next.id, next)',
      `    for (const [key, value] of this.items) if (options.limit && this.items.size > options.limit) this.items.delete(key)`,
      '    return next',
      '  }',
      '',
    );
  }
  lines.push('}', '');
  const helpers = 2 + Math.floor(next() * 5);
  for (let helper = 0; helper < helpers; helper++) {
    lines.push(
      `export function ${pick(next, VERBS)}${capitalise(pick(next, NOUNS))}${helper}(values${ann(': number[]')})${ann(': number')} {`,
      '  let result = 0',
      '  for (const value of values) {',
      `    result = value > ${Math.floor(next() * 100)} ? result + value : result - value / 2`,
      '  }',
      '  return Math.round(result * 100) / 100',
      '}',
      '',
    );
  }
  return lines.join('\n');
}

function kafkaConfigModule(next, index) {
  const acks = pick(next, ['-1', '1', '-1', '-1']);
  return [
    `// Kafka settings of service ${index}.`,
    'export const kafkaConfig = {',
    `  clientId: 'service-${index}',`,
    `  brokers: ['kafka-${index % 3}.internal:9092', 'kafka-${(index + 1) % 3}.internal:9092'],`,
    `  ssl: ${next() < 0.7},`,
    '}',
    `export const sendAcks = ${acks}`,
    '',
  ].join('\n');
}

/** A kafkajs producer module of ordinary size, its options in a sibling module. */
function kafkaModule(next, index) {
  const topic = `${pick(next, NOUNS)}-events`;
  return [
    "import { Kafka, CompressionTypes } from 'kafkajs'",
    `import { kafkaConfig, sendAcks } from './kafka-config-${index}'`,
    '',
    'const kafka = new Kafka(kafkaConfig)',
    `const producer = kafka.producer({ idempotent: ${next() < 0.6}, maxInFlightRequests: ${1 + Math.floor(next() * 5)} })`,
    '',
    'export async function start(): Promise<void> {',
    '  await producer.connect()',
    "  process.on('SIGTERM', () => void producer.disconnect())",
    '}',
    '',
    `export async function publish(key: string, value: string): Promise<void> {`,
    `  await producer.send({ topic: '${topic}', acks: sendAcks, compression: CompressionTypes.GZIP, messages: [{ key, value }] })`,
    '}',
    '',
    plainModule(next, index, true).split('\n').slice(4).join('\n'),
  ].join('\n');
}

function configFile(next, index) {
  const kind = index % 6;
  const folder = `deploy/env-${index % 10}`;
  switch (kind) {
    case 0:
      return [`${folder}/producer-${index}.properties`, `bootstrap.servers=kafka-${index % 3}:9092\nacks=${pick(next, ['all', '1', 'all'])}\nenable.idempotence=${next() < 0.7}\ncompression.type=lz4\nlinger.ms=${Math.floor(next() * 20)}\nsecurity.protocol=SSL\n`];
    case 1:
      return [`${folder}/consumer-${index}.properties`, `bootstrap.servers=kafka-${index % 3}:9092\ngroup.id=group-${index}\nenable.auto.commit=${next() < 0.5}\nauto.offset.reset=earliest\nisolation.level=read_committed\nsecurity.protocol=SSL\n`];
    case 2:
      return [`${folder}/topic-${index}.yaml`, `apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nmetadata:\n  name: topic-${index}\n  labels:\n    strimzi.io/cluster: main\nspec:\n  partitions: ${1 + Math.floor(next() * 12)}\n  replicas: ${pick(next, [3, 3, 2])}\n  config:\n    min.insync.replicas: 2\n    retention.ms: 604800000\n`];
    case 3:
      return [`services/svc-${index}/src/main/resources/application.yml`, `spring:\n  application:\n    name: svc-${index}\n  kafka:\n    bootstrap-servers: kafka-${index % 3}:9092\n    producer:\n      acks: all\n      properties:\n        enable.idempotence: true\n    consumer:\n      group-id: svc-${index}\n      enable-auto-commit: false\nserver:\n  port: 8080\n`];
    case 4:
      return [`services/svc-${index}/.env`, `KAFKA_BOOTSTRAP_SERVERS=kafka-${index % 3}:9092\nKAFKA_SECURITY_PROTOCOL=SSL\nLOG_LEVEL=info\nPORT=${3000 + index}\n`];
    default:
      return [`connect/connector-${index}.json`, JSON.stringify({ name: `sink-${index}`, config: { 'connector.class': 'io.confluent.connect.jdbc.JdbcSinkConnector', topics: `topic-${index}`, 'tasks.max': '2', 'errors.tolerance': pick(next, ['none', 'all']) } }, null, 2) + '\n'];
  }
}

/**
 * Write the corpus under `root`: `codeFiles` TS/JS modules (2 % kafkajs producers, each with its config module
 * counted among them) and `configFiles` configuration files. Returns the paths by kind, relative to root.
 */
export function generateCorpus(root, { codeFiles, configFiles, seed = 7 }) {
  const next = random(seed);
  const write = (path, text) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const code = [];
  const kafkaCode = [];
  const kafkaEvery = 50; // 2 %
  let index = 0;
  while (code.length < codeFiles) {
    const folder = `packages/pkg-${Math.floor(index / 200)}/src/${pick(next, NOUNS)}`;
    if (index % kafkaEvery === 0 && code.length + 2 <= codeFiles) {
      const producer = `${folder}/kafka-${index}.ts`;
      write(producer, kafkaModule(next, index));
      write(`${folder}/kafka-config-${index}.ts`, kafkaConfigModule(next, index));
      code.push(producer, `${folder}/kafka-config-${index}.ts`);
      kafkaCode.push(producer);
    } else {
      const typescript = next() < 0.8;
      const path = `${folder}/${pick(next, NOUNS)}-${index}.${typescript ? 'ts' : 'js'}`;
      write(path, plainModule(next, index, typescript));
      code.push(path);
    }
    index++;
  }
  const config = [];
  for (let file = 0; file < configFiles; file++) {
    const [path, text] = configFile(next, file);
    write(path, text);
    config.push(path);
  }
  return { code, kafkaCode, config };
}
