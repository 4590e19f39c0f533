import { ruleTester } from '../support/lint-harness.js';

ruleTester('unclean-leader-election-enabled', {
  valid: [
    { name: 'explicitly false', files: { 'server.properties': 'broker.id=1\nunclean.leader.election.enable=false\n' } },
    { name: 'not set: the default is false', files: { 'server.properties': 'broker.id=1\nmin.insync.replicas=2\n' } },
    { name: 'a comment mentioning it', files: { 'server.properties': 'broker.id=1\n# unclean.leader.election.enable=true\n' } },
    { name: 'true overridden by a later false', files: { 'server.properties': 'unclean.leader.election.enable=true\nunclean.leader.election.enable=false\n' } },
    { name: 'a placeholder', files: { 'server.properties': 'broker.id=1\nunclean.leader.election.enable=${UNCLEAN}\n' } },
    {
      name: 'docker-compose with it commented out',
      files: { 'docker-compose.yml': 'services:\n  kafka:\n    image: confluentinc/cp-kafka:7.6.0\n    environment:\n      KAFKA_NODE_ID: 1\n      # KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE: "true"\n' },
    },
    {
      name: 'Bitnami ignores a KAFKA_ variable without CFG_',
      files: { 'docker-compose.yml': 'services:\n  kafka:\n    image: bitnami/kafka:3.7\n    environment:\n      - KAFKA_CFG_NODE_ID=1\n      - KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE=true\n' },
    },
    { name: 'a different key that mentions leader election', files: { 'server.properties': 'broker.id=1\nauto.leader.rebalance.enable=true\n' } },
    {
      name: 'a Strimzi KafkaTopic with the quoted string "false"',
      files: { 'topic.yaml': 'apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nmetadata:\n  name: orders\nspec:\n  replicas: 3\n  config:\n    unclean.leader.election.enable: "false"\n' },
    },
  ],
  invalid: [
    {
      name: 'single-broker docker-compose with the Confluent image: a dev stack, so info',
      files: { 'docker-compose.yml': 'services:\n  kafka:\n    image: confluentinc/cp-kafka:7.6.0\n    environment:\n      KAFKA_NODE_ID: 1\n      KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE: "true"\n' },
      findings: [{ line: 6, column: 7, message: 'allowed for compose service kafka', severity: 'info' }],
    },
    {
      name: 'docker-compose with the Bitnami image',
      files: { 'docker-compose.yml': 'services:\n  kafka:\n    image: bitnami/kafka:3.7\n    environment:\n      - KAFKA_CFG_NODE_ID=1\n      - KAFKA_CFG_UNCLEAN_LEADER_ELECTION_ENABLE=true\n' },
      findings: [{ line: 6 }],
    },
    {
      name: 'broker default enabled',
      files: { 'server.properties': 'broker.id=1\nunclean.leader.election.enable=true\n' },
      findings: [{ line: 2, column: 1, messageId: 'uncleanElection', severity: 'error', message: 'Unclean leader election is allowed for broker config server.properties: unclean.leader.election.enable=true (set at line 2)' }],
    },
    {
      name: 'upper-case TRUE',
      files: { 'server.properties': 'broker.id=1\nunclean.leader.election.enable=TRUE\n' },
      findings: [{ line: 2 }],
    },
    {
      name: 'a Strimzi KafkaTopic enabling it for one topic',
      files: { 'topic.yaml': 'apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nmetadata:\n  name: orders\nspec:\n  replicas: 3\n  config:\n    unclean.leader.election.enable: true\n' },
      findings: [{ line: 8, column: 5, message: 'allowed for topic orders' }],
    },
    {
      name: 'a Strimzi Kafka enabling it cluster-wide',
      files: { 'kafka.yaml': 'apiVersion: kafka.strimzi.io/v1beta2\nkind: Kafka\nmetadata:\n  name: main\nspec:\n  kafka:\n    replicas: 3\n    config:\n      unclean.leader.election.enable: "true"\n' },
      findings: [{ line: 9, message: 'Strimzi Kafka main' }],
    },
  ],
});
