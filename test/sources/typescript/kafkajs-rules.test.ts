// The configuration rules on kafkajs clients found in code: the acceptance lines of issue 3 that concern client
// options, and one case per rule family showing it fires, where it points, and what stays quiet.

import { describe, expect, it } from 'vitest';
import { FORMAT_NAMES } from '../../../src/report/index.js';
import { lintFiles } from '../../support/lint-harness.js';
import { runInTree } from '../../support/run-cli.js';

const lines = (...text: string[]) => `${text.join('\n')}\n`;

async function findingsOf(files: Record<string, string>, ruleId?: string) {
  const { findings } = await lintFiles(files);
  return findings.filter((finding) => ruleId === undefined || finding.ruleId === ruleId);
}

const where = (findings: Array<{ ruleId: string; file: string; line: number; column: number }>) =>
  findings.map((finding) => `${finding.ruleId} ${finding.file}:${finding.line}:${finding.column}`);

describe('issue 3 acceptance: client options in code', () => {
  it('kafka.producer({ idempotent: true }) without maxInFlightRequests: 1 gives kafkajs-idempotent-multi-inflight', async () => {
    const files = { 'producer.ts': lines("import { Kafka } from 'kafkajs'", "const kafka = new Kafka({ clientId: 'a', brokers: ['k:9092'] })", 'export const producer = kafka.producer({ idempotent: true })') };
    expect(where(await findingsOf(files, 'kafkajs-idempotent-multi-inflight'))).toEqual(['kafkajs-idempotent-multi-inflight producer.ts:3:42']);
  });

  it('kafka.producer() gives idempotence-disabled, with the kafkajs default as origin', async () => {
    const files = { 'producer.ts': lines("import { Kafka } from 'kafkajs'", "const kafka = new Kafka({ clientId: 'a', brokers: ['k:9092'] })", 'export const producer = kafka.producer()') };
    const [finding, ...others] = await findingsOf(files, 'idempotence-disabled');
    expect(others).toEqual([]);
    expect(finding).toMatchObject({ line: 3, column: 25, origin: { kind: 'default', library: 'kafkajs default' } });
    expect(finding.message).toContain('enable.idempotence=false (not set: kafkajs default)');
  });

  const SECRET_CLIENT = {
    'src/kafka.ts': lines(
      "import { Kafka } from 'kafkajs'",
      "const brokers = ['kafka-1.prod.example.com:9093']",
      "export const kafka = new Kafka({ brokers, ssl: { rejectUnauthorized: false }, sasl: { mechanism: 'plain', username: 'u', password: 'hunter2' } })",
      'export const producer = kafka.producer()',
    ),
  };

  it('ssl.rejectUnauthorized: false and a literal SASL password give tls-cert-verification-disabled and hardcoded-credentials', async () => {
    const findings = await findingsOf(SECRET_CLIENT);
    const security = findings.filter((finding) => finding.ruleId === 'tls-cert-verification-disabled' || finding.ruleId === 'hardcoded-credentials');
    expect(where(security)).toEqual(['tls-cert-verification-disabled src/kafka.ts:3:50', 'hardcoded-credentials src/kafka.ts:3:122']);
    // TLS is on (ssl is set), so neither the plaintext nor the PLAIN-over-plaintext rule has anything to say.
    expect(findings.filter((finding) => finding.ruleId === 'plaintext-security-protocol' || finding.ruleId === 'sasl-plain-without-tls')).toEqual([]);
    for (const finding of findings) expect(JSON.stringify(finding)).not.toContain('hunter2');
  });

  it('the password appears in no output format of the real CLI', async () => {
    for (const format of FORMAT_NAMES) {
      const run = await runInTree(['--format', format], SECRET_CLIENT);
      expect(run.stdout, format).toContain('hardcoded-credentials');
      expect(run.stdout + run.stderr, format).not.toContain('hunter2');
    }
  });

  it('a config object in src/kafka-config.ts used by kafka.producer() in another file: the finding points at the config line', async () => {
    const files = {
      'src/kafka-config.ts': lines('export const producerConfig = {', "  transactionTimeout: 30000,", '  idempotent: false,', '}'),
      'src/producer.ts': lines(
        "import { Kafka } from 'kafkajs'",
        "import { producerConfig } from './kafka-config'",
        "const kafka = new Kafka({ clientId: 'orders', brokers: ['k:9092'] })",
        'export const producer = kafka.producer(producerConfig)',
      ),
    };
    const findings = await findingsOf(files, 'idempotence-disabled');
    expect(findings.map((finding) => [finding.file, finding.line, finding.column, finding.origin?.kind])).toEqual([['src/kafka-config.ts', 3, 3, 'explicit']]);
    expect(findings[0].message).toContain('enable.idempotence=false (set at line 3)');
  });
});

describe('configuration rules on kafkajs clients', () => {
  it('brokers on a remote host without ssl: plaintext-security-protocol at brokers, with the kafkajs default', async () => {
    const findings = await findingsOf({ 'c.ts': lines("import { Kafka } from 'kafkajs'", "export const consumer = new Kafka({ clientId: 'c', brokers: ['kafka-1.prod:9092'] }).consumer({ groupId: 'g' })") }, 'plaintext-security-protocol');
    expect(where(findings)).toEqual(['plaintext-security-protocol c.ts:2:52']);
    expect(findings[0].message).toContain('security.protocol=PLAINTEXT (not set: kafkajs default)');
  });

  it('near miss: loopback brokers, or brokers from the environment, are not judged', async () => {
    const local = lines("import { Kafka } from 'kafkajs'", "export const consumer = new Kafka({ clientId: 'c', brokers: ['localhost:9092'] }).consumer({ groupId: 'g' })");
    const fromEnv = lines("import { Kafka } from 'kafkajs'", "export const consumer = new Kafka({ clientId: 'c', brokers: process.env.KAFKA_BROKERS!.split(',') }).consumer({ groupId: 'g' })");
    expect(await findingsOf({ 'local.ts': local, 'env.ts': fromEnv }, 'plaintext-security-protocol')).toEqual([]);
  });

  it('SASL/PLAIN without ssl: sasl-plain-without-tls at the mechanism, plaintext-security-protocol at sasl', async () => {
    const files = {
      'p.ts': lines(
        "import { Kafka } from 'kafkajs'",
        "export const producer = new Kafka({ clientId: 'p', brokers: ['kafka-1.prod:9092'], sasl: { mechanism: 'plain', username: process.env.U, password: process.env.P } }).producer()",
      ),
    };
    const findings = await findingsOf(files);
    expect(where(findings.filter((finding) => finding.ruleId === 'sasl-plain-without-tls' || finding.ruleId === 'plaintext-security-protocol'))).toEqual([
      'plaintext-security-protocol p.ts:2:84',
      'sasl-plain-without-tls p.ts:2:92',
    ]);
    // The credentials come from the environment: nothing hard-coded.
    expect(findings.filter((finding) => finding.ruleId === 'hardcoded-credentials')).toEqual([]);
  });

  it('options from process.env are never judged', async () => {
    const files = {
      'p.ts': lines(
        "import { Kafka } from 'kafkajs'",
        "const kafka = new Kafka({ clientId: process.env.CLIENT_ID, brokers: [process.env.BROKER!], ssl: process.env.KAFKA_SSL === 'true', sasl: { mechanism: 'plain', username: process.env.U!, password: process.env.KAFKA_PASSWORD! } })",
        "export const producer = kafka.producer({ idempotent: process.env.IDEMPOTENT === 'true', retry: { retries: Number(process.env.RETRIES) } })",
      ),
    };
    const judged = ['hardcoded-credentials', 'plaintext-security-protocol', 'sasl-plain-without-tls', 'idempotence-disabled', 'producer-retries-zero', 'missing-client-id', 'kafkajs-idempotent-multi-inflight'];
    expect((await findingsOf(files)).filter((finding) => judged.includes(finding.ruleId))).toEqual([]);
  });

  it('producer options: retries 0, explicit auto topic creation, acks 0 on a send', async () => {
    const files = {
      'p.ts': lines(
        "import { Kafka } from 'kafkajs'",
        "const kafka = new Kafka({ clientId: 'p', brokers: ['localhost:9092'] })",
        'const producer = kafka.producer({ retry: { retries: 0 }, allowAutoTopicCreation: true })',
        "await producer.send({ topic: 'metrics', messages: [], acks: 0 })",
      ),
    };
    const findings = await findingsOf(files);
    expect(where(findings.filter((finding) => ['producer-retries-zero', 'client-auto-topic-creation', 'producer-acks-zero'].includes(finding.ruleId)))).toEqual([
      'producer-retries-zero p.ts:3:44',
      'client-auto-topic-creation p.ts:3:58',
      'producer-acks-zero p.ts:4:55',
    ]);
  });

  it('consumer options: heartbeat/session ratio, and no client id', async () => {
    const files = { 'c.ts': lines("import { Kafka } from 'kafkajs'", "export const consumer = new Kafka({ brokers: ['localhost:9092'] }).consumer({ groupId: 'g', sessionTimeout: 10000, heartbeatInterval: 5000 })") };
    const findings = await findingsOf(files);
    expect(where(findings.filter((finding) => ['heartbeat-session-ratio', 'missing-client-id'].includes(finding.ruleId)))).toEqual([
      'missing-client-id c.ts:2:25',
      'heartbeat-session-ratio c.ts:2:116',
    ]);
    expect(findings.find((finding) => finding.ruleId === 'missing-client-id')?.message).toContain('kafkajs uses "kafkajs" for every client');
  });

  it('readUncommitted on a topic a transactional producer writes', async () => {
    const files = {
      'tx.ts': lines(
        "import { Kafka } from 'kafkajs'",
        "const kafka = new Kafka({ clientId: 'ledger', brokers: ['localhost:9092'] })",
        "const producer = kafka.producer({ transactionalId: 'ledger-tx', idempotent: true, maxInFlightRequests: 1 })",
        'const transaction = await producer.transaction()',
        "await transaction.send({ topic: 'ledger', messages: [] })",
        'await transaction.commit()',
        "const reader = kafka.consumer({ groupId: 'reports', readUncommitted: true })",
        "await reader.subscribe({ topic: 'ledger' })",
      ),
    };
    expect(where(await findingsOf(files, 'read-uncommitted-on-transactional-topic'))).toEqual(['read-uncommitted-on-transactional-topic tx.ts:7:53']);
  });

  it('createTopics without a replication factor: topic-rf-defaults-to-broker at the topic', async () => {
    const files = {
      'admin.ts': lines(
        "import { Kafka } from 'kafkajs'",
        "const admin = new Kafka({ clientId: 'setup', brokers: ['localhost:9092'] }).admin()",
        "await admin.createTopics({ topics: [{ topic: 'orders', numPartitions: 6 }, { topic: 'audit', numPartitions: 1, replicationFactor: 3 }] })",
      ),
    };
    expect(where(await findingsOf(files, 'topic-rf-defaults-to-broker'))).toEqual(['topic-rf-defaults-to-broker admin.ts:3:37']);
  });

  it('createAcls with a wildcard grant: acl-wildcard-grant', async () => {
    const files = {
      'acls.ts': lines(
        "import { Kafka, AclResourceTypes, AclOperationTypes, AclPermissionTypes, ResourcePatternTypes } from 'kafkajs'",
        "const admin = new Kafka({ clientId: 'setup', brokers: ['localhost:9092'] }).admin()",
        "await admin.createAcls({ acl: [{ resourceType: AclResourceTypes.TOPIC, resourceName: '*', resourcePatternType: ResourcePatternTypes.LITERAL, principal: 'User:orders', host: '*', operation: AclOperationTypes.WRITE, permissionType: AclPermissionTypes.ALLOW }] })",
      ),
    };
    expect(where(await findingsOf(files, 'acl-wildcard-grant'))).toEqual(['acl-wildcard-grant acls.ts:3:32']);
  });

  it('several sends with their own acks are not duplicate settings', async () => {
    const files = {
      'p.ts': lines(
        "import { Kafka } from 'kafkajs'",
        "const producer = new Kafka({ clientId: 'p', brokers: ['localhost:9092'] }).producer()",
        "await producer.send({ topic: 'a', messages: [], acks: -1 })",
        "await producer.send({ topic: 'b', messages: [], acks: -1 })",
      ),
    };
    expect(await findingsOf(files, 'duplicate-setting')).toEqual([]);
  });
});
