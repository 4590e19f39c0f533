// Small realistic inputs for every source, written for these tests: the seeds that the fuzz suites mutate and the
// clean files that the hostile-input matrix lints next to its hostile ones.

export interface Seed {
  path: string;
  text: string;
}

export const PROPERTIES_SEEDS: Seed[] = [
  {
    path: 'config/producer.properties',
    text: [
      '# orders producer',
      'bootstrap.servers=kafka-1:9092,kafka-2:9092',
      'acks=1',
      'enable.idempotence=false',
      'retries = 3',
      'key.serializer:org.apache.kafka.common.serialization.StringSerializer',
      'security.protocol=SASL_SSL',
      'sasl.mechanism=PLAIN',
      'sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required \\',
      '    username="orders" password="${file:/etc/kafka/secret.txt:pw}";',
      'linger.ms 5',
      '! old style comment',
      'compression.type=snappy',
    ].join('\n'),
  },
  {
    path: 'broker/server.properties',
    text: [
      'broker.id=1',
      'listeners=PLAINTEXT://:9092,SSL://:9093',
      'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,SSL:SSL',
      'default.replication.factor=1',
      'min.insync.replicas=1',
      'unclean.leader.election.enable=true',
      'log.retention.hours=168',
      'auto.create.topics.enable=true',
    ].join('\n'),
  },
  {
    path: 'consumer.properties',
    text: ['group.id=billing', 'enable.auto.commit=true', 'auto.offset.reset=latest', 'max.poll.records=5000', 'isolation.level=read_uncommitted'].join('\r\n'),
  },
];

export const YAML_SEEDS: Seed[] = [
  {
    path: 'src/main/resources/application.yml',
    text: [
      'spring:',
      '  kafka:',
      '    bootstrap-servers: kafka:9092',
      '    producer:',
      '      acks: 1',
      '      retries: 0',
      '      properties:',
      '        enable.idempotence: false',
      '    consumer:',
      '      group-id: payments',
      '      enable-auto-commit: true',
      '      auto-offset-reset: earliest',
      '---',
      'spring:',
      '  config:',
      '    activate:',
      '      on-profile: prod',
      '  kafka:',
      '    properties:',
      '      security.protocol: SASL_SSL',
    ].join('\n'),
  },
  {
    path: 'docker-compose.yml',
    text: [
      'services:',
      '  kafka:',
      '    image: bitnami/kafka:3.7',
      '    environment:',
      '      KAFKA_CFG_NODE_ID: "1"',
      '      KAFKA_CFG_MIN_INSYNC_REPLICAS: "1"',
      '      KAFKA_CFG_DEFAULT_REPLICATION_FACTOR: 1',
      '      KAFKA_CFG_AUTO_CREATE_TOPICS_ENABLE: "true"',
      '  app:',
      '    image: shop/app',
      '    environment:',
      '      - KAFKA_BROKERS=kafka:9092',
    ].join('\n'),
  },
  {
    path: 'deploy/kafka.yaml',
    text: [
      'apiVersion: kafka.strimzi.io/v1beta2',
      'kind: Kafka',
      'metadata:',
      '  name: prod-cluster',
      'spec:',
      '  kafka:',
      '    replicas: 3',
      '    listeners:',
      '      - name: plain',
      '        port: 9092',
      '        type: internal',
      '        tls: false',
      '    config:',
      '      min.insync.replicas: 1',
      '      default.replication.factor: 3',
      '---',
      'apiVersion: kafka.strimzi.io/v1beta2',
      'kind: KafkaTopic',
      'metadata:',
      '  name: orders',
      '  labels:',
      '    strimzi.io/cluster: prod-cluster',
      'spec:',
      '  partitions: 6',
      '  replicas: 1',
      '  config:',
      '    retention.ms: 604800000',
    ].join('\n'),
  },
  {
    path: 'charts/kafka/values.yaml',
    text: [
      'image:',
      '  repository: bitnami/kafka',
      'replicaCount: 3',
      'defaultReplicationFactor: 1',
      'minInsyncReplicas: 1',
      'config: |-',
      '  unclean.leader.election.enable=true',
      '  num.partitions=3',
      'listeners:',
      '  client:',
      '    protocol: PLAINTEXT',
      'anchors: &base',
      '  acks: all',
      'other: *base',
    ].join('\n'),
  },
];

export const JSON_SEEDS: Seed[] = [
  {
    path: 'config/kafka-client.json',
    text: JSON.stringify({ 'bootstrap.servers': 'kafka:9092', acks: '1', 'enable.idempotence': false, 'linger.ms': 5, 'group.id': 'audit' }, null, 2),
  },
  {
    path: 'appsettings.json',
    text: JSON.stringify({ Kafka: { Producer: { BootstrapServers: 'kafka:9092', Acks: 'Leader', EnableIdempotence: false }, Consumer: { GroupId: 'g', EnableAutoCommit: true } } }, null, 2),
  },
  {
    path: 'connectors/sink.json',
    text: JSON.stringify({ name: 'jdbc-sink', config: { 'connector.class': 'io.confluent.connect.jdbc.JdbcSinkConnector', topics: 'orders', 'errors.tolerance': 'all', 'consumer.override.auto.offset.reset': 'latest' } }, null, 2),
  },
];

export const ENV_SEEDS: Seed[] = [
  {
    path: '.env',
    text: [
      '# local stack',
      'KAFKA_BROKERS=localhost:9092',
      'KAFKA_CFG_MIN_INSYNC_REPLICAS=1',
      'export KAFKA_CFG_DEFAULT_REPLICATION_FACTOR="1"',
      "KAFKA_CLIENT_ID='orders'",
      'KAFKA_CFG_AUTO_CREATE_TOPICS_ENABLE=true # for tests',
    ].join('\n'),
  },
  { path: 'deploy/broker.env', text: 'KAFKA_CFG_UNCLEAN_LEADER_ELECTION_ENABLE=true\nKAFKA_CFG_LOG_RETENTION_HOURS=1\n' },
];

export const MANIFEST_SEEDS: Seed[] = [
  { path: 'package.json', text: JSON.stringify({ name: 'shop', dependencies: { kafkajs: '^2.2.4', '@confluentinc/kafka-javascript': '1.2.0' }, devDependencies: { 'node-rdkafka': '~3.0.0' } }, null, 2) },
  {
    path: 'package-lock.json',
    text: JSON.stringify({ name: 'shop', lockfileVersion: 3, packages: { '': { dependencies: { kafkajs: '^2.2.4' } }, 'node_modules/kafkajs': { version: '2.2.4' } } }, null, 2),
  },
  { path: 'yarn.lock', text: '# yarn lockfile v1\n\n\nkafkajs@^2.2.4:\n  version "2.2.4"\n  resolved "https://registry.yarnpkg.com/kafkajs/-/kafkajs-2.2.4.tgz"\n' },
  { path: 'pnpm-lock.yaml', text: "lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      kafkajs:\n        specifier: ^2.2.4\n        version: 2.2.4\npackages:\n  kafkajs@2.2.4:\n    resolution: {integrity: sha512-x}\n" },
  {
    path: 'pom.xml',
    text: [
      '<project>',
      '  <properties><kafka.version>3.6.1</kafka.version></properties>',
      '  <dependencies>',
      '    <!-- <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka-clients</artifactId><version>2.0.0</version></dependency> -->',
      '    <dependency>',
      '      <groupId>org.apache.kafka</groupId>',
      '      <artifactId>kafka-clients</artifactId>',
      '      <version>${kafka.version}</version>',
      '    </dependency>',
      '  </dependencies>',
      '</project>',
      '',
    ].join('\n'),
  },
  { path: 'build.gradle', text: "def kafkaVersion = '3.7.0'\ndependencies {\n    implementation \"org.apache.kafka:kafka-clients:$kafkaVersion\"\n}\n" },
  { path: 'build.gradle.kts', text: 'dependencies {\n    implementation(group = "org.apache.kafka", name = "kafka-clients", version = "3.5.2")\n}\n' },
];

export const CODE_SEEDS: Seed[] = [
  {
    path: 'src/producer.ts',
    text: [
      "import { Kafka, CompressionTypes } from 'kafkajs';",
      '',
      "const kafka = new Kafka({ clientId: 'orders', brokers: ['kafka:9092'] });",
      'const producer = kafka.producer({ idempotent: false, maxInFlightRequests: 5 });',
      '',
      'export async function publish(items: string[]) {',
      '  await producer.connect();',
      '  for (const item of items) {',
      "    await producer.send({ topic: 'orders', acks: 1, compression: CompressionTypes.GZIP, messages: [{ value: item }] });",
      '  }',
      '}',
    ].join('\n'),
  },
  {
    path: 'src/consumer.js',
    text: [
      "const { Kafka } = require('kafkajs');",
      "const kafka = new Kafka({ brokers: [process.env.KAFKA_BROKERS] });",
      "const consumer = kafka.consumer({ groupId: 'billing' });",
      'async function main() {',
      '  await consumer.connect();',
      "  await consumer.subscribe({ topics: ['orders'], fromBeginning: false });",
      '  consumer.run({',
      '    eachMessage: async ({ message }) => {',
      '      try { db.insert(message.value); } catch (e) { console.log(e); }',
      '    },',
      '  });',
      '}',
      'main();',
    ].join('\n'),
  },
  {
    path: 'src/rdkafka.mjs',
    text: [
      "import Kafka from 'node-rdkafka';",
      "const producer = new Kafka.Producer({ 'metadata.broker.list': 'kafka:9092', 'request.required.acks': 1, dr_cb: true });",
      'producer.connect();',
      "producer.on('ready', () => producer.produce('orders', null, Buffer.from('x')));",
    ].join('\n'),
  },
];

export const CONFIG_SEEDS: Seed[] = [
  {
    path: 'kafkalint.config.yaml',
    text: [
      'extends: recommended',
      'rules:',
      '  producer-acks-one: error',
      'environments:',
      '  dev:',
      '    - "docker/**"',
      'overrides:',
      '  - files: ["test/**"]',
      '    rules:',
      '      producer-acks-one: off',
      'ignorePatterns:',
      '  - "legacy/**"',
    ].join('\n'),
  },
];
