// `--cache`: a warm run prints exactly what a cold run prints, parses nothing it parsed before, notices edits
// (including edits to a module a Kafka client imports its options from), never writes a secret to disk, and
// survives a corrupt cache file and concurrent runs.

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInTree, writeTree } from '../support/run-cli.js';

const SECRET = 'hunter2-s3cret-value';
const JAAS_SECRET = 'jaas-pw-7781';

const tree = {
  'config/producer.properties': 'bootstrap.servers=kafka:9092\nacks=1\nenable.idempotence=false\n',
  'config/secure-consumer.properties': `bootstrap.servers=kafka:9093\ngroup.id=billing\nsecurity.protocol=SASL_SSL\nsasl.mechanism=PLAIN\nssl.truststore.password=${SECRET}\nsasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="billing" password="${JAAS_SECRET}";\n`,
  'config/placeholder.properties': 'bootstrap.servers=kafka:9093\nsecurity.protocol=SASL_SSL\nsasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="app" password="${KAFKA_PASSWORD}";\n',
  'deploy/topic.yaml': 'apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nmetadata:\n  name: orders\nspec:\n  partitions: 3\n  replicas: 1\n',
  'src/kafka.ts': "import { Kafka } from 'kafkajs'\nexport const kafka = new Kafka({ clientId: 'shop', brokers: ['kafka-1.internal:9093'] })\n",
  'src/producer.ts': "import { kafka } from './kafka'\nimport type { Producer } from 'kafkajs'\nexport const producer: Producer = kafka.producer({ idempotent: false })\nexport async function publish(value: string) {\n  await producer.send({ topic: 'orders', acks: 1, messages: [{ value }] })\n}\n",
  'src/util.ts': 'export function trim(text: string): string {\n  return text.trim()\n}\n',
};

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('--cache', () => {
  it('gives byte-identical output on a warm run, for every format, without parsing code again', async () => {
    const cwd = writeTree(tree);
    for (const format of ['stylish', 'json', 'sarif']) {
      const cold = await runInTree(['--format', format], {}, '', cwd);
      const first = await runInTree(['--cache', '--format', format], {}, '', cwd);
      const warm = await runInTree(['--cache', '--format', format, '--stats'], {}, '', cwd);
      expect(cold.stdout.length).toBeGreaterThan(0);
      expect(first.stdout).toBe(cold.stdout);
      expect(warm.stdout).toBe(cold.stdout);
      expect(warm.exitCode).toBe(cold.exitCode);
      expect(warm.stderr).toMatch(/0 code files parsed \(TypeScript parser not loaded\)/);
    }
    expect(existsSync(join(cwd, '.kafkalint-cache', 'facts.cache'))).toBe(true);
  });

  it('never writes a secret value to the cache, and still scrubs it from the warm run', async () => {
    const cwd = writeTree(tree);
    await runInTree(['--cache'], {}, '', cwd);
    const warm = await runInTree(['--cache', '--format', 'json'], {}, '', cwd);
    for (const file of filesUnder(join(cwd, '.kafkalint-cache'))) {
      const text = readFileSync(file, 'utf8');
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(JAAS_SECRET);
    }
    expect(warm.stdout).not.toContain(SECRET);
    expect(warm.stdout).toContain('hardcoded-credentials');
    // Near miss: a placeholder is not a secret, so that file's facts are cached.
    expect(readFileSync(join(cwd, '.kafkalint-cache', 'facts.cache'), 'utf8')).toContain('config/placeholder.properties');
  });

  it('notices an edit to the module a client takes its options from', async () => {
    const cwd = writeTree(tree);
    await runInTree(['--cache', '--format', 'json'], {}, '', cwd);
    writeFileSync(join(cwd, 'src/kafka.ts'), "import { Kafka } from 'kafkajs'\nexport const kafka = new Kafka({ clientId: 'shop', brokers: ['kafka-1.internal:9093'], ssl: true })\n");
    const warm = await runInTree(['--cache', '--format', 'json'], {}, '', cwd);
    const cold = await runInTree(['--format', 'json'], {}, '', cwd);
    expect(warm.stdout).toBe(cold.stdout);
  });

  // The options come two modules away, from files that never mention Kafka (so discovery does not keep their text).
  const importChain = {
    'src/publisher.ts': "import { Kafka } from 'kafkajs'\nimport { producerOptions } from './options'\nconst kafka = new Kafka({ clientId: 'shop', brokers: ['b-1.internal:9092'] })\nexport const producer = kafka.producer(producerOptions)\n",
    'src/options/index.ts': "import { base } from '../settings/base'\nexport const producerOptions = { ...base }\n",
    'src/settings/base.ts': 'export const base = { idempotent: false }\n',
  };

  it('notices an edit two imports away, in a module that does not mention Kafka', async () => {
    const cwd = writeTree(importChain);
    const first = await runInTree(['--cache', '--format', 'compact'], {}, '', cwd);
    expect(first.stdout).toMatch(/^src\/settings\/base\.ts:.*\[idempotence-disabled\]/m);
    writeFileSync(join(cwd, 'src/settings/base.ts'), 'export const base = { idempotent: true }\n');
    const warm = await runInTree(['--cache', '--format', 'compact'], {}, '', cwd);
    const cold = await runInTree(['--format', 'compact'], {}, '', cwd);
    expect(warm.stdout).toBe(cold.stdout);
    expect(warm.stdout).not.toContain('[idempotence-disabled]');
  });

  it('notices a new file that changes which module an import names', async () => {
    const cwd = writeTree(importChain);
    await runInTree(['--cache', '--format', 'compact'], {}, '', cwd);
    // `./options` now names src/options.ts, which comes before src/options/index.ts in resolution order.
    writeFileSync(join(cwd, 'src/options.ts'), 'export const producerOptions = { idempotent: true }\n');
    const warm = await runInTree(['--cache', '--format', 'compact'], {}, '', cwd);
    const cold = await runInTree(['--format', 'compact'], {}, '', cwd);
    expect(warm.stdout).toBe(cold.stdout);
    expect(warm.stdout).not.toContain('[idempotence-disabled]');
  });

  it('keeps an entry whose imports are unchanged when an unrelated module changes', async () => {
    const cwd = writeTree({ ...importChain, 'src/unrelated.ts': 'export const a = 1\n' });
    await runInTree(['--cache', '--format', 'compact'], {}, '', cwd);
    writeFileSync(join(cwd, 'src/unrelated.ts'), 'export const a = 2\n');
    const warm = await runInTree(['--cache', '--format', 'compact', '--stats'], {}, '', cwd);
    expect(warm.stdout).toMatch(/\[idempotence-disabled\]/);
    expect(warm.stderr).toMatch(/0 code files parsed/);
  });

  it('notices an edited configuration file, and a file that was added', async () => {
    const cwd = writeTree(tree);
    await runInTree(['--cache'], {}, '', cwd);
    writeFileSync(join(cwd, 'config/producer.properties'), 'bootstrap.servers=kafka:9092\nacks=all\n');
    writeFileSync(join(cwd, 'config/other.properties'), 'bootstrap.servers=kafka:9092\nacks=0\n');
    const warm = await runInTree(['--cache', '--format', 'json'], {}, '', cwd);
    const cold = await runInTree(['--format', 'json'], {}, '', cwd);
    expect(warm.stdout).toBe(cold.stdout);
    expect(warm.stdout).toContain('config/other.properties');
  });

  it('ignores a corrupt cache file and replaces it', async () => {
    const cwd = writeTree(tree);
    mkdirSync(join(cwd, '.kafkalint-cache'));
    writeFileSync(join(cwd, '.kafkalint-cache', 'facts.cache'), '{"format":1,"build":');
    const cold = await runInTree(['--format', 'json'], {}, '', cwd);
    const run = await runInTree(['--cache', '--format', 'json'], {}, '', cwd);
    expect(run.stdout).toBe(cold.stdout);
    expect(() => JSON.parse(readFileSync(join(cwd, '.kafkalint-cache', 'facts.cache'), 'utf8'))).not.toThrow();
  });

  it('ignores entries of another kafkalint build', async () => {
    const cwd = writeTree(tree);
    mkdirSync(join(cwd, '.kafkalint-cache'));
    const forged = { format: 1, build: 'another-build', entries: {} };
    writeFileSync(join(cwd, '.kafkalint-cache', 'facts.cache'), JSON.stringify(forged));
    const run = await runInTree(['--cache', '--stats'], {}, '', cwd);
    expect(run.stderr).toMatch(/2 code files parsed/);
  });

  it('stays whole under concurrent runs, and --cache-location moves it', async () => {
    const cwd = writeTree(tree);
    const cold = await runInTree(['--format', 'json'], {}, '', cwd);
    const runs = await Promise.all([1, 2, 3].map(() => runInTree(['--cache', '--cache-location', 'tmp/lint-cache', '--format', 'json'], {}, '', cwd)));
    for (const run of runs) expect(run.stdout).toBe(cold.stdout);
    expect(readdirSync(join(cwd, 'tmp/lint-cache'))).toEqual(['facts.cache']);
    expect(existsSync(join(cwd, '.kafkalint-cache'))).toBe(false);
    const warm = await runInTree(['--cache', '--cache-location', 'tmp/lint-cache', '--format', 'json'], {}, '', cwd);
    expect(warm.stdout).toBe(cold.stdout);
  });
});
