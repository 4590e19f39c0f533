// `kafkalint cluster` end to end: the real CLI, in-process, against the wire-protocol test broker on 127.0.0.1.

import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiKey, startTestCluster, WRITE_API_KEYS, type Scenario, type TestCluster } from '../support/kafka-broker/index.js';
import { runInTree } from '../support/run-cli.js';

let cluster: TestCluster | undefined;
afterEach(async () => {
  await cluster?.close();
  cluster = undefined;
});

const ordersProducer = [
  "import { Kafka } from 'kafkajs';",
  "const kafka = new Kafka({ clientId: 'orders', brokers: ['kafka-1:9092'] });",
  'const producer = kafka.producer({ idempotent: true });',
  'export async function publish(order) {',
  "  await producer.send({ topic: 'orders', acks: -1, messages: [{ value: JSON.stringify(order) }] });",
  '}',
  '',
].join('\n');

const degraded: Scenario = {
  brokers: 3,
  topics: [
    { name: 'orders', configs: { 'min.insync.replicas': '1' }, highWatermarks: [150], partitions: [{ leader: 1, replicas: [1, 2, 3], isr: [1] }] },
    { name: 'payments', partitions: [{ leader: 2, replicas: [2, 3, 1], isr: [2, 3, 1] }, { leader: -1, replicas: [3, 1, 2], isr: [] }] },
  ],
  groups: [{ groupId: 'billing', members: 1, offsets: [{ topic: 'orders', partition: 0, offset: 100 }] }],
};

async function audit(argv: string[], files: Record<string, string> = {}, env: Record<string, string> = {}) {
  const { runCli } = await import('../../src/cli/main.js');
  const { writeTree } = await import('../support/run-cli.js');
  const cwd = writeTree(files);
  let stdout = '';
  let stderr = '';
  const started = performance.now();
  const exitCode = await runCli(['cluster', ...argv], { cwd, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), readStdin: async () => '', isTTY: false, env });
  return { exitCode, stdout, stderr, milliseconds: performance.now() - started };
}

function findingsOf(stdout: string): Array<{ ruleId: string; file: string; line: number; message: string }> {
  const report = JSON.parse(stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; line: number; message: string }> }> | { findings: Array<{ ruleId: string; file: string; line: number; message: string }> };
  if (Array.isArray(report)) return report.flatMap((file) => file.messages.map((message) => ({ ...message, file: file.filePath })));
  return report.findings;
}

describe('kafkalint cluster', () => {
  it('reports the under-replicated topic and, at the producer line, acks=all against min ISR 1', async () => {
    cluster = await startTestCluster(degraded);
    const run = await audit(['--bootstrap-server', cluster.bootstrap, '--format', 'json', '--lag-threshold', '10', 'src'], { 'src/publish.ts': ordersProducer });
    expect(run.stderr).toBe('');
    const findings = findingsOf(run.stdout);
    const rules = (id: string) => findings.filter((finding) => finding.ruleId === id);
    expect(rules('live-under-replicated-partitions').map((finding) => finding.file)).toEqual(['kafka://kafkalint-test-cluster/topic/orders']);
    expect(rules('acks-all-with-min-isr-1').map((finding) => `${finding.file}:${finding.line}`)).toEqual(['src/publish.ts:5']);
    expect(rules('acks-all-with-min-isr-1')[0].message).toContain('live value from cluster kafkalint-test-cluster');
    // The leaderless partition of payments is reported, and orders was still audited (above).
    expect(rules('live-offline-partitions').map((finding) => finding.file)).toEqual(['kafka://kafkalint-test-cluster/topic/payments']);
    expect(rules('live-consumer-lag')[0].message).toContain('lags 50 records');
    expect(run.exitCode).toBe(1);
    expect(cluster.receivedApiKeys).not.toContain(ApiKey.OffsetCommit);
    expect(cluster.receivedApiKeys.filter((key) => WRITE_API_KEYS.includes(key))).toEqual([]);
  });

  it('reports the consumer group whose members agreed on the eager range assignor, and not the cooperative or empty ones', async () => {
    const orders = { topic: 'orders', partition: 0, offset: 150 };
    cluster = await startTestCluster({
      ...degraded,
      groups: [
        { groupId: 'billing', protocol: 'range', members: 2, offsets: [orders] },
        { groupId: 'audit', protocol: 'cooperative-sticky', members: 2, offsets: [orders] },
        { groupId: 'archive', members: 0, offsets: [orders] },
      ],
    });
    const run = await audit(['--bootstrap-server', cluster.bootstrap, '--format', 'json']);
    expect(run.stderr).toBe('');
    const eager = findingsOf(run.stdout).filter((finding) => finding.ruleId === 'live-group-eager-protocol');
    expect(eager.map((finding) => finding.file)).toEqual(['kafka://kafkalint-test-cluster/group/billing']);
    expect(eager[0].message).toContain('Group billing rebalances eagerly: its members agreed on the range assignor');
  });

  it('reports a missing authorizer and audits only the topics --topics names', async () => {
    cluster = await startTestCluster({ ...degraded, authorizer: false });
    const run = await audit(['--bootstrap-server', cluster.bootstrap, '--format', 'json', '--topics', 'pay*']);
    const findings = findingsOf(run.stdout);
    expect(findings.filter((finding) => finding.ruleId === 'live-no-authorizer').map((finding) => finding.file)).toEqual(['kafka://kafkalint-test-cluster']);
    expect(findings.some((finding) => finding.file.endsWith('/topic/orders'))).toBe(false);
  });

  it('fails with exit 2 naming authentication on a wrong SASL password, within the timeout, without printing it', async () => {
    cluster = await startTestCluster({ ...degraded, sasl: { mechanism: 'PLAIN', users: { admin: 'right-secret' } } });
    const files = { 'client.properties': 'security.protocol=SASL_PLAINTEXT\nsasl.mechanism=PLAIN\nsasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="wrong-secret-42";\n' };
    const run = await audit(['--bootstrap-server', cluster.bootstrap, '--command-config', 'client.properties', '--timeout', '3000'], files);
    expect(run.exitCode).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/authentication failed/);
    expect(run.stdout + run.stderr).not.toContain('wrong-secret-42');
    expect(run.milliseconds).toBeLessThan(3000);
  });

  it('authenticates with SASL/PLAIN credentials from the environment', async () => {
    cluster = await startTestCluster({ ...degraded, sasl: { mechanism: 'PLAIN', users: { admin: 'right-secret' } } });
    const env = { KAFKALINT_SECURITY_PROTOCOL: 'SASL_PLAINTEXT', KAFKALINT_SASL_MECHANISM: 'PLAIN', KAFKALINT_SASL_USERNAME: 'admin', KAFKALINT_SASL_PASSWORD: 'right-secret' };
    const run = await audit(['--bootstrap-server', cluster.bootstrap, '--format', 'json'], {}, env);
    expect(run.stderr).toBe('');
    expect(findingsOf(run.stdout).some((finding) => finding.ruleId === 'live-offline-partitions')).toBe(true);
  });

  it('fails with exit 2 and one line when nothing listens at the bootstrap address', async () => {
    const server = createServer();
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const port = (server.address() as { port: number }).port;
    await new Promise<void>((done) => server.close(() => done()));
    const run = await audit(['--bootstrap-server', `127.0.0.1:${port}`, '--timeout', '2000']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/^kafkalint: cannot audit the cluster at 127\.0\.0\.1:\d+: connection refused/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.milliseconds).toBeLessThan(2000);
  });

  it('fails with exit 2 naming the timeout when the broker accepts but never answers', async () => {
    const sockets: import('node:net').Socket[] = [];
    const server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const port = (server.address() as { port: number }).port;
    try {
      const run = await audit(['--bootstrap-server', `127.0.0.1:${port}`, '--timeout', '800']);
      expect(run.exitCode).toBe(2);
      expect(run.stderr).toMatch(/timed out after 800 ms/);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.milliseconds).toBeLessThan(1500);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((done) => server.close(() => done()));
    }
  });

  it('rejects a bootstrap server without a port as a usage error', async () => {
    const run = await runInTree(['cluster', '--bootstrap-server', 'kafka-1']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('--bootstrap-server takes host:port');
  });
});
