// Issue 4's acceptance lines for policies, through the real engine: one policy over two formats, and a topic policy
// that judges a Strimzi KafkaTopic by the broker default the repository leaves in place.

import { describe, expect, it } from 'vitest';
import type { Policy } from '../../src/policy/policy-types.js';
import { lintFiles } from '../support/lint-harness.js';

const paymentsDurability: Policy = {
  id: 'payments-durability',
  description: 'Producers to payments.* need acks=all and idempotence',
  severity: 'error',
  match: { role: 'producer', topic: 'payments.*' },
  require: { acks: 'all', 'enable.idempotence': true },
};

const repo = {
  'services/checkout/src/publish.ts': [
    "import { Kafka } from 'kafkajs';",
    '',
    "const kafka = new Kafka({ clientId: 'checkout', brokers: ['kafka-1:9093'], ssl: true });",
    'const producer = kafka.producer();',
    '',
    'export async function publishPayment(id: string): Promise<void> {',
    '  await producer.connect();',
    "  await producer.send({ topic: 'payments.v1', messages: [{ key: id, value: id }] });",
    '}',
    '',
  ].join('\n'),
  'services/refunds/src/main/resources/application.yml': [
    'spring:',
    '  kafka:',
    '    bootstrap-servers: kafka-1:9093',
    '    template:',
    '      default-topic: payments.refunds',
    '    producer:',
    '      acks: 1',
    '',
  ].join('\n'),
  // Near misses: an idempotent kafkajs producer to payments, and a Spring producer to another topic.
  'services/ledger/src/publish.ts': [
    "import { Kafka } from 'kafkajs';",
    "const kafka = new Kafka({ clientId: 'ledger', brokers: ['kafka-1:9093'], ssl: true });",
    'const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });',
    "export const record = () => producer.send({ topic: 'payments.ledger', messages: [{ value: 'x' }] });",
    '',
  ].join('\n'),
  'services/shipping/src/main/resources/application.yml': 'spring:\n  kafka:\n    template:\n      default-topic: shipments.v1\n    producer:\n      acks: 1\n',
};

describe('issue 4: one policy, two formats', () => {
  it('fires on the kafkajs producer sending to payments.v1 without idempotent: true and on the Spring producer with acks: 1', async () => {
    const { findings } = await lintFiles(repo, { policies: [paymentsDurability] });
    const policyFindings = findings.filter((finding) => finding.ruleId === 'policy-violation');
    expect(policyFindings.map((finding) => [finding.file, finding.line, finding.severity])).toEqual([
      ['services/checkout/src/publish.ts', 4, 'error'],
      ['services/refunds/src/main/resources/application.yml', 5, 'error'],
      ['services/refunds/src/main/resources/application.yml', 7, 'error'],
    ]);
    const [kafkajs, springIdempotence, springAcks] = policyFindings.map((finding) => finding.message);
    expect(kafkajs).toContain('Policy payments-durability (Producers to payments.* need acks=all and idempotence)');
    expect(kafkajs).toContain('(topic payments.v1) has enable.idempotence=false (not set: kafkajs');
    expect(springAcks).toContain('(topic payments.refunds) has acks=1 (set at line 7), but the policy requires acks=all');
    expect(springIdempotence).toContain('enable.idempotence=false');
    expect(policyFindings.every((finding) => finding.fingerprintKey?.startsWith('payments-durability:'))).toBe(true);
  });
});

describe('issue 4: topic min ISR judged by the broker default', () => {
  it('fires on a Strimzi KafkaTopic without min.insync.replicas when server.properties leaves the default, and says so', async () => {
    const { findings } = await lintFiles(
      {
        'k8s/payments-topic.yaml': [
          'apiVersion: kafka.strimzi.io/v1beta2',
          'kind: KafkaTopic',
          'metadata:',
          '  name: payments.v1',
          '  labels:',
          '    strimzi.io/cluster: main',
          'spec:',
          '  partitions: 12',
          '  replicas: 3',
          '  config:',
          '    retention.ms: 604800000',
          '',
        ].join('\n'),
        'config/server.properties': 'broker.id=1\nlog.dirs=/var/lib/kafka\ndefault.replication.factor=3\n',
      },
      { policies: [{ id: 'topic-min-isr', severity: 'error', match: { resource: 'topic' }, require: { 'min.insync.replicas': { min: 2 } } }] },
    );
    const policyFindings = findings.filter((finding) => finding.ruleId === 'policy-violation');
    expect(policyFindings).toHaveLength(1);
    const [finding] = policyFindings;
    expect([finding.file, finding.line]).toEqual(['k8s/payments-topic.yaml', 4]);
    expect(finding.message).toBe(
      'Policy topic-min-isr: topic payments.v1 has min.insync.replicas=1 (not set on the topic nor in broker config config/server.properties: Apache Kafka broker default), but the policy requires min.insync.replicas of at least 2.',
    );
    expect(finding.origin).toEqual({ kind: 'default', library: 'Apache Kafka broker default' });
    expect(finding.related.map((related) => `${related.location.file}:${related.location.line}`)).toEqual(['config/server.properties:1']);
  });
});

describe('issue 4: policies from kafkalint.config.yaml, through the CLI', () => {
  it('reads the policies of the configuration file and reports each violation with its policy', async () => {
    const { runInTree } = await import('../support/run-cli.js');
    const config = [
      'policies:',
      '  - id: payments-durability',
      '    description: Producers to payments.* need acks=all and idempotence',
      '    severity: error',
      '    match: { role: producer, topic: "payments.*" }',
      '    require: { acks: all, enable.idempotence: true }',
      '  - id: topic-min-isr',
      '    match: { resource: topic }',
      '    require: { min.insync.replicas: { min: 2 } }',
      '  - id: no-plaintext',
      '    forbid: { security.protocol: [PLAINTEXT, SASL_PLAINTEXT] }',
      '',
    ].join('\n');
    const run = await runInTree(['--format', 'json'], {
      'kafkalint.config.yaml': config,
      ...repo,
      'k8s/payments-topic.yaml': 'apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nmetadata:\n  name: payments.v1\n  labels:\n    strimzi.io/cluster: main\nspec:\n  partitions: 12\n  replicas: 3\n',
      'config/server.properties': 'broker.id=1\nlog.dirs=/var/lib/kafka\n',
    });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(1);
    const report = JSON.parse(run.stdout) as { findings: Array<{ ruleId: string; file: string; line: number; severity: string; message: string }> };
    const policyFindings = report.findings.filter((finding) => finding.ruleId === 'policy-violation');
    expect(policyFindings.map((finding) => `${finding.file}:${finding.line} ${finding.severity} ${finding.message.split(':')[0]}`)).toEqual([
      'k8s/payments-topic.yaml:4 error Policy topic-min-isr',
      'services/checkout/src/publish.ts:4 error Policy payments-durability (Producers to payments.* need acks=all and idempotence)',
      // no-plaintext has no match and no severity: every fact with a security.protocol, at the default severity error.
      'services/refunds/src/main/resources/application.yml:5 error Policy no-plaintext',
      'services/refunds/src/main/resources/application.yml:5 error Policy payments-durability (Producers to payments.* need acks=all and idempotence)',
      'services/refunds/src/main/resources/application.yml:7 error Policy payments-durability (Producers to payments.* need acks=all and idempotence)',
      'services/shipping/src/main/resources/application.yml:4 error Policy no-plaintext',
    ]);
  });
});
