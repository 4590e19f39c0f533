import { describe, expect, it } from 'vitest';
import { lintFiles } from '../support/lint-harness.js';

const yaml = (...lines: string[]) => `${lines.join('\n')}\n`;

async function modelOf(files: Record<string, string>) {
  return (await lintFiles(files)).model;
}

const at = (line: number, column: number) => expect.objectContaining({ line, column });

describe('Strimzi KafkaTopic', () => {
  it('reads partitions, replicas and config with the line and column of each value', async () => {
    const model = await modelOf({
      'topics/orders.yaml': yaml(
        'apiVersion: kafka.strimzi.io/v1beta2', // 1
        'kind: KafkaTopic', // 2
        'metadata:', // 3
        '  name: orders', // 4
        '  labels:', // 5
        '    strimzi.io/cluster: main', // 6
        'spec:', // 7
        '  partitions: 12', // 8
        '  replicas: 3', // 9
        '  config:', // 10
        '    min.insync.replicas: 3', // 11
        '    unclean.leader.election.enable: "false"', // 12
        '    retention.ms: "604800000"', // 13
      ),
    });
    expect(model.topics).toHaveLength(1);
    const [topic] = model.topics;
    expect(topic).toMatchObject({ kind: 'topic', declaredBy: 'strimzi', name: 'orders', file: 'topics/orders.yaml', label: 'Strimzi KafkaTopic orders' });
    expect(topic.location).toEqual(at(4, 9));
    expect(topic.partitions).toMatchObject({ key: 'partitions', writtenAs: 'partitions', value: 12, raw: '12' });
    expect(topic.partitions?.location).toEqual(at(8, 3));
    expect(topic.replicationFactor).toMatchObject({ key: 'replication.factor', writtenAs: 'replicas', value: 3 });
    expect(topic.replicationFactor?.location).toEqual(expect.objectContaining({ line: 9, column: 3, endLine: 9, endColumn: 14 }));
    expect(topic.settings.map((setting) => [setting.key, setting.value, setting.location.line, setting.location.column])).toEqual([
      ['min.insync.replicas', 3, 11, 5],
      // Quoted YAML strings are typed by the key, as in a .properties file.
      ['unclean.leader.election.enable', false, 12, 5],
      ['retention.ms', 604800000, 13, 5],
    ]);
  });

  it('leaves the replication factor unset when spec.replicas is absent', async () => {
    const model = await modelOf({
      'topic.yaml': yaml('apiVersion: kafka.strimzi.io/v1', 'kind: KafkaTopic', 'metadata:', '  name: clicks', 'spec:', '  partitions: 6'),
    });
    expect(model.topics).toHaveLength(1);
    expect(model.topics[0].replicationFactor).toBeUndefined();
    expect(model.topics[0].partitions?.value).toBe(6);
    expect(model.topics[0].settings).toEqual([]);
  });

  it('names the topic after spec.topicName when it is given', async () => {
    const model = await modelOf({
      'topic.yaml': yaml('apiVersion: kafka.strimzi.io/v1beta2', 'kind: KafkaTopic', 'metadata:', '  name: orders-v1', 'spec:', '  topicName: Orders.V1', '  replicas: 3'),
    });
    expect(model.topics.map((topic) => topic.name)).toEqual(['Orders.V1']);
  });
});

describe('Strimzi Kafka', () => {
  const kafka = (...specLines: string[]) =>
    yaml('apiVersion: kafka.strimzi.io/v1beta2', 'kind: Kafka', 'metadata:', '  name: main', 'spec:', '  kafka:', ...specLines);

  it('reads spec.kafka.config as broker settings, each with its own location', async () => {
    const model = await modelOf({
      'kafka.yaml': kafka(
        '    replicas: 3', // 7
        '    config:', // 8
        '      default.replication.factor: 3', // 9
        '      min.insync.replicas: 2', // 10
        '      auto.create.topics.enable: "false"', // 11
      ),
    });
    expect(model.brokers).toHaveLength(1);
    const [broker] = model.brokers;
    expect(broker).toMatchObject({ kind: 'broker', declaredBy: 'strimzi', label: 'Strimzi Kafka main', brokerCount: 3 });
    expect(broker.location).toEqual(at(4, 9));
    expect(broker.settings.map((setting) => [setting.key, setting.value, setting.location.line, setting.location.column])).toEqual([
      ['default.replication.factor', 3, 9, 7],
      ['min.insync.replicas', 2, 10, 7],
      ['auto.create.topics.enable', false, 11, 7],
    ]);
  });

  it('records super users and a custom authorizer class from spec.kafka.authorization', async () => {
    const model = await modelOf({
      'kafka.yaml': kafka(
        '    authorization:',
        '      type: custom',
        '      authorizerClass: com.example.Authorizer',
        '      superUsers:',
        '        - CN=admin,O=Example',
        '        - ops',
      ),
    });
    const settings = model.brokers[0].settings.map((setting) => [setting.key, setting.value]);
    expect(settings).toEqual([
      ['authorizer.class.name', 'com.example.Authorizer'],
      ['super.users', 'CN=admin,O=Example;ops'],
    ]);
  });

  const countCases: Array<{ name: string; text: string; brokerCount: number | undefined }> = [
    { name: 'spec.kafka.replicas without node pools', text: kafka('    replicas: 5'), brokerCount: 5 },
    {
      name: 'node pools of the cluster with the broker role, in the same file',
      text: [
        yaml('apiVersion: kafka.strimzi.io/v1beta2', 'kind: KafkaNodePool', 'metadata:', '  name: controllers', '  labels:', '    strimzi.io/cluster: main', 'spec:', '  replicas: 3', '  roles:', '    - controller'),
        yaml('apiVersion: kafka.strimzi.io/v1beta2', 'kind: KafkaNodePool', 'metadata:', '  name: brokers-a', '  labels:', '    strimzi.io/cluster: main', 'spec:', '  replicas: 2', '  roles: [broker]'),
        yaml('apiVersion: kafka.strimzi.io/v1beta2', 'kind: KafkaNodePool', 'metadata:', '  name: mixed', '  labels:', '    strimzi.io/cluster: main', 'spec:', '  replicas: 1', '  roles:', '    - controller', '    - broker'),
        yaml('apiVersion: kafka.strimzi.io/v1beta2', 'kind: KafkaNodePool', 'metadata:', '  name: other', '  labels:', '    strimzi.io/cluster: other-cluster', 'spec:', '  replicas: 7', '  roles: [broker]'),
        kafka('    replicas: 99'),
      ].join('---\n'),
      brokerCount: 3,
    },
    {
      name: 'node pools enabled but kept in another file: unknown, spec.kafka.replicas is ignored by the operator',
      text: yaml('apiVersion: kafka.strimzi.io/v1beta2', 'kind: Kafka', 'metadata:', '  name: main', '  annotations:', '    strimzi.io/node-pools: enabled', 'spec:', '  kafka:', '    replicas: 3'),
      brokerCount: undefined,
    },
  ];
  for (const testCase of countCases) {
    it(`counts brokers: ${testCase.name}`, async () => {
      const model = await modelOf({ 'cluster.yaml': testCase.text });
      expect(model.brokers).toHaveLength(1);
      expect(model.brokers[0].brokerCount).toBe(testCase.brokerCount);
    });
  }

  const listenerCases: Array<{ name: string; listener: string[]; protocol: string }> = [
    { name: 'no TLS, no authentication', listener: ['tls: false'], protocol: 'PLAINTEXT' },
    { name: 'TLS without authentication', listener: ['tls: true'], protocol: 'SSL' },
    { name: 'TLS with client certificates', listener: ['tls: true', 'authentication:', '  type: tls'], protocol: 'SSL' },
    { name: 'SCRAM without TLS', listener: ['tls: false', 'authentication:', '  type: scram-sha-512'], protocol: 'SASL_PLAINTEXT' },
    { name: 'SCRAM with TLS', listener: ['tls: true', 'authentication:', '  type: scram-sha-512'], protocol: 'SASL_SSL' },
    { name: 'OAuth with TLS', listener: ['tls: true', 'authentication:', '  type: oauth'], protocol: 'SASL_SSL' },
    { name: 'custom authentication with SASL', listener: ['tls: false', 'authentication:', '  type: custom', '  sasl: true'], protocol: 'SASL_PLAINTEXT' },
    { name: 'custom authentication without SASL', listener: ['tls: true', 'authentication:', '  type: custom', '  sasl: false'], protocol: 'SSL' },
  ];
  for (const testCase of listenerCases) {
    it(`derives the listener protocol: ${testCase.name} → ${testCase.protocol}`, async () => {
      const model = await modelOf({
        'kafka.yaml': kafka('    listeners:', '      - name: app', '        port: 9092', '        type: internal', ...testCase.listener.map((line) => `        ${line}`)),
      });
      expect(model.brokers[0].listeners).toEqual([{ name: 'app', protocol: testCase.protocol, location: expect.objectContaining({ line: 8, column: 9 }) }]);
    });
  }

  it('reads the old listener map of v1beta1 (plain, tls, external)', async () => {
    const model = await modelOf({
      'kafka.yaml': yaml(
        'apiVersion: kafka.strimzi.io/v1beta1', // 1
        'kind: Kafka', // 2
        'metadata:', // 3
        '  name: legacy', // 4
        'spec:', // 5
        '  kafka:', // 6
        '    replicas: 3', // 7
        '    listeners:', // 8
        '      plain: {}', // 9
        '      tls:', // 10
        '        authentication:', // 11
        '          type: scram-sha-512', // 12
        '      external:', // 13
        '        type: nodeport', // 14
        '        tls: false', // 15
      ),
    });
    expect(model.brokers[0].listeners?.map((listener) => [listener.name, listener.protocol, listener.location.line, listener.location.column])).toEqual([
      ['plain', 'PLAINTEXT', 9, 7],
      ['tls', 'SASL_SSL', 10, 7],
      ['external', 'PLAINTEXT', 13, 7],
    ]);
  });

  it('treats an old external listener as TLS unless tls: false says otherwise', async () => {
    const model = await modelOf({
      'kafka.yaml': yaml('apiVersion: kafka.strimzi.io/v1beta1', 'kind: Kafka', 'metadata:', '  name: legacy', 'spec:', '  kafka:', '    listeners:', '      external:', '        type: loadbalancer'),
    });
    expect(model.brokers[0].listeners?.map((listener) => listener.protocol)).toEqual(['SSL']);
  });
});

describe('Strimzi KafkaUser', () => {
  it('gives one ACL per rule, normalised to Kafka names, with the wildcard resource kept', async () => {
    const model = await modelOf({
      'user.yaml': yaml(
        'apiVersion: kafka.strimzi.io/v1beta2', // 1
        'kind: KafkaUser', // 2
        'metadata:', // 3
        '  name: billing', // 4
        '  labels:', // 5
        '    strimzi.io/cluster: main', // 6
        'spec:', // 7
        '  authentication:', // 8
        '    type: scram-sha-512', // 9
        '  authorization:', // 10
        '    type: simple', // 11
        '    acls:', // 12
        '      - resource:', // 13
        '          type: topic', // 14
        '          name: "*"', // 15
        '        operations: [Write, AlterConfigs]', // 16
        '      - resource:', // 17
        '          type: group', // 18
        '          name: billing-', // 19
        '          patternType: prefix', // 20
        '        operation: Read', // 21
        '        type: deny', // 22
        '      - resource:', // 23
        '          type: cluster', // 24
        '        operations:', // 25
        '          - IdempotentWrite', // 26
        '      - resource:', // 27
        '          type: transactionalId', // 28
        '          name: billing-tx', // 29
        '        operations: [Describe]', // 30
      ),
    });
    expect(model.acls.map(({ file: _file, location, ...acl }) => ({ ...acl, at: [location.line, location.column] }))).toEqual([
      { kind: 'acl', principal: 'User:billing', resourceType: 'topic', resourceName: '*', patternType: 'literal', operations: ['write', 'alter_configs'], permission: 'allow', at: [13, 9] },
      { kind: 'acl', principal: 'User:billing', resourceType: 'group', resourceName: 'billing-', patternType: 'prefixed', operations: ['read'], permission: 'deny', at: [17, 9] },
      { kind: 'acl', principal: 'User:billing', resourceType: 'cluster', resourceName: 'kafka-cluster', patternType: 'literal', operations: ['idempotent_write'], permission: 'allow', at: [23, 9] },
      { kind: 'acl', principal: 'User:billing', resourceType: 'transactional_id', resourceName: 'billing-tx', patternType: 'literal', operations: ['describe'], permission: 'allow', at: [27, 9] },
    ]);
  });

  it('gives no ACL for a user without authorization rules', async () => {
    const model = await modelOf({
      'user.yaml': yaml('apiVersion: kafka.strimzi.io/v1beta2', 'kind: KafkaUser', 'metadata:', '  name: reader', 'spec:', '  authentication:', '    type: tls'),
    });
    expect(model.acls).toEqual([]);
  });
});

describe('Strimzi files', () => {
  it('reads every Strimzi document of a multi-document file and skips the others', async () => {
    const model = await modelOf({
      'deploy/kafka.yaml': [
        yaml('apiVersion: kafka.strimzi.io/v1beta2', 'kind: Kafka', 'metadata:', '  name: main', 'spec:', '  kafka:', '    replicas: 3', '    config:', '      min.insync.replicas: 2'),
        yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: kafka-metrics', 'data:', '  min.insync.replicas: "1"'),
        yaml('apiVersion: kafka.strimzi.io/v1beta2', 'kind: KafkaTopic', 'metadata:', '  name: payments', 'spec:', '  partitions: 3', '  replicas: 3'),
        yaml('apiVersion: kafka.strimzi.io/v1beta2', 'kind: KafkaUser', 'metadata:', '  name: app', 'spec:', '  authorization:', '    type: simple', '    acls:', '      - resource: {type: topic, name: payments}', '        operations: [Read]'),
      ].join('---\n'),
    });
    expect(model.brokers.map((broker) => [broker.label, broker.location.line])).toEqual([['Strimzi Kafka main', 4]]);
    expect(model.brokers[0].settings.map((setting) => [setting.key, setting.location.line])).toEqual([['min.insync.replicas', 9]]);
    expect(model.topics.map((topic) => [topic.name, topic.location.line, topic.replicationFactor?.location.line])).toEqual([['payments', 21, 24]]);
    expect(model.acls.map((acl) => [acl.principal, acl.resourceName, acl.location.line])).toEqual([['User:app', 'payments', 34]]);
  });

  const nothingCases: Array<{ name: string; text: string }> = [
    {
      name: 'a Kubernetes Deployment of a Kafka client',
      text: yaml(
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: kafka-consumer',
        'spec:',
        '  replicas: 3',
        '  template:',
        '    spec:',
        '      containers:',
        '        - name: app',
        '          image: example/kafka-consumer:1.0',
        '          env:',
        '            - name: KAFKA_TOPIC',
        '              value: orders',
      ),
    },
    {
      name: 'a resource named Kafka from another API group',
      text: yaml('apiVersion: kafka.example.com/v1', 'kind: Kafka', 'metadata:', '  name: main', 'spec:', '  kafka:', '    replicas: 3', '    config:', '      min.insync.replicas: 1'),
    },
  ];
  for (const testCase of nothingCases) {
    it(`yields nothing for ${testCase.name}`, async () => {
      const model = await modelOf({ 'k8s/app.yaml': testCase.text });
      expect([model.brokers, model.topics, model.acls, model.clients, model.problems]).toEqual([[], [], [], [], []]);
    });
  }

  it('reports a broken YAML file that mentions Kafka as a parse problem with its line', async () => {
    const model = await modelOf({
      'topic.yaml': yaml('apiVersion: kafka.strimzi.io/v1beta2', 'kind: KafkaTopic', 'metadata:', '  name: orders', 'spec:', '  partitions: [3', '  replicas: 3'),
    });
    expect(model.problems).toHaveLength(1);
    // The unclosed flow sequence of line 6 is noticed where the next key starts.
    expect(model.problems[0]).toMatchObject({ file: 'topic.yaml', line: 7, message: expect.stringContaining('YAML syntax error') });
    expect(model.topics).toEqual([]);
  });
});
