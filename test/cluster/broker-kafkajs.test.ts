// The test broker as kafkajs 2.2.4 admin sees it: every read-only call kafkalint cluster makes, SASL, and the
// request log that proves an audit stayed read-only.

import {
  AclOperationTypes, AclPermissionTypes, AclResourceTypes, AssignerProtocol, ConfigResourceTypes, Kafka, logLevel,
  ResourcePatternTypes, type Admin, type SASLOptions,
} from 'kafkajs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiKey, startTestCluster, WRITE_API_KEYS, type Scenario, type TestCluster } from '../support/kafka-broker/index.js';

const scenario: Scenario = {
  brokers: 3,
  clusterId: 'cluster-under-test',
  racks: ['a', 'b', 'c'],
  topics: [
    {
      name: 'orders',
      configs: { 'min.insync.replicas': '1', 'retention.ms': '86400000' },
      highWatermarks: [150, 20],
      logStartOffsets: [10, 0],
      partitions: [
        { leader: 1, replicas: [1, 2, 3], isr: [1] },
        { leader: 2, replicas: [2, 3, 1], isr: [2, 3, 1] },
      ],
    },
  ],
  brokerConfigs: { 'auto.create.topics.enable': 'false', 'ssl.keystore.password': 'do-not-leak' },
  brokerConfigsByNode: { 2: { 'auto.create.topics.enable': 'true' } },
  groups: [
    { groupId: 'billing', members: 2, coordinator: 2, offsets: [
      { topic: 'orders', partition: 0, offset: 100 }, { topic: 'orders', partition: 1, offset: 20 },
    ] },
    { groupId: 'archiver', members: 0, offsets: [{ topic: 'orders', partition: 0, offset: 5 }] },
  ],
  acls: [
    { resourceType: 'TOPIC', resourceName: 'orders', principal: 'User:billing', operation: 'READ' },
    { resourceType: 'TOPIC', resourceName: 'orders', principal: 'User:shop', operation: 'WRITE' },
    { resourceType: 'GROUP', resourceName: 'bill', patternType: 'PREFIXED', principal: 'User:billing', operation: 'READ' },
    { resourceType: 'TOPIC', resourceName: '*', principal: 'User:intruder', operation: 'ALL', permission: 'DENY' },
  ],
};

function adminFor(cluster: TestCluster, sasl?: SASLOptions): Admin {
  const kafka = new Kafka({
    clientId: 'kafkalint-test', brokers: cluster.bootstrap.split(',').slice(0, 1), logLevel: logLevel.NOTHING, sasl,
    connectionTimeout: 1000, requestTimeout: 2000, retry: { retries: 0 },
  });
  return kafka.admin();
}

describe('test broker with kafkajs admin', () => {
  let cluster: TestCluster;
  let admin: Admin;

  beforeAll(async () => {
    cluster = await startTestCluster(scenario);
    admin = adminFor(cluster);
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.disconnect();
    await cluster?.close();
  });

  it('describeCluster lists every broker at its own 127.0.0.1 port, the controller and the cluster id', async () => {
    const described = await admin.describeCluster();
    expect(described.clusterId).toBe('cluster-under-test');
    expect(described.controller).toBe(1);
    expect(described.brokers.map((b) => `${b.host}:${b.port}`).sort()).toEqual(cluster.bootstrap.split(',').sort());
    expect(new Set(cluster.brokers.map((b) => b.port)).size).toBe(3);
  });

  it('fetchTopicMetadata reports leader, replicas and ISR of each partition', async () => {
    const { topics } = await admin.fetchTopicMetadata({ topics: ['orders'] });
    expect(topics[0]!.partitions.map(({ partitionId, leader, replicas, isr }) => ({ partitionId, leader, replicas, isr })))
      .toEqual([
        { partitionId: 0, leader: 1, replicas: [1, 2, 3], isr: [1] },
        { partitionId: 1, leader: 2, replicas: [2, 3, 1], isr: [2, 3, 1] },
      ]);
  });

  it('describeConfigs TOPIC gives overrides as TOPIC_CONFIG and the rest from broker or Kafka default', async () => {
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: 'orders' }],
    });
    const entries = new Map(resources[0]!.configEntries.map((e) => [e.configName, e]));
    expect(entries.get('min.insync.replicas')).toMatchObject({ configValue: '1', configSource: 1 });
    expect(entries.get('retention.ms')).toMatchObject({ configValue: '86400000', configSource: 1 });
    expect(entries.get('unclean.leader.election.enable')).toMatchObject({ configValue: 'false', configSource: 5, isDefault: true });
  });

  it('describeConfigs BROKER is answered per node id, with per-node overrides and sensitive values hidden', async () => {
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [
        { type: ConfigResourceTypes.BROKER, name: '1' },
        { type: ConfigResourceTypes.BROKER, name: '2', configNames: ['auto.create.topics.enable'] },
      ],
    });
    const byNode = new Map(resources.map((r) => [r.resourceName, new Map(r.configEntries.map((e) => [e.configName, e]))]));
    expect(byNode.get('1')!.get('auto.create.topics.enable')).toMatchObject({ configValue: 'false', configSource: 4 });
    expect(byNode.get('1')!.get('ssl.keystore.password')).toMatchObject({ configValue: null, isSensitive: true });
    expect(byNode.get('1')!.get('default.replication.factor')).toMatchObject({ configValue: '1', configSource: 5 });
    expect([...byNode.get('2')!.keys()]).toEqual(['auto.create.topics.enable']);
    expect(byNode.get('2')!.get('auto.create.topics.enable')!.configValue).toBe('true');
  });

  it('fetchTopicOffsets gives high watermark and log start from each partition leader', async () => {
    const offsets = await admin.fetchTopicOffsets('orders');
    expect(offsets.map(({ partition, high, low }) => ({ partition, high, low })).sort((a, b) => a.partition - b.partition))
      .toEqual([{ partition: 0, high: '150', low: '10' }, { partition: 1, high: '20', low: '0' }]);
  });

  it('fetchOffsets gives committed offsets from the group coordinator, so lag = high watermark − committed', async () => {
    const [orders] = await admin.fetchOffsets({ groupId: 'billing', topics: ['orders'] });
    const committed = new Map(orders!.partitions.map((p) => [p.partition, Number(p.offset)]));
    expect(committed).toEqual(new Map([[0, 100], [1, 20]]));
    const high = new Map((await admin.fetchTopicOffsets('orders')).map((p) => [p.partition, Number(p.high)]));
    expect(high.get(0)! - committed.get(0)!).toBe(50);
  });

  it('fetchOffsets of a group without commits reports -1', async () => {
    const [orders] = await admin.fetchOffsets({ groupId: 'nobody', topics: ['orders'] });
    expect(orders!.partitions.map((p) => p.offset)).toEqual(['-1', '-1']);
  });

  it('listGroups collects the groups of every coordinator', async () => {
    const { groups } = await admin.listGroups();
    expect(groups.sort((a, b) => a.groupId.localeCompare(b.groupId)))
      .toEqual([{ groupId: 'archiver', protocolType: 'consumer' }, { groupId: 'billing', protocolType: 'consumer' }]);
  });

  it('describeGroups gives state, members and their decodable partition assignments', async () => {
    const { groups } = await admin.describeGroups(['billing', 'archiver', 'ghost']);
    const byId = new Map(groups.map((g) => [g.groupId, g]));
    expect(byId.get('billing')).toMatchObject({ state: 'Stable', protocolType: 'consumer', protocol: 'range' });
    const assignments = byId.get('billing')!.members.map((m) => AssignerProtocol.MemberAssignment.decode(m.memberAssignment)!.assignment);
    expect(assignments).toEqual([{ orders: [0] }, { orders: [1] }]);
    expect(byId.get('archiver')).toMatchObject({ state: 'Empty', members: [] });
    expect(byId.get('ghost')).toMatchObject({ state: 'Dead', members: [] });
  });

  it('describeAcls with ANY filters returns every ACL grouped by resource', async () => {
    const { resources } = await admin.describeAcls({
      resourceType: AclResourceTypes.ANY, resourcePatternType: ResourcePatternTypes.ANY,
      operation: AclOperationTypes.ANY, permissionType: AclPermissionTypes.ANY,
    });
    const summary = resources.map((r) => [r.resourceType, r.resourceName, r.resourcePatternType, r.acls.length]);
    expect(summary).toEqual([[2, 'orders', 3, 2], [3, 'bill', 4, 1], [2, '*', 3, 1]]);
    expect(resources[2]!.acls[0]).toMatchObject({ principal: 'User:intruder', operation: 2, permissionType: 2 });
  });

  it('describeAcls with a MATCH filter finds the literal, wildcard and prefixed ACLs that apply to a name', async () => {
    const { resources } = await admin.describeAcls({
      resourceType: AclResourceTypes.ANY, resourceName: 'orders', resourcePatternType: ResourcePatternTypes.MATCH,
      operation: AclOperationTypes.ANY, permissionType: AclPermissionTypes.ANY,
    });
    expect(resources.map((r) => r.resourceName)).toEqual(['orders', '*']);
  });

  it('records every request, and the read-only calls above sent no write API', () => {
    expect(cluster.receivedApiKeys).toContain(ApiKey.Metadata);
    expect(cluster.receivedApiKeys).toContain(ApiKey.OffsetFetch);
    expect(cluster.receivedApiKeys.filter((key) => WRITE_API_KEYS.includes(key))).toEqual([]);
    expect(cluster.requests.filter((r) => r.outcome !== 'answered')).toEqual([]);
  });
});

describe('test broker: offline partition, write requests, missing authorizer', () => {
  let cluster: TestCluster | undefined;
  let admin: Admin | undefined;
  afterEach(async () => {
    await admin?.disconnect();
    await cluster?.close();
    admin = undefined;
    cluster = undefined;
  });

  it('one offline partition makes kafkajs metadata fail for its topic and for cluster-wide calls (kafkajs#1460)', async () => {
    cluster = await startTestCluster({
      ...scenario,
      topics: [
        ...scenario.topics,
        { name: 'payments', partitions: [{ leader: 2, replicas: [2, 3], isr: [2, 3] }, { leader: -1, replicas: [3], isr: [] }] },
      ],
    });
    admin = adminFor(cluster);
    await admin.connect();
    await expect(admin.fetchTopicMetadata({ topics: ['payments'] })).rejects.toThrow(/no leader/);
    // Until a topic has been targeted, kafkajs refreshes the metadata of ALL topics before these calls, so they fail too.
    await expect(admin.describeCluster()).rejects.toThrow(/no leader/);
    await expect(admin.listTopics()).rejects.toThrow(/no leader/);
    await expect(admin.listGroups()).rejects.toThrow(/no leader/);
    await expect(admin.describeConfigs({
      includeSynonyms: false, resources: [{ type: ConfigResourceTypes.BROKER, name: '1' }],
    })).rejects.toThrow(/no leader/);
    // Calls that name a healthy topic or a group still work.
    const { topics } = await admin.fetchTopicMetadata({ topics: ['orders'] });
    expect(topics[0]!.partitions).toHaveLength(2);
    expect(await admin.fetchOffsets({ groupId: 'billing', topics: ['orders'] })).toHaveLength(1);
    expect((await admin.describeGroups(['billing'])).groups[0]!.state).toBe('Stable');
  });

  it('a write (CreateTopics, AlterConfigs) really reaches the broker and is recorded as trapped', async () => {
    cluster = await startTestCluster(scenario);
    admin = adminFor(cluster);
    await admin.connect();
    await expect(admin.createTopics({ topics: [{ topic: 'new-topic' }] })).rejects.toThrow();
    await expect(admin.alterConfigs({
      validateOnly: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: 'orders', configEntries: [{ name: 'retention.ms', value: '1' }] }],
    })).rejects.toThrow();
    expect(cluster.receivedApiKeys).toContain(ApiKey.CreateTopics);
    expect(cluster.receivedApiKeys).toContain(ApiKey.AlterConfigs);
    expect(cluster.requests.filter((r) => r.outcome === 'trapped').map((r) => r.apiKey)).toEqual(
      expect.arrayContaining([ApiKey.CreateTopics, ApiKey.AlterConfigs]),
    );
  });

  it('a broker without an authorizer answers DescribeAcls with SECURITY_DISABLED', async () => {
    cluster = await startTestCluster({ ...scenario, authorizer: false });
    admin = adminFor(cluster);
    await admin.connect();
    const error = await admin.describeAcls({
      resourceType: AclResourceTypes.ANY, resourcePatternType: ResourcePatternTypes.ANY,
      operation: AclOperationTypes.ANY, permissionType: AclPermissionTypes.ANY,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ type: 'SECURITY_DISABLED' });
  });
});

describe('test broker with SASL/PLAIN', () => {
  const saslScenario: Scenario = { ...scenario, sasl: { mechanism: 'PLAIN', users: { admin: 'admin-secret' } } };
  let cluster: TestCluster | undefined;
  let admin: Admin | undefined;
  afterEach(async () => {
    await admin?.disconnect();
    await cluster?.close();
    admin = undefined;
    cluster = undefined;
  });

  it('the right password authenticates every connection and the admin calls work', async () => {
    cluster = await startTestCluster(saslScenario);
    admin = adminFor(cluster, { mechanism: 'plain', username: 'admin', password: 'admin-secret' });
    await admin.connect();
    expect((await admin.describeCluster()).brokers).toHaveLength(3);
    expect(await admin.listGroups()).toMatchObject({ groups: expect.any(Array) });
    expect(cluster.receivedApiKeys).toContain(ApiKey.SaslAuthenticate);
    expect(cluster.requests.filter((r) => r.outcome !== 'answered')).toEqual([]);
  });

  it('a wrong password fails with a SASL authentication error', async () => {
    cluster = await startTestCluster(saslScenario);
    admin = adminFor(cluster, { mechanism: 'plain', username: 'admin', password: 'wrong' });
    const error = await admin.connect().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'KafkaJSSASLAuthenticationError' });
    expect(String((error as Error).message)).toMatch(/Authentication failed: Invalid username or password/);
    expect(cluster.receivedApiKeys).not.toContain(ApiKey.Metadata);
  });

  it('a request before authentication closes the connection', async () => {
    cluster = await startTestCluster(saslScenario);
    admin = adminFor(cluster); // no SASL configured on the client
    await admin.connect(); // only ApiVersions, which a SASL listener answers before authentication
    await expect(admin.describeCluster()).rejects.toThrow();
    expect(cluster.requests.some((r) => r.apiKey === ApiKey.Metadata && r.outcome === 'rejected')).toBe(true);
  });
});

describe('test broker with SASL/SCRAM', () => {
  let cluster: TestCluster | undefined;
  let admin: Admin | undefined;
  afterEach(async () => {
    await admin?.disconnect();
    await cluster?.close();
    admin = undefined;
    cluster = undefined;
  });

  it.each(['SCRAM-SHA-256', 'SCRAM-SHA-512'] as const)('%s with the right password authenticates', async (mechanism) => {
    cluster = await startTestCluster({ ...scenario, sasl: { mechanism, users: { admin: 'admin-secret' } } });
    const kafkajsMechanism = mechanism === 'SCRAM-SHA-256' ? 'scram-sha-256' : 'scram-sha-512';
    admin = adminFor(cluster, { mechanism: kafkajsMechanism, username: 'admin', password: 'admin-secret' });
    await admin.connect();
    expect((await admin.describeCluster()).clusterId).toBe('cluster-under-test');
  });

  it('SCRAM-SHA-512 with a wrong password fails with a SASL authentication error naming the mechanism', async () => {
    cluster = await startTestCluster({ ...scenario, sasl: { mechanism: 'SCRAM-SHA-512', users: { admin: 'admin-secret' } } });
    admin = adminFor(cluster, { mechanism: 'scram-sha-512', username: 'admin', password: 'wrong' });
    const error = await admin.connect().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'KafkaJSSASLAuthenticationError' });
    expect(String((error as Error).message)).toMatch(/invalid credentials with SASL mechanism SCRAM-SHA-512/);
  });
});
