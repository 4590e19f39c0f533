import { describe, expect, it } from 'vitest';
import type { BrokerFacts } from '../../src/model/types.js';
import { lintFiles } from '../support/lint-harness.js';

const yaml = (...lines: string[]) => `${lines.join('\n')}\n`;

async function helmBrokers(files: Record<string, string>): Promise<BrokerFacts[]> {
  return (await lintFiles(files)).model.brokers.filter((broker) => broker.declaredBy === 'helm');
}

/** key, typed value, line, column of each setting. */
const settingRows = (broker: BrokerFacts) => broker.settings.map((setting) => [setting.key, setting.value, setting.location.line, setting.location.column]);

describe('Helm values of the Bitnami Kafka chart', () => {
  it('maps the camelCase broker values to Kafka keys', async () => {
    const [broker, ...others] = await helmBrokers({
      'charts/kafka/values.yaml': yaml(
        'image:', // 1
        '  registry: docker.io', // 2
        '  repository: bitnami/kafka', // 3
        'replicaCount: 3', // 4
        'defaultReplicationFactor: 3', // 5
        'offsetsTopicReplicationFactor: 3', // 6
        'transactionStateLogReplicationFactor: 2', // 7
        'transactionStateLogMinIsr: 1', // 8
        'autoCreateTopicsEnable: false', // 9
        'numPartitions: 6', // 10
        'logRetentionBytes: _1073741824', // 11
        'allowPlaintextListener: true', // 12
        'sslEndpointIdentificationAlgorithm: ""', // 13
        'heapOpts: -Xmx1024m', // 14
      ),
    });
    expect(others).toEqual([]);
    expect(broker).toMatchObject({ kind: 'broker', declaredBy: 'helm', brokerCount: 3, label: 'Kafka chart values charts/kafka/values.yaml' });
    // The Kafka image is what declares the broker; findings about unset keys point there.
    expect(broker.location).toEqual(expect.objectContaining({ line: 3, column: 15 }));
    expect(settingRows(broker)).toEqual([
      ['default.replication.factor', 3, 5, 1],
      ['offsets.topic.replication.factor', 3, 6, 1],
      ['transaction.state.log.replication.factor', 2, 7, 1],
      ['transaction.state.log.min.isr', 1, 8, 1],
      ['auto.create.topics.enable', false, 9, 1],
      ['num.partitions', 6, 10, 1],
      // The chart strips the underscore that keeps big numbers whole in YAML.
      ['log.retention.bytes', '1073741824', 11, 1],
      // What the chart hands the Bitnami image: ALLOW_PLAINTEXT_LISTENER=yes.
      ['ALLOW_PLAINTEXT_LISTENER', 'yes', 12, 1],
      // An empty algorithm turns hostname verification off, so it is kept.
      ['ssl.endpoint.identification.algorithm', '', 13, 1],
    ]);
    expect(broker.settings.find((setting) => setting.key === 'ALLOW_PLAINTEXT_LISTENER')).toMatchObject({ writtenAs: 'allowPlaintextListener', raw: 'true' });
  });

  const blockCases: Array<{ name: string; header: string; indent: string }> = [
    { name: 'two-space literal block', header: 'config: |', indent: '  ' },
    { name: 'four-space literal block with strip chomping', header: 'config: |-', indent: '    ' },
  ];
  for (const testCase of blockCases) {
    it(`reads a server.properties text in \`config\` at its own lines and columns (${testCase.name})`, async () => {
      const [broker] = await helmBrokers({
        'values.yaml': yaml(
          'image:', // 1
          '  repository: bitnami/kafka', // 2
          testCase.header, // 3
          `${testCase.indent}# broker defaults`, // 4
          `${testCase.indent}default.replication.factor=1`, // 5
          '', // 6
          `${testCase.indent}min.insync.replicas = 2`, // 7
          'deleteTopicEnable: true', // 8
        ),
      });
      const column = testCase.indent.length + 1;
      expect(settingRows(broker)).toEqual([
        ['default.replication.factor', 1, 5, column],
        ['min.insync.replicas', 2, 7, column],
        ['delete.topic.enable', 'true', 8, 1],
      ]);
      const minIsr = broker.settings[1];
      expect(minIsr.valueLocation).toEqual(expect.objectContaining({ line: 7, column: column + 'min.insync.replicas = '.length }));
      expect(minIsr.location.endColumn).toBe(column + 'min.insync.replicas = 2'.length);
    });
  }

  it('points entries of a quoted config string at the value, since its lines cannot be placed', async () => {
    const [broker] = await helmBrokers({
      'values.yaml': yaml('image:', '  repository: bitnami/kafka', 'config: "num.partitions=3\\nmin.insync.replicas=1"'),
    });
    expect(settingRows(broker)).toEqual([
      ['num.partitions', 3, 3, 9],
      ['min.insync.replicas', 1, 3, 9],
    ]);
  });

  it('reads a commented-out config block as no settings at all', async () => {
    const brokers = await helmBrokers({
      'values.yaml': yaml('image:', '  repository: bitnami/kafka', 'config: |-', '#  min.insync.replicas=1', '#  num.partitions=1'),
    });
    expect(brokers).toEqual([]);
  });

  it('reads overrideConfiguration maps and KAFKA_CFG_ variables in extraEnvVars', async () => {
    const [broker] = await helmBrokers({
      'values.yaml': yaml(
        'image:', // 1
        '  repository: bitnami/kafka', // 2
        'overrideConfiguration:', // 3
        '  min.insync.replicas: 2', // 4
        '  "unclean.leader.election.enable": true', // 5
        'controller:', // 6
        '  replicaCount: 3', // 7
        '  overrideConfiguration:', // 8
        '    num.partitions: 12', // 9
        'extraEnvVars:', // 10
        '  - name: KAFKA_CFG_AUTO_CREATE_TOPICS_ENABLE', // 11
        '    value: "false"', // 12
        '  - name: BITNAMI_DEBUG', // 13
        '    value: "true"', // 14
      ),
    });
    expect(settingRows(broker)).toEqual([
      ['min.insync.replicas', 2, 4, 3],
      ['unclean.leader.election.enable', true, 5, 3],
      ['num.partitions', 12, 9, 5],
      ['auto.create.topics.enable', false, 11, 5],
    ]);
    expect(broker.settings[3]).toMatchObject({ writtenAs: 'KAFKA_CFG_AUTO_CREATE_TOPICS_ENABLE', valueLocation: expect.objectContaining({ line: 12, column: 12 }) });
    // controller.replicaCount alone: broker.replicaCount is left to the chart's default, so the total is unknown.
    expect(broker.brokerCount).toBeUndefined();
  });

  it('reads the listener protocols of an umbrella chart’s kafka subchart, only for listeners the chart deploys', async () => {
    const [broker, ...others] = await helmBrokers({
      'values-dev.yaml': yaml(
        'kafka:', // 1
        '  enabled: true', // 2
        '  kraft:', // 3
        '    enabled: false', // 4
        '  controller:', // 5
        '    replicaCount: 0', // 6
        '  broker:', // 7
        '    replicaCount: 2', // 8
        '  listeners:', // 9
        '    client:', // 10
        '      protocol: SASL_PLAINTEXT', // 11
        '    controller: { protocol: PLAINTEXT, sslClientAuth: none }', // 12
        '    # KRaft is off, so the chart deploys no controller listener', // 13
        '    interbroker:', // 14
        '      name: REPLICATION', // 15
        '      protocol: ssl', // 16
        '      sslClientAuth: required', // 17
        '    external:', // 18
        '      protocol: PLAINTEXT', // 19 (externalAccess is not enabled)
        '  sasl:', // 20
        '    client:', // 21
        '      users: [app]', // 22
        '      passwords: [app-secret]', // 23
        '    interbroker:', // 24
        '      password: ""', // 25
        'ui:', // 26
        '  enabled: true', // 27
      ),
    });
    expect(others).toEqual([]);
    expect(broker).toMatchObject({ brokerCount: 2, label: 'Kafka chart values values-dev.yaml (subchart kafka)' });
    expect(broker.location).toEqual(expect.objectContaining({ line: 1, column: 1 }));
    // The controller listener is not deployed without KRaft, the external one not without externalAccess.enabled.
    expect(broker.listeners?.map((listener) => [listener.name, listener.protocol, listener.location.line, listener.location.column])).toEqual([
      ['CLIENT', 'SASL_PLAINTEXT', 11, 7],
      ['REPLICATION', 'SSL', 16, 7],
    ]);
    expect(settingRows(broker)).toEqual([
      ['listener.name.replication.ssl.client.auth', 'required', 17, 7],
      // A SASL password list has no Kafka key; the chart path keeps it in view of the credential rules. Empty ones mean
      // "generate a password" and give no setting.
      ['sasl.client.passwords', 'app-secret', 23, 7],
    ]);
  });

  it('reads the auth.*Protocol values of older Bitnami charts as listeners', async () => {
    const [broker] = await helmBrokers({
      'values.yaml': yaml(
        'image:',
        '  repository: bitnami/kafka',
        'auth:', // 3
        '  clientProtocol: sasl', // 4
        '  interBrokerProtocol: mtls', // 5
        '  externalClientProtocol: plaintext', // 6
        '  tls:',
        '    password: changeit', // 8
        'externalAccess:',
        '  enabled: true',
      ),
    });
    expect(broker.listeners?.map((listener) => [listener.name, listener.protocol, listener.location.line])).toEqual([
      ['CLIENT', 'SASL_PLAINTEXT', 4],
      ['INTERNAL', 'SSL', 5],
      ['EXTERNAL', 'PLAINTEXT', 6],
    ]);
    expect(settingRows(broker)).toEqual([['ssl.keystore.password', 'changeit', 8, 5]]);
  });

  it('reads configurationOverrides of a cp-kafka subchart', async () => {
    const [broker] = await helmBrokers({
      'values.yaml': yaml('cp-zookeeper:', '  servers: 3', 'cp-kafka:', '  brokers: 3', '  configurationOverrides:', '    "offsets.topic.replication.factor": "3"', '    default.replication.factor: 2'),
    });
    expect(broker.brokerCount).toBe(3);
    expect(settingRows(broker)).toEqual([
      ['offsets.topic.replication.factor', 3, 6, 5],
      ['default.replication.factor', 2, 7, 5],
    ]);
  });
});

describe('YAML files that are not Kafka chart values', () => {
  const cases: Array<{ name: string; files: Record<string, string> }> = [
    {
      name: 'values of another chart with generic keys (replicaCount, config, listeners, auth)',
      files: { 'values.yaml': yaml('image:', '  repository: bitnami/redis', 'replicaCount: 3', 'config: |', '  maxmemory 2gb', 'listeners:', '  client:', '    protocol: PLAINTEXT', 'auth:', '  password: s3cret') },
    },
    {
      name: 'a Kafka UI chart pointing at a cluster',
      files: { 'values.yaml': yaml('image:', '  repository: provectuslabs/kafka-ui', 'yamlApplicationConfig:', '  kafka:', '    clusters:', '      - name: main', '        bootstrapServers: kafka:9092') },
    },
    {
      name: 'an application config with a kafka section',
      files: { 'config/app.yaml': yaml('kafka:', '  brokers: kafka-1:9092', '  topic: orders', '  numPartitions: 3') },
    },
    {
      name: 'a Strimzi resource, which the Strimzi reader owns',
      files: { 'kafka.yaml': yaml('apiVersion: kafka.strimzi.io/v1beta2', 'kind: Kafka', 'metadata:', '  name: main', 'spec:', '  kafka:', '    replicas: 3', '    defaultReplicationFactor: 1', '    numPartitions: 1') },
    },
    {
      name: 'a Kafka image with none of the broker values',
      files: { 'values.yaml': yaml('image:', '  repository: bitnami/kafka', '  tag: 3.7.0', 'replicaCount: 1', 'resources: {}') },
    },
  ];
  for (const testCase of cases) {
    it(`gives no Helm broker for ${testCase.name}`, async () => {
      expect(await helmBrokers(testCase.files)).toEqual([]);
    });
  }
});
