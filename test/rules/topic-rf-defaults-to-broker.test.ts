import { ruleTester } from '../support/lint-harness.js';
import { strimziKafka, strimziTopic } from '../support/fixtures.js';

ruleTester('topic-rf-defaults-to-broker', {
  valid: [
    { name: 'Strimzi topic with replicas', files: { 'topic.yaml': strimziTopic('  partitions: 3\n  replicas: 3\n') } },
    { name: 'Strimzi topic with 1 replica is replication-factor-too-low\'s business', files: { 'topic.yaml': strimziTopic('  replicas: 1\n') } },
    { name: 'a placeholder replica count is filled in at deploy time', files: { 'topic.yaml': strimziTopic('  replicas: "{{ .Values.replicas }}"\n') } },
    { name: 'a commented-out replicas line still counts as absent only when absent', files: { 'topic.yaml': strimziTopic('  # replicas: 1\n  replicas: 3\n') } },
    {
      name: 'the cluster in the same file sets default.replication.factor 3',
      files: { 'kafka.yaml': `${strimziKafka('      default.replication.factor: 3\n')}---\n${strimziTopic('  partitions: 3\n')}` },
    },
    {
      name: 'a Connect dead letter queue without replication factor gets Connect\'s own default of 3',
      files: { 'sink.json': '{\n  "name": "s",\n  "config": {\n    "connector.class": "x.Sink",\n    "errors.deadletterqueue.topic.name": "dlq"\n  }\n}\n' },
    },
    {
      name: 'a compose KAFKA_CREATE_TOPICS entry without replicas is not a broker default (the image needs it)',
      files: { 'docker-compose.yml': 'services:\n  kafka:\n    image: wurstmeister/kafka:2.13-2.8.1\n    environment:\n      KAFKA_BROKER_ID: 1\n      KAFKA_CREATE_TOPICS: "orders:3"\n' },
    },
    { name: 'a broker config is not a topic', files: { 'server.properties': 'broker.id=1\n' } },
  ],
  invalid: [
    {
      name: 'Strimzi topic without replicas and no known cluster',
      files: { 'topic.yaml': strimziTopic('  partitions: 3\n') },
      findings: [{ line: 4, column: 9, messageId: 'unknownCluster', severity: 'warning', message: 'No replication factor is declared for topic orders' }],
    },
    {
      name: 'Strimzi topic without spec at all',
      files: { 'topic.yaml': 'apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nmetadata:\n  name: payments\n' },
      findings: [{ line: 4, messageId: 'unknownCluster', message: 'topic payments' }],
    },
    {
      name: 'the cluster in the same file keeps the broker default of 1',
      files: { 'kafka.yaml': `${strimziKafka('      min.insync.replicas: 1\n')}---\n${strimziTopic('  partitions: 3\n')}` },
      findings: [{ line: 14, messageId: 'weakClusterDefault', message: 'default.replication.factor=1 (not set: Apache Kafka broker default)' }],
    },
    {
      name: 'the cluster declared in server.properties sets default.replication.factor 2',
      files: { 'server.properties': 'broker.id=1\ndefault.replication.factor=2\n', 'topic.yaml': strimziTopic('  partitions: 3\n') },
      findings: [{ line: 4, file: 'topic.yaml', messageId: 'weakClusterDefault', message: 'default.replication.factor=2 (set at server.properties:2)' }],
    },
    {
      name: 'a Connect topic creation group handing the replication factor to the broker (-1)',
      files: { 'source.json': '{\n  "name": "src",\n  "config": {\n    "connector.class": "x.Source",\n    "topic.creation.default.replication.factor": -1,\n    "topic.creation.default.partitions": 3\n  }\n}\n' },
      findings: [{ line: 5, messageId: 'unknownCluster', message: 'topics that connector "src" creates' }],
    },
  ],
});
