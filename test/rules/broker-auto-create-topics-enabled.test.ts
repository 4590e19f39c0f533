import { ruleTester } from '../support/lint-harness.js';

ruleTester('broker-auto-create-topics-enabled', {
  valid: [
    { name: 'explicit false', files: { 'server.properties': 'broker.id=1\nauto.create.topics.enable=false\n' } },
    { name: 'a placeholder', files: { 'server.properties': 'broker.id=1\nauto.create.topics.enable=${AUTO_CREATE}\n' } },
    { name: 'a KRaft controller-only node', files: { 'controller.properties': 'process.roles=controller\nnode.id=3000\ncontroller.listener.names=CONTROLLER\n' } },
    { name: 'a client config is not a broker', files: { 'producer.properties': 'acks=all\n' } },
    { name: 'true overridden by a later false', files: { 'server.properties': 'broker.id=1\nauto.create.topics.enable=true\nauto.create.topics.enable=false\n' } },
    {
      name: 'compose with auto-creation off',
      files: { 'docker-compose.yml': "services:\n  kafka:\n    image: confluentinc/cp-kafka:7.6.0\n    environment:\n      KAFKA_BROKER_ID: 1\n      KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false'\n" },
    },
  ],
  invalid: [
    {
      name: 'explicit true',
      files: { 'server.properties': 'broker.id=1\nauto.create.topics.enable=true\n' },
      findings: [{ line: 2, column: 1, messageId: 'autoCreation', severity: 'warning', message: 'auto.create.topics.enable=true (set at line 2)' }],
    },
    {
      name: 'unset: the broker default is true, reported at the start of the broker config',
      files: { 'server.properties': 'broker.id=1\nnum.partitions=3\n' },
      findings: [{ line: 1, messageId: 'autoCreation', message: 'auto.create.topics.enable=true (not set: Apache Kafka broker default)' }],
    },
    {
      name: 'a single-broker compose stack: info with the reason',
      files: { 'docker-compose.yml': "services:\n  kafka:\n    image: confluentinc/cp-kafka:7.6.0\n    environment:\n      KAFKA_BROKER_ID: 1\n      KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'true'\n" },
      findings: [{ line: 6, column: 7, severity: 'info', message: 'Reported as info: single-broker docker-compose stack docker-compose.yml' }],
    },
    {
      name: 'Bitnami KAFKA_CFG_ spelling in a three-broker stack',
      files: {
        'docker-compose.yml': 'services:\n  kafka:\n    image: bitnami/kafka:3.7\n    deploy:\n      replicas: 3\n    environment:\n      - KAFKA_CFG_NODE_ID=0\n      - KAFKA_CFG_AUTO_CREATE_TOPICS_ENABLE=true\n',
      },
      findings: [{ line: 8, severity: 'warning' }],
    },
    {
      name: 'Strimzi Kafka without the key',
      files: { 'kafka.yaml': 'apiVersion: kafka.strimzi.io/v1beta2\nkind: Kafka\nmetadata:\n  name: main\nspec:\n  kafka:\n    replicas: 3\n    config:\n      min.insync.replicas: 2\n' },
      findings: [{ line: 4, message: 'not set: Apache Kafka broker default' }],
    },
  ],
});
