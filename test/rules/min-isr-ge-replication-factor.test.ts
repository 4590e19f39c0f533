import { ruleTester } from '../support/lint-harness.js';
import { strimziKafka, strimziTopic, threeBrokerCompose } from '../support/fixtures.js';

ruleTester('min-isr-ge-replication-factor', {
  valid: [
    { name: 'min ISR 2 with replication factor 3', files: { 'server.properties': 'broker.id=1\ndefault.replication.factor=3\nmin.insync.replicas=2\n' } },
    { name: 'single-broker dev pair 1/1 is replication-factor-too-low\'s business', files: { 'server.properties': 'broker.id=1\ndefault.replication.factor=1\nmin.insync.replicas=1\n' } },
    { name: 'broker min ISR without an explicit default replication factor', files: { 'server.properties': 'broker.id=1\nmin.insync.replicas=2\n' } },
    { name: 'placeholders', files: { 'server.properties': 'broker.id=1\ndefault.replication.factor=${RF}\nmin.insync.replicas=2\n' } },
    { name: 'a comment', files: { 'server.properties': 'broker.id=1\ndefault.replication.factor=3\n# min.insync.replicas=3\n' } },
    { name: 'transaction log 3/2', files: { 'server.properties': 'broker.id=1\ntransaction.state.log.replication.factor=3\ntransaction.state.log.min.isr=2\n' } },
    { name: 'single-broker compose stack with the usual 1/1 dev settings', files: { 'docker-compose.yml': 'services:\n  kafka:\n    image: confluentinc/cp-kafka:7.6.0\n    environment:\n      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: 1\n      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: 1\n' } },
    { name: 'Strimzi topic with 3 replicas and min ISR 2', files: { 'topic.yaml': strimziTopic('  replicas: 3\n  config:\n    min.insync.replicas: 2\n') } },
    { name: 'Strimzi topic without min ISR and without a known cluster', files: { 'topic.yaml': strimziTopic('  replicas: 2\n') } },
  ],
  invalid: [
    {
      name: 'three-broker compose stack with min ISR equal to the default replication factor',
      files: { 'docker-compose.yml': threeBrokerCompose(['KAFKA_DEFAULT_REPLICATION_FACTOR: 2', 'KAFKA_MIN_INSYNC_REPLICAS: 2']) },
      findings: [{ line: 8, column: 7, messageId: 'brokerEqual', severity: 'warning' }],
    },
    {
      name: 'single-broker compose stack with the transaction log minimum above its replication factor: info',
      files: {
        'docker-compose.yml': 'services:\n  kafka:\n    image: confluentinc/cp-kafka:7.6.0\n    environment:\n      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: 1\n      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: 2\n',
      },
      findings: [{ line: 6, messageId: 'transactionLogAbove', severity: 'info', message: 'Reported as info: single-broker docker-compose stack' }],
    },
    {
      name: 'broker min ISR above the default replication factor',
      files: { 'server.properties': 'broker.id=1\ndefault.replication.factor=2\nmin.insync.replicas=3\n' },
      findings: [{ line: 3, column: 1, messageId: 'brokerAbove', severity: 'error', message: 'min.insync.replicas=3 (set at line 3) with default.replication.factor=2 (set at line 2)' }],
    },
    {
      name: 'broker min ISR equal to the default replication factor',
      files: { 'server.properties': 'broker.id=1\nmin.insync.replicas=3\ndefault.replication.factor=3\n' },
      findings: [{ line: 2, messageId: 'brokerEqual', severity: 'warning' }],
    },
    {
      name: 'transaction log min ISR above its replication factor',
      files: { 'server.properties': 'broker.id=1\ntransaction.state.log.replication.factor=1\ntransaction.state.log.min.isr=2\n' },
      findings: [{ line: 3, messageId: 'transactionLogAbove', severity: 'error' }],
    },
    {
      name: 'Strimzi topic: min ISR above replicas',
      files: { 'topic.yaml': strimziTopic('  replicas: 2\n  config:\n    min.insync.replicas: 3\n') },
      findings: [{ line: 8, column: 5, messageId: 'topicAbove', severity: 'error', message: 'acks=all writes to topic orders need more in-sync replicas than there are replicas' }],
    },
    {
      name: 'Strimzi topic: min ISR equal to replicas',
      files: { 'topic.yaml': strimziTopic('  replicas: 2\n  config:\n    min.insync.replicas: 2\n') },
      findings: [{ line: 8, messageId: 'topicEqual', severity: 'warning' }],
    },
    {
      name: 'Strimzi topic with 2 replicas inherits cluster min ISR 2 (reported at the topic\'s replicas)',
      files: { 'kafka.yaml': `${strimziKafka('      default.replication.factor: 3\n      min.insync.replicas: 2\n')}---\n${strimziTopic('  replicas: 2\n')}` },
      findings: [{ line: 17, column: 3, messageId: 'topicEqual', message: 'min.insync.replicas=2 (set at line 10) with replication.factor=2 (set at line 17)' }],
    },
  ],
});
