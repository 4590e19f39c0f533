// kcat (librdkafka, an independent C implementation of the protocol) reads the test broker: its metadata and offsets
// must match the scenario, so the broker's encoding is not checked only by the client kafkalint itself uses.

import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiKey, startTestCluster, WRITE_API_KEYS, type Scenario, type TestCluster } from '../support/kafka-broker/index.js';

function kcatInstalled(): boolean {
  return (process.env.PATH ?? '').split(':').some((dir) => {
    try {
      return statSync(`${dir}/kcat`).isFile();
    } catch {
      return false;
    }
  });
}

interface KcatRun {
  code: number;
  stdout: string;
  stderr: string;
}

function kcat(args: string[]): Promise<KcatRun> {
  return new Promise((resolve) => {
    execFile('kcat', args, { timeout: 10_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const scenario: Scenario = {
  brokers: 3,
  topics: [
    {
      name: 'orders',
      highWatermarks: [150, 20],
      logStartOffsets: [10, 0],
      partitions: [{ leader: 1, replicas: [1, 2, 3], isr: [1] }, { leader: 2, replicas: [2, 3, 1], isr: [2, 3] }],
    },
    { name: 'audit-log', highWatermarks: [7], partitions: [{ leader: 3, replicas: [3], isr: [3] }] },
    { name: 'payments', partitions: [{ leader: 2, replicas: [2, 3], isr: [2, 3] }, { leader: -1, replicas: [3], isr: [] }] },
  ],
};

interface KcatMetadata {
  controllerid: number;
  brokers: { id: number; name: string }[];
  topics: { topic: string; error?: string; partitions: { partition: number; leader: number; error?: string; replicas: { id: number }[]; isrs: { id: number }[] }[] }[];
}

const hasKcat = kcatInstalled();
if (!hasKcat) console.warn('kcat not installed: skipping the kcat cross-checks of the test broker (.ci/run installs it)');

describe.skipIf(!hasKcat)('test broker read by kcat', () => {
  let cluster: TestCluster | undefined;
  afterEach(async () => {
    await cluster?.close();
    cluster = undefined;
  });

  it('kcat -L -J agrees with the scenario on brokers, topics, partitions, leaders, replicas and ISR', async () => {
    cluster = await startTestCluster(scenario);
    const run = await kcat(['-L', '-J', '-m', '5', '-b', cluster.bootstrap]);
    expect(run.code, run.stderr).toBe(0);
    const metadata = JSON.parse(run.stdout) as KcatMetadata;
    expect(metadata.controllerid).toBe(1);
    expect(metadata.brokers.map((b) => [b.id, b.name]).sort()).toEqual(cluster.brokers.map((b) => [b.nodeId, `${b.host}:${b.port}`]));
    const seen = metadata.topics.map((t) => ({
      name: t.topic,
      partitions: t.partitions.map((p) => ({ leader: p.leader, replicas: p.replicas.map((r) => r.id), isr: p.isrs.map((r) => r.id) })),
    })).sort((a, b) => a.name.localeCompare(b.name));
    const expected = scenario.topics.map((t) => ({
      name: t.name,
      partitions: t.partitions.map(({ leader, replicas, isr }) => ({ leader, replicas, isr })),
    })).sort((a, b) => a.name.localeCompare(b.name));
    expect(seen).toEqual(expected);
    // The offline partition carries librdkafka's rendering of LEADER_NOT_AVAILABLE.
    const payments = metadata.topics.find((t) => t.topic === 'payments')!;
    expect(payments.partitions[1]!.error).toMatch(/leader not available/i);
    // librdkafka opens with flexible ApiVersions v3: answered by the KIP-511 fallback, then it retries with v0-2.
    expect(cluster.requests.filter((r) => r.apiKey === ApiKey.ApiVersions).map((r) => r.apiVersion)).toContain(3);
    expect(cluster.requests.filter((r) => r.outcome !== 'answered')).toEqual([]);
    expect(cluster.receivedApiKeys.filter((key) => WRITE_API_KEYS.includes(key))).toEqual([]);
  });

  it('kcat -Q reads each partition\'s high watermark from its leader', async () => {
    cluster = await startTestCluster(scenario);
    const run = await kcat(['-Q', '-m', '5', '-b', cluster.bootstrap, '-t', 'orders:0:-1', '-t', 'orders:1:-1', '-t', 'audit-log:0:-1']);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n').sort();
    expect(lines).toEqual(['audit-log [0] offset 7', 'orders [0] offset 150', 'orders [1] offset 20']);
    expect(cluster.receivedApiKeys).toContain(ApiKey.ListOffsets);
  });

  it('kcat -Q with timestamp -2 reads the log start offset', async () => {
    cluster = await startTestCluster(scenario);
    const run = await kcat(['-Q', '-m', '5', '-b', cluster.bootstrap, '-t', 'orders:0:-2']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe('orders [0] offset 10');
  });

  const saslArgs = (password: string) => [
    '-X', 'security.protocol=SASL_PLAINTEXT', '-X', 'sasl.mechanisms=PLAIN', '-X', 'sasl.username=admin', '-X', `sasl.password=${password}`,
  ];

  it('kcat with SASL/PLAIN and the right password reads metadata', async () => {
    cluster = await startTestCluster({ ...scenario, sasl: { mechanism: 'PLAIN', users: { admin: 'admin-secret' } } });
    const run = await kcat(['-L', '-J', '-m', '5', '-b', cluster.bootstrap, ...saslArgs('admin-secret')]);
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as KcatMetadata).topics).toHaveLength(3);
    expect(cluster.receivedApiKeys).toContain(ApiKey.SaslAuthenticate);
  });

  it('kcat with SASL/PLAIN and a wrong password fails with the broker\'s authentication error', async () => {
    cluster = await startTestCluster({ ...scenario, sasl: { mechanism: 'PLAIN', users: { admin: 'admin-secret' } } });
    // librdkafka keeps retrying until the metadata timeout (-m seconds), so keep it short.
    const run = await kcat(['-L', '-J', '-m', '1', '-b', cluster.bootstrap, ...saslArgs('wrong')]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/Authentication failed: Invalid username or password/);
    expect(cluster.receivedApiKeys).not.toContain(ApiKey.Metadata);
  });

  it('kcat with SASL/SCRAM-SHA-256 reads metadata with the right password and is refused with a wrong one', async () => {
    cluster = await startTestCluster({ ...scenario, sasl: { mechanism: 'SCRAM-SHA-256', users: { admin: 'admin-secret' } } });
    const scram = (password: string) => [
      '-X', 'security.protocol=SASL_PLAINTEXT', '-X', 'sasl.mechanisms=SCRAM-SHA-256', '-X', 'sasl.username=admin',
      '-X', `sasl.password=${password}`,
    ];
    const good = await kcat(['-L', '-J', '-m', '5', '-b', cluster.bootstrap, ...scram('admin-secret')]);
    expect(good.code, good.stderr).toBe(0);
    expect((JSON.parse(good.stdout) as KcatMetadata).topics).toHaveLength(3);
    const bad = await kcat(['-L', '-J', '-m', '1', '-b', cluster.bootstrap, ...scram('wrong')]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/invalid credentials with SASL mechanism SCRAM-SHA-256/);
  });
});

describe.skipIf(!hasKcat)('kafkalint and kcat read the same cluster', () => {
  it('agree on brokers, topics, partitions, leaders, replicas and ISR', async () => {
    const { readCluster } = await import('../../src/cluster/read-cluster.js');
    const cluster = await startTestCluster(scenario);
    try {
      const snapshot = await readCluster({ clientId: 'kafkalint-test', brokers: cluster.bootstrap.split(','), connectionTimeout: 2000, requestTimeout: 3000, retry: { retries: 0 } });
      const run = await kcat(['-L', '-J', '-m', '5', '-b', cluster.bootstrap]);
      expect(run.code, run.stderr).toBe(0);
      const metadata = JSON.parse(run.stdout) as KcatMetadata;
      const byKcat = {
        brokers: metadata.brokers.map((broker) => broker.name).sort(),
        topics: metadata.topics
          .map((topic) => ({ name: topic.topic, partitions: topic.partitions.map((p) => `${p.partition}:${p.leader}:${p.replicas.map((r) => r.id)}:${p.isrs.map((r) => r.id)}`).sort() }))
          .sort((left, right) => left.name.localeCompare(right.name)),
      };
      const byKafkalint = {
        brokers: snapshot.brokers.map((broker) => `${broker.host}:${broker.port}`).sort(),
        topics: snapshot.topics
          .map((topic) => ({ name: topic.name, partitions: (topic.partitions ?? []).map((p) => `${p.partition}:${p.leader}:${p.replicas}:${p.isr}`).sort() }))
          .sort((left, right) => left.name.localeCompare(right.name)),
      };
      expect(byKafkalint).toEqual(byKcat);
      expect(cluster.receivedApiKeys.filter((key) => WRITE_API_KEYS.includes(key))).toEqual([]);
    } finally {
      await cluster.close();
    }
  });
});
