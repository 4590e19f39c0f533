// The core issue's acceptance lines, each run through the real engine exactly as the CLI runs it.

import { describe, expect, it } from 'vitest';
import { lintFiles } from '../support/lint-harness.js';
import type { Finding } from '../../src/engine/rule.js';

const ruleLines = (findings: Finding[], file: string) =>
  findings.filter((finding) => finding.file === file).map((finding) => `${finding.ruleId}:${finding.line}`);

export const PRODUCER_ACKS_ONE = 'bootstrap.servers=kafka-1.example.com:9092\nacks=1\n';
export const CONSUMER_WITH_SECRET = [
  'bootstrap.servers=kafka-1.example.com:9092',
  'group.id=billing',
  'enable.auto.commit=true',
  'security.protocol=SASL_PLAINTEXT',
  'sasl.mechanism=PLAIN',
  'sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="billing" password="s3cret";',
  '',
].join('\n');

describe('client .properties files', () => {
  it('finds acks=1, auto-commit, SASL PLAIN without TLS and the literal password at their lines', async () => {
    const { findings } = await lintFiles({ 'producer.properties': PRODUCER_ACKS_ONE, 'consumer.properties': CONSUMER_WITH_SECRET });
    expect(ruleLines(findings, 'producer.properties')).toContain('producer-acks-one:2');
    const consumer = ruleLines(findings, 'consumer.properties');
    expect(consumer).toContain('consumer-auto-commit-enabled:3');
    expect(consumer).toContain('sasl-plain-without-tls:5');
    expect(consumer).toContain('hardcoded-credentials:6');
    expect(JSON.stringify(findings)).not.toContain('s3cret');
  });

  it('does not call placeholders secrets', async () => {
    const { findings } = await lintFiles({
      'a.properties': 'bootstrap.servers=k:9092\nsasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="${KAFKA_PASSWORD}";\n',
      'b.properties': 'bootstrap.servers=k:9092\nssl.keystore.password={{ .Values.pw }}\n',
      'c.properties': 'bootstrap.servers=k:9092\nsasl.password=<PASSWORD>\n',
    });
    expect(findings.filter((finding) => finding.ruleId === 'hardcoded-credentials')).toEqual([]);
  });
});

describe('topics and brokers', () => {
  it('Strimzi KafkaTopic with replicas 3 and min.insync.replicas 3', async () => {
    const topic = [
      'apiVersion: kafka.strimzi.io/v1beta2',
      'kind: KafkaTopic',
      'metadata:',
      '  name: orders',
      'spec:',
      '  partitions: 6',
      '  replicas: 3',
      '  config:',
      '    min.insync.replicas: 3',
      '',
    ].join('\n');
    const { findings } = await lintFiles({ 'topics/orders.yaml': topic });
    expect(findings.map((finding) => finding.ruleId)).toContain('min-isr-ge-replication-factor');
  });

  it('Bitnami compose with unclean leader election enabled', async () => {
    const compose = [
      'services:',
      '  kafka:',
      '    image: bitnami/kafka:3.7',
      '    environment:',
      '      - KAFKA_CFG_NODE_ID=0',
      '      - KAFKA_CFG_UNCLEAN_LEADER_ELECTION_ENABLE=true',
      '',
    ].join('\n');
    const { findings } = await lintFiles({ 'docker-compose.yml': compose });
    expect(ruleLines(findings, 'docker-compose.yml')).toContain('unclean-leader-election-enabled:6');
  });

  it('Confluent compose creating a topic with replication factor 1', async () => {
    const compose = [
      'services:',
      '  broker:',
      '    image: confluentinc/cp-kafka:7.6.0',
      '    environment:',
      '      KAFKA_BROKER_ID: 1',
      '      KAFKA_CREATE_TOPICS: "orders:3:1"',
      '',
    ].join('\n');
    const { findings } = await lintFiles({ 'docker-compose.yml': compose });
    expect(ruleLines(findings, 'docker-compose.yml')).toContain('replication-factor-too-low:6');
  });
});

describe('Spring Boot application.yml', () => {
  const springYaml = (consumer: string) => `spring:\n  kafka:\n    bootstrap-servers: kafka:9092\n    consumer:\n      group-id: g\n${consumer}`;

  it('finds auto-commit and trusted packages *', async () => {
    const { findings } = await lintFiles({
      'application.yml': springYaml('      enable-auto-commit: true\n      properties:\n        spring.json.trusted.packages: "*"\n'),
    });
    const ids = findings.map((finding) => finding.ruleId);
    expect(ids).toContain('consumer-auto-commit-enabled');
    expect(ids).toContain('spring-json-trusted-packages-wildcard');
  });

  it('stays silent without them', async () => {
    const { findings } = await lintFiles({
      'application.yml': springYaml('      properties:\n        spring.json.trusted.packages: "com.example.events"\n'),
    });
    const ids = findings.map((finding) => finding.ruleId);
    expect(ids).not.toContain('consumer-auto-commit-enabled');
    expect(ids).not.toContain('spring-json-trusted-packages-wildcard');
  });
});

describe('bad input', () => {
  it('reports a broken YAML file and still reports the good files', async () => {
    const { findings } = await lintFiles({
      'broken/kafka.yaml': 'spring:\n  kafka:\n    producer: {acks: 1\n',
      'producer.properties': PRODUCER_ACKS_ONE,
    });
    expect(findings.some((finding) => finding.ruleId === 'parse-error' && finding.file === 'broken/kafka.yaml')).toBe(true);
    expect(ruleLines(findings, 'producer.properties')).toContain('producer-acks-one:2');
  });
});

describe('secrets through the real CLI', () => {
  it('no output format prints the password, whatever the findings', async () => {
    const { runInTree } = await import('../support/run-cli.js');
    const files = { 'producer.properties': PRODUCER_ACKS_ONE, 'consumer.properties': CONSUMER_WITH_SECRET };
    for (const format of ['stylish', 'compact', 'json', 'sarif', 'github']) {
      const run = await runInTree(['--format', format], files);
      expect(run.stdout.length, format).toBeGreaterThan(0);
      expect(run.stdout, format).not.toContain('s3cret');
      expect(run.stdout, format).toContain('hardcoded-credentials');
    }
  });
});
