import type { Policy } from '../../src/policy/policy-types.js';
import { ruleTester } from '../support/lint-harness.js';

const paymentsDurability: Policy = {
  id: 'payments-durability',
  description: 'Producers to payments.* need acks=all and idempotence',
  severity: 'error',
  match: { role: 'producer', topic: 'payments.*' },
  require: { acks: 'all', 'enable.idempotence': true },
};
const topicMinIsr: Policy = { id: 'topic-min-isr', severity: 'warning', match: { resource: 'topic' }, require: { 'min.insync.replicas': { min: 2 } } };
const noPlaintext: Policy = { id: 'no-plaintext', severity: 'error', match: {}, forbid: { 'security.protocol': ['PLAINTEXT', 'SASL_PLAINTEXT'] } };

const springProducer = (topic: string, producer: string) =>
  `spring:\n  kafka:\n    bootstrap-servers: kafka-1:9093\n    template:\n      default-topic: ${topic}\n    producer:\n${producer}`;
const kafkaTopic = (name: string, config = '') =>
  `apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nmetadata:\n  name: ${name}\n  labels:\n    strimzi.io/cluster: main\nspec:\n  partitions: 6\n  replicas: 3\n${config}`;

ruleTester('policy-violation', {
  valid: [
    {
      name: 'no policies configured: nothing to check',
      files: { 'application.yml': springProducer('payments.refunds', '      acks: 1\n') },
    },
    {
      name: 'a payments producer with acks=all and idempotence',
      files: { 'application.yml': springProducer('payments.refunds', '      acks: all\n      properties:\n        enable.idempotence: true\n') },
      options: { policies: [paymentsDurability] },
    },
    {
      name: 'acks=-1 is acks=all, and the Java default idempotence stays on',
      files: { 'application.yml': springProducer('payments.refunds', '      acks: -1\n') },
      options: { policies: [paymentsDurability] },
    },
    {
      name: 'a producer to a topic outside payments.* is not selected',
      files: { 'application.yml': springProducer('shipments.v1', '      acks: 1\n') },
      options: { policies: [paymentsDurability] },
    },
    {
      name: 'a topic that merely contains "payments" is not payments.*',
      files: { 'application.yml': springProducer('legacy.payments.v1', '      acks: 1\n') },
      options: { policies: [paymentsDurability] },
    },
    {
      name: 'acks from a placeholder is decided at deploy time',
      files: { 'application.yml': springProducer('payments.refunds', '      acks: ${PRODUCER_ACKS}\n') },
      options: { policies: [paymentsDurability] },
    },
    {
      name: 'a comment that mentions the forbidden protocol',
      files: { 'producer.properties': 'bootstrap.servers=kafka-1:9093\n# security.protocol=PLAINTEXT is not allowed\nsecurity.protocol=SASL_SSL\n' },
      options: { policies: [noPlaintext] },
    },
    {
      name: 'a topic inheriting min.insync.replicas=2 from the repository\'s broker config',
      files: { 'k8s/topic.yaml': kafkaTopic('payments.v1'), 'config/server.properties': 'broker.id=1\nmin.insync.replicas=2\n' },
      options: { policies: [topicMinIsr] },
    },
    {
      name: 'a topic whose cluster is not in the repository: its min.insync.replicas is unknown',
      files: { 'k8s/topic.yaml': kafkaTopic('payments.v1') },
      options: { policies: [topicMinIsr] },
    },
    {
      name: 'a policy on consumers does not judge producers',
      files: { 'producer.properties': 'bootstrap.servers=kafka-1:9093\nacks=1\n' },
      options: { policies: [{ id: 'consumers-read-committed', severity: 'error', match: { role: 'consumer' }, require: { 'isolation.level': 'read_committed' } }] },
    },
  ],
  invalid: [
    {
      name: 'a Spring producer to payments.refunds with acks=1',
      files: { 'services/refunds/application.yml': springProducer('payments.refunds', '      acks: 1\n') },
      options: { policies: [paymentsDurability] },
      findings: [
        // acks=1 also turns the Java client's default idempotence off; that finding points at the producer.
        { line: 5, messageId: 'unmet', message: 'has enable.idempotence=false (not set: the Spring for Apache Kafka default (Java client ≥ 3.0 assumed) is true, but acks=1 (set at line 7) turns it off), but the policy requires enable.idempotence=true.' },
        {
          line: 7,
          column: 7,
          messageId: 'unmet',
          severity: 'error',
          message: 'Policy payments-durability (Producers to payments.* need acks=all and idempotence): Spring producer in services/refunds/application.yml (topic payments.refunds) has acks=1 (set at line 7), but the policy requires acks=all.',
        },
      ],
    },
    {
      name: 'a Strimzi KafkaTopic without min.insync.replicas where the broker config leaves the default',
      files: { 'k8s/topic.yaml': kafkaTopic('payments.v1'), 'config/server.properties': 'broker.id=1\nnum.partitions=6\n' },
      options: { policies: [topicMinIsr] },
      findings: [
        {
          line: 4,
          file: 'k8s/topic.yaml',
          severity: 'warning',
          message: 'Policy topic-min-isr: topic payments.v1 has min.insync.replicas=1 (not set on the topic nor in broker config config/server.properties: Apache Kafka broker default), but the policy requires min.insync.replicas of at least 2.',
        },
      ],
    },
    {
      name: 'a topic inheriting an explicit min.insync.replicas=1 from its cluster',
      files: { 'k8s/topic.yaml': kafkaTopic('payments.v1'), 'config/server.properties': 'broker.id=1\nmin.insync.replicas=1\n' },
      options: { policies: [topicMinIsr] },
      findings: [{ line: 4, file: 'k8s/topic.yaml', message: 'min.insync.replicas=1 (inherited from broker config config/server.properties, set at config/server.properties:2)' }],
    },
    {
      name: 'a forbidden value that is a library default',
      files: { 'producer.properties': 'bootstrap.servers=kafka-1:9093\nacks=all\n' },
      options: { policies: [noPlaintext] },
      findings: [{ line: 1, messageId: 'forbidden', message: 'has security.protocol=PLAINTEXT (not set: Java client default (client version unknown; assumed ≥ 3.0)), which the policy forbids: it requires security.protocol other than PLAINTEXT or SASL_PLAINTEXT.' }],
    },
    {
      name: 'a forbidden value in a docker-compose broker, with the policy\'s docs link',
      files: { 'deploy/docker-compose.yml': 'services:\n  kafka:\n    image: bitnami/kafka:3.7\n    environment:\n      KAFKA_CFG_UNCLEAN_LEADER_ELECTION_ENABLE: "true"\n' },
      options: { policies: [{ id: 'no-unclean-election', severity: 'error', docs: 'https://wiki.example.com/kafka/unclean', match: { resource: 'broker' }, forbid: { 'unclean.leader.election.enable': true } }] },
      findings: [{ line: 5, messageId: 'forbidden', message: 'See https://wiki.example.com/kafka/unclean' }],
    },
    {
      name: 'a required key that is not set and has no default',
      files: { 'consumer.properties': 'bootstrap.servers=kafka-1:9093\ngroup.id=billing\n' },
      options: { policies: [{ id: 'truststore', severity: 'info', match: { resource: 'client' }, require: { 'ssl.truststore.location': { pattern: '^/etc/kafka/' } } }] },
      findings: [{ line: 1, messageId: 'notSet', severity: 'info', message: 'Policy truststore: consumer config consumer.properties does not set ssl.truststore.location, which has no default, but the policy requires ssl.truststore.location matching the pattern ^/etc/kafka/.' }],
    },
    {
      name: 'a secret key is judged without showing its value or the policy\'s',
      files: { 'producer.properties': 'bootstrap.servers=kafka-1:9093\nssl.truststore.password=changeit\n' },
      options: { policies: [{ id: 'no-default-password', severity: 'error', match: {}, forbid: { 'ssl.truststore.password': 'changeit' } }] },
      findings: [{ line: 2, messageId: 'forbidden', message: 'has ssl.truststore.password set (value not shown; set at line 2), which the policy forbids: it requires ssl.truststore.password as the policy specifies.' }],
    },
    {
      name: 'a kafkajs producer that leaves idempotence at the kafkajs default',
      files: { 'src/producer.ts': "import { Kafka } from 'kafkajs';\nconst kafka = new Kafka({ clientId: 'orders', brokers: ['kafka-1:9093'], ssl: true });\nexport const producer = kafka.producer();\n" },
      options: { policies: [{ id: 'idempotent-producers', severity: 'warning', match: { role: 'producer', library: 'kafkajs' }, require: { 'enable.idempotence': true } }] },
      findings: [{ line: 3, messageId: 'unmet', message: 'has enable.idempotence=false (not set: kafkajs' }],
    },
  ],
});
