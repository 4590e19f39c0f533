import { ruleTester } from '../support/lint-harness.js';
import { strimziTopic, threeBrokerCompose } from '../support/fixtures.js';

ruleTester('replication-factor-too-low', {
  valid: [
    {
      name: 'broker with replication factor 3 everywhere',
      files: { 'server.properties': 'broker.id=1\ndefault.replication.factor=3\noffsets.topic.replication.factor=3\ntransaction.state.log.replication.factor=3\n' },
    },
    { name: 'not set: internal topics default to 3, default.replication.factor is topic-rf-defaults-to-broker\'s', files: { 'server.properties': 'broker.id=1\nlog.dirs=/var/lib/kafka\n' } },
    { name: 'a comment mentioning replication factor 1', files: { 'server.properties': 'broker.id=1\n# default.replication.factor=1 for dev only\n' } },
    { name: 'a placeholder', files: { 'server.properties': 'broker.id=1\ndefault.replication.factor=${RF}\n' } },
    { name: 'a similar key that is not a replication factor', files: { 'server.properties': 'broker.id=1\nnum.partitions=1\ntransaction.state.log.num.partitions=1\n' } },
    { name: 'KAFKA_CREATE_TOPICS with 3 replicas on a three-broker stack', files: { 'docker-compose.yml': threeBrokerCompose(['KAFKA_CREATE_TOPICS: "orders:3:3"']) } },
    { name: 'a commented-out compose variable', files: { 'docker-compose.yml': threeBrokerCompose(['# KAFKA_DEFAULT_REPLICATION_FACTOR: 1']) } },
    { name: 'Strimzi KafkaTopic with 3 replicas', files: { 'topic.yaml': strimziTopic('  partitions: 1\n  replicas: 3\n') } },
    { name: 'Strimzi KafkaTopic without replicas is topic-rf-defaults-to-broker\'s', files: { 'topic.yaml': strimziTopic('  partitions: 1\n') } },
  ],
  invalid: [
    {
      name: 'KAFKA_CREATE_TOPICS orders:3:1 in a single-broker compose stack: reported at the replica field, as info',
      files: {
        'docker-compose.yml': 'services:\n  kafka:\n    image: confluentinc/cp-kafka:7.6.0\n    environment:\n      KAFKA_BROKER_ID: 1\n      KAFKA_CREATE_TOPICS: "orders:3:1"\n',
      },
      findings: [{ line: 6, messageId: 'topicSingleReplica', severity: 'info', message: 'topic orders: replication.factor=1 (set at line 6)' }],
    },
    {
      name: 'three-broker compose stack with internal topics on two replicas',
      files: { 'docker-compose.yml': threeBrokerCompose(['KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: 2', 'KAFKA_DEFAULT_REPLICATION_FACTOR: 1']) },
      findings: [
        { line: 7, column: 7, messageId: 'brokerTwoReplicas', severity: 'warning' },
        { line: 8, column: 7, messageId: 'brokerSingleReplica', severity: 'error' },
      ],
    },
    {
      name: 'one environment block shared by every broker (YAML anchor) gives one finding',
      files: {
        'docker-compose.yml': [
          'x-kafka-env: &kafka-env', '  KAFKA_PROCESS_ROLES: broker,controller', '  KAFKA_DEFAULT_REPLICATION_FACTOR: 2', 'services:',
          '  kafka-1:', '    image: confluentinc/cp-kafka:7.6.0', '    environment: *kafka-env',
          '  kafka-2:', '    image: confluentinc/cp-kafka:7.6.0', '    environment: *kafka-env', '',
        ].join('\n'),
      },
      findings: [{ line: 3, messageId: 'brokerTwoReplicas' }],
    },
    {
      name: 'broker default replication factor 1',
      files: { 'server.properties': 'broker.id=1\ndefault.replication.factor=1\n' },
      findings: [{ line: 2, column: 1, messageId: 'brokerSingleReplica', severity: 'error', message: 'default.replication.factor=1 (set at line 2)' }],
    },
    {
      name: 'internal topics with replication factor 1 and 2',
      files: { 'server.properties': 'broker.id=1\noffsets.topic.replication.factor=1\ntransaction.state.log.replication.factor=2\n' },
      findings: [
        { line: 2, messageId: 'brokerSingleReplica', severity: 'error', message: 'consumer offsets topic' },
        { line: 3, messageId: 'brokerTwoReplicas', severity: 'warning', message: 'transaction state log' },
      ],
    },
    {
      name: 'Strimzi KafkaTopic with a single replica',
      files: { 'topic.yaml': strimziTopic('  partitions: 6\n  replicas: 1\n') },
      findings: [{ line: 7, column: 3, messageId: 'topicSingleReplica', severity: 'error', message: 'Only one copy of each record is kept for topic orders: replication.factor=1 (set at line 7)' }],
    },
    {
      name: 'Strimzi KafkaTopic with two replicas',
      files: { 'topic.yaml': strimziTopic('  replicas: 2\n') },
      findings: [{ line: 6, messageId: 'topicTwoReplicas', severity: 'warning' }],
    },
    {
      name: 'Strimzi Kafka internal topic settings',
      files: { 'kafka.yaml': 'apiVersion: kafka.strimzi.io/v1beta2\nkind: Kafka\nmetadata:\n  name: main\nspec:\n  kafka:\n    replicas: 3\n    config:\n      offsets.topic.replication.factor: 1\n      default.replication.factor: 3\n' },
      findings: [{ line: 9, column: 7, messageId: 'brokerSingleReplica' }],
    },
    {
      name: 'Kafka Connect dead letter queue with replication factor 1',
      files: { 'sink.json': '{\n  "name": "jdbc-sink",\n  "config": {\n    "connector.class": "io.confluent.connect.jdbc.JdbcSinkConnector",\n    "errors.deadletterqueue.topic.name": "dlq-orders",\n    "errors.deadletterqueue.topic.replication.factor": 1\n  }\n}\n' },
      findings: [{ line: 6, messageId: 'topicSingleReplica', message: 'dead letter queue topic "dlq-orders"' }],
    },
  ],
});
