import { describe, expect, it } from 'vitest';
import { buildRepoModel } from '../../src/engine/lint.js';
import type { ReportDescriptor } from '../../src/engine/rule.js';
import partitionerMismatch from '../../rules/partitioner-mismatch.js';
import { lintFiles } from '../support/lint-harness.js';

const springProducer = (topic: string, extra = '') =>
  `spring:\n  kafka:\n    producer:\n      acks: all\n${extra}    template:\n      default-topic: ${topic}\n`;

// No configuration source names the topics of a librdkafka producer, so through the engine only the quiet cases can
// be shown; the reporting cases follow below on a model the real sources built.
const VALID_CASES: Array<{ name: string; files: Record<string, string> }> = [
  {
    name: 'two Java producers of one topic both hash with murmur2',
    files: { 'orders/application.yml': springProducer('orders'), 'billing/application.yml': springProducer('orders') },
  },
  {
    name: 'a librdkafka config names no topic, so nothing joins it to the Spring producer',
    files: { 'orders/application.yml': springProducer('orders'), 'producer.config': 'metadata.broker.list=k:9092\npartitioner=consistent_random\n' },
  },
  {
    name: 'a custom Java partitioner is not judged',
    files: {
      'orders/application.yml': springProducer('orders', '      properties:\n        partitioner.class: com.example.RegionPartitioner\n'),
      'billing/application.yml': springProducer('orders'),
    },
  },
];

describe('partitioner-mismatch', () => {
  for (const testCase of VALID_CASES) {
    it(`valid: ${testCase.name}`, async () => {
      const result = await lintFiles(testCase.files);
      expect(result.findings.filter((finding) => finding.ruleId === 'partitioner-mismatch')).toEqual([]);
    });
  }
});

// The topics of a librdkafka producer are named in its code (the code sources come later), so these cases add the
// topic that code would name to a model built by the real sources, and run the rule on it.
describe('partitioner-mismatch across client libraries', () => {
  async function reportsFor(files: Record<string, string>, librdkafkaTopic: string): Promise<Array<ReportDescriptor<string>>> {
    const model = await buildRepoModel(Object.entries(files).map(([path, text]) => ({ path, text })));
    for (const client of model.clients) {
      if (client.library === 'librdkafka' && client.role === 'producer') {
        client.topics.push({ name: librdkafkaTopic, location: { file: client.file, line: 1, column: 1 } });
      }
    }
    const reports: Array<ReportDescriptor<string>> = [];
    partitionerMismatch.check({ model, report: (descriptor) => reports.push(descriptor) });
    return reports;
  }

  it('reports the librdkafka producer on its default CRC32 partitioner, not the Java one', async () => {
    const reports = await reportsFor(
      { 'application.yml': springProducer('orders'), 'producer.config': 'metadata.broker.list=k:9092\nlinger.ms=10\n' },
      'orders',
    );
    expect(reports).toHaveLength(1);
    expect(reports[0].location).toEqual({ file: 'producer.config', line: 1, column: 1 });
    expect(reports[0].data).toMatchObject({
      topic: 'orders',
      partitioning: 'partitioner=consistent_random (not set: librdkafka default), which hashes keys with CRC32',
      otherLocation: 'application.yml:6',
      otherPartitioning: "the Java client's built-in partitioner, which hashes keys with murmur2",
    });
    expect(reports[0].fingerprintKey).toBe('partitioner:orders');
  });

  it('reports an explicit librdkafka partitioner at its setting', async () => {
    const reports = await reportsFor(
      { 'application.yml': springProducer('orders'), 'producer.config': 'metadata.broker.list=k:9092\npartitioner=fnv1a_random\n' },
      'orders',
    );
    expect(reports.map((report) => report.location.line)).toEqual([2]);
    expect(reports[0].data?.partitioning).toBe('partitioner=fnv1a_random (set at producer.config:2), which hashes keys with FNV-1a');
  });

  it('accepts librdkafka murmur2_random, the Java-compatible partitioner', async () => {
    const reports = await reportsFor(
      { 'application.yml': springProducer('orders'), 'producer.config': 'metadata.broker.list=k:9092\npartitioner=murmur2_random\n' },
      'orders',
    );
    expect(reports).toEqual([]);
  });

  it('ignores librdkafka random, which does not hash keys at all', async () => {
    const reports = await reportsFor(
      { 'application.yml': springProducer('orders'), 'producer.config': 'metadata.broker.list=k:9092\npartitioner=random\n' },
      'orders',
    );
    expect(reports).toEqual([]);
  });

  it('does not join producers of different topics', async () => {
    const reports = await reportsFor(
      { 'application.yml': springProducer('orders'), 'producer.config': 'metadata.broker.list=k:9092\n' },
      'refunds',
    );
    expect(reports).toEqual([]);
  });
});

// kafkajs producers name their topics in code, so these cases run through the engine as they are.
describe('partitioner-mismatch with kafkajs producers', () => {
  const kafkajsProducer = (producerOptions: string, topic = 'orders') =>
    [
      "import { Kafka, Partitioners } from 'kafkajs'",
      "const kafka = new Kafka({ brokers: ['k:9092'] })",
      `const producer = kafka.producer(${producerOptions})`,
      `export const publish = (messages) => producer.send({ topic: '${topic}', messages })`,
      '',
    ].join('\n');
  const findingsOf = async (files: Record<string, string>) =>
    (await lintFiles(files)).findings.filter((finding) => finding.ruleId === 'partitioner-mismatch');

  it('reports a kafkajs LegacyPartitioner producer of a topic a Java producer also writes', async () => {
    const findings = await findingsOf({
      'orders/application.yml': springProducer('orders'),
      'billing/producer.ts': kafkajsProducer('{ createPartitioner: Partitioners.LegacyPartitioner }'),
    });
    expect(findings.map((finding) => [finding.file, finding.line, finding.column])).toEqual([['billing/producer.ts', 3, 35]]);
    expect(findings[0].message).toContain("createPartitioner: Partitioners.LegacyPartitioner (set at line 3), which hashes keys with kafkajs 1.x's murmur2 variant");
  });

  it('accepts the kafkajs 2.x default and DefaultPartitioner, which hash like the Java client', async () => {
    expect(await findingsOf({ 'orders/application.yml': springProducer('orders'), 'billing/producer.ts': kafkajsProducer('') })).toEqual([]);
    expect(
      await findingsOf({ 'orders/application.yml': springProducer('orders'), 'billing/producer.ts': kafkajsProducer('{ createPartitioner: Partitioners.DefaultPartitioner }') }),
    ).toEqual([]);
  });

  it('on kafkajs 1.x the default partitioner is the legacy one', async () => {
    const findings = await findingsOf({
      'orders/application.yml': springProducer('orders'),
      'billing/package.json': '{ "dependencies": { "kafkajs": "1.16.0" } }',
      'billing/producer.ts': kafkajsProducer(''),
    });
    expect(findings.map((finding) => [finding.file, finding.line])).toEqual([['billing/producer.ts', 4]]);
    expect(findings[0].message).toContain('the kafkajs 1.16.0 default partitioner');
  });

  it('does not judge a custom partitioner function', async () => {
    expect(
      await findingsOf({ 'orders/application.yml': springProducer('orders'), 'billing/producer.ts': kafkajsProducer('{ createPartitioner: () => () => 0 }') }),
    ).toEqual([]);
  });
});
