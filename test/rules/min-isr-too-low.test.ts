import { ruleTester } from '../support/lint-harness.js';
import { strimziTopic, threeBrokerCompose } from '../support/fixtures.js';

ruleTester('min-isr-too-low', {
  valid: [
    { name: 'min ISR 2 with replication factor 3', files: { 'server.properties': 'broker.id=1\ndefault.replication.factor=3\nmin.insync.replicas=2\n' } },
    { name: 'min ISR 1 with replication factor 1 cannot be raised', files: { 'server.properties': 'broker.id=1\ndefault.replication.factor=1\nmin.insync.replicas=1\n' } },
    { name: 'min ISR 1 with replication factor 2: 2 would block on any outage', files: { 'server.properties': 'broker.id=1\ndefault.replication.factor=2\nmin.insync.replicas=1\n' } },
    { name: 'min ISR 1 with the default replication factor of 1', files: { 'server.properties': 'broker.id=1\nmin.insync.replicas=1\n' } },
    { name: 'min ISR not set at all is acks-all-with-min-isr-1\'s business', files: { 'server.properties': 'broker.id=1\ndefault.replication.factor=3\n' } },
    { name: 'a comment', files: { 'server.properties': 'broker.id=1\ndefault.replication.factor=3\n# min.insync.replicas=1\n' } },
    { name: 'a placeholder', files: { 'server.properties': 'broker.id=1\ndefault.replication.factor=3\nmin.insync.replicas=${MIN_ISR}\n' } },
    {
      name: 'transaction log with min ISR 1 and replication factor 1',
      files: { 'server.properties': 'broker.id=1\ntransaction.state.log.replication.factor=1\ntransaction.state.log.min.isr=1\n' },
    },
    { name: 'three-broker compose stack with min ISR 2', files: { 'docker-compose.yml': threeBrokerCompose(['KAFKA_DEFAULT_REPLICATION_FACTOR: 3', 'KAFKA_MIN_INSYNC_REPLICAS: 2']) } },
    { name: 'Strimzi topic with 3 replicas and min ISR 2', files: { 'topic.yaml': strimziTopic('  replicas: 3\n  config:\n    min.insync.replicas: 2\n') } },
    { name: 'Strimzi topic with 2 replicas and min ISR 1', files: { 'topic.yaml': strimziTopic('  replicas: 2\n  config:\n    min.insync.replicas: 1\n') } },
  ],
  invalid: [
    {
      name: 'three-broker compose stack with min ISR 1 and default replication factor 3',
      files: { 'docker-compose.yml': threeBrokerCompose(['KAFKA_DEFAULT_REPLICATION_FACTOR: 3', 'KAFKA_MIN_INSYNC_REPLICAS: 1']) },
      findings: [{ line: 8, column: 7, messageId: 'brokerMinIsrLow', severity: 'warning', message: 'default.replication.factor=3 (set at line 7)' }],
    },
    {
      name: 'broker min ISR 1 with default replication factor 3',
      files: { 'server.properties': 'broker.id=1\ndefault.replication.factor=3\nmin.insync.replicas=1\n' },
      findings: [{
        line: 3,
        column: 1,
        messageId: 'brokerMinIsrLow',
        severity: 'warning',
        message: 'min.insync.replicas=1 (set at line 3), although topics get default.replication.factor=3 (set at line 2)',
      }],
    },
    {
      name: 'transaction log min ISR 1 with its default replication factor 3',
      files: { 'server.properties': 'broker.id=1\ntransaction.state.log.min.isr=1\n' },
      findings: [{ line: 2, messageId: 'transactionLogMinIsrLow', message: 'transaction.state.log.replication.factor=3 (not set: Apache Kafka broker default)' }],
    },
    {
      name: 'Strimzi topic with 3 replicas and min ISR 1',
      files: { 'topic.yaml': strimziTopic('  replicas: 3\n  config:\n    min.insync.replicas: 1\n') },
      findings: [{ line: 8, column: 5, messageId: 'topicMinIsrLow', message: 'acks=all writes to topic orders succeed with a single in-sync replica' }],
    },
    {
      name: 'Strimzi topic without replicas inherits replication factor 3 from the Kafka in the same file',
      files: {
        'kafka.yaml': [
          'apiVersion: kafka.strimzi.io/v1beta2', 'kind: Kafka', 'metadata:', '  name: main', 'spec:', '  kafka:', '    replicas: 3', '    config:',
          '      default.replication.factor: 3', '      min.insync.replicas: 2', '---',
          'apiVersion: kafka.strimzi.io/v1beta2', 'kind: KafkaTopic', 'metadata:', '  name: orders', 'spec:', '  config:', '    min.insync.replicas: 1', '',
        ].join('\n'),
      },
      findings: [{ line: 18, message: 'default.replication.factor=3 (set at line 9)' }],
    },
  ],
});
