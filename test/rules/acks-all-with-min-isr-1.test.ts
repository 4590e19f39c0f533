import { describe, expect, it } from 'vitest';
import { lintFiles, ruleTester } from '../support/lint-harness.js';
import { strimziTopic, threeBrokerCompose } from '../support/fixtures.js';
const strimziTopicNamed = (name: string, spec: string) => strimziTopic(spec, name);

const springProducer = (topic: string) => `spring.kafka.bootstrap-servers=k:9092\nspring.kafka.producer.acks=all\nspring.kafka.template.default-topic=${topic}\n`;

ruleTester('acks-all-with-min-isr-1', {
  valid: [
    { name: 'no cluster or topic declared: nothing to join', files: { 'producer.properties': 'acks=all\n' } },
    {
      name: 'the declared cluster requires 2 in-sync replicas',
      files: { 'producer.properties': 'acks=all\n', 'server.properties': 'broker.id=1\nmin.insync.replicas=2\n' },
    },
    {
      name: 'acks=1 is producer-acks-one\'s business',
      files: { 'producer.properties': 'acks=1\n', 'server.properties': 'broker.id=1\nmin.insync.replicas=1\n' },
    },
    {
      name: 'two unrelated clusters: the producer cannot be joined to either',
      files: { 'producer.properties': 'acks=all\n', 'a/server.properties': 'broker.id=1\n', 'b/server.properties': 'broker.id=2\n' },
    },
    {
      name: 'a placeholder min ISR',
      files: { 'producer.properties': 'acks=all\n', 'server.properties': 'broker.id=1\nmin.insync.replicas=${MIN_ISR}\n' },
    },
    {
      name: 'a placeholder acks',
      files: { 'producer.properties': 'acks=${ACKS}\n', 'server.properties': 'broker.id=1\nmin.insync.replicas=1\n' },
    },
    {
      name: 'the named topic sets min ISR 2 although the cluster default is 1',
      files: { 'application.properties': springProducer('orders'), 'server.properties': 'broker.id=1\n', 'topics.yaml': strimziTopicNamed('orders', '  replicas: 3\n  config:\n    min.insync.replicas: 2\n') },
    },
    {
      name: 'a three-broker compose stack requiring 2 in-sync replicas',
      files: { 'producer.properties': 'acks=all\n', 'docker-compose.yml': threeBrokerCompose(['KAFKA_MIN_INSYNC_REPLICAS: 2']) },
    },
    {
      name: 'a named topic without min ISR whose cluster is not in the repository: its value is unknown',
      files: { 'application.properties': springProducer('orders'), 'topics.yaml': strimziTopicNamed('orders', '  replicas: 3\n') },
    },
    {
      name: 'a producer naming no topic, when every declared topic is safe',
      files: { 'producer.properties': 'acks=all\n', 'server.properties': 'broker.id=1\n', 'topics.yaml': strimziTopicNamed('orders', '  replicas: 3\n  config:\n    min.insync.replicas: 2\n') },
    },
  ],
  invalid: [
    {
      name: 'a producer and a single-broker compose stack: info, because the cluster is a dev stack',
      files: {
        'producer.properties': 'acks=all\n',
        'docker-compose.yml': 'services:\n  kafka:\n    image: confluentinc/cp-kafka:7.6.0\n    environment:\n      KAFKA_BROKER_ID: 1\n',
      },
      findings: [{ line: 1, file: 'producer.properties', severity: 'info', message: 'the cluster of compose service kafka' }],
    },
    {
      name: 'a Spring producer naming a KAFKA_CREATE_TOPICS topic of a three-broker stack without min ISR',
      files: { 'application.yml': 'spring:\n  kafka:\n    producer:\n      acks: all\n    template:\n      default-topic: orders\n', 'docker-compose.yml': threeBrokerCompose(['KAFKA_CREATE_TOPICS: "orders:6:3"']) },
      findings: [{ line: 4, file: 'application.yml', severity: 'warning', message: 'writes to topic orders are accepted with a single in-sync replica: min.insync.replicas=1 (not set: Apache Kafka broker default)' }],
    },
    {
      name: 'explicit acks=all against a cluster that sets min ISR 1',
      files: { 'producer.properties': 'bootstrap.servers=k:9092\nacks=all\n', 'server.properties': 'broker.id=1\nmin.insync.replicas=1\n' },
      findings: [{
        line: 2,
        column: 1,
        file: 'producer.properties',
        messageId: 'minIsrOne',
        severity: 'warning',
        message: 'Producer waits for all in-sync replicas with acks=all (set at line 2), but writes to the cluster of broker config server.properties (the only cluster this repository declares) are accepted with a single in-sync replica: min.insync.replicas=1 (set at server.properties:2)',
      }],
    },
    {
      name: 'default acks against the broker default min ISR: reported at the producer',
      files: { 'producer.properties': 'bootstrap.servers=k:9092\nlinger.ms=5\n', 'server.properties': 'broker.id=1\nlog.dirs=/var/lib/kafka\n' },
      findings: [{ line: 1, file: 'producer.properties', message: 'acks=all (not set: Java client default (client version unknown; assumed ≥ 3.0)), but writes to the cluster of broker config server.properties (the only cluster this repository declares) are accepted with a single in-sync replica: min.insync.replicas=1 (not set: Apache Kafka broker default)' }],
    },
    {
      name: 'acks=-1 is all',
      files: { 'producer.properties': 'acks=-1\n', 'server.properties': 'broker.id=1\nmin.insync.replicas=1\n' },
      findings: [{ line: 1 }],
    },
    {
      name: 'a Spring producer naming a Strimzi topic with min ISR 1',
      files: { 'application.properties': springProducer('orders'), 'topics.yaml': strimziTopicNamed('orders', '  replicas: 3\n  config:\n    min.insync.replicas: 1\n') },
      findings: [{ line: 2, file: 'application.properties', message: 'but writes to topic orders are accepted with a single in-sync replica: min.insync.replicas=1 (set at topics.yaml:8)' }],
    },
    {
      name: 'a Spring producer naming a Strimzi topic that inherits the cluster default',
      files: { 'application.properties': springProducer('orders'), 'kafka.yaml': `apiVersion: kafka.strimzi.io/v1beta2\nkind: Kafka\nmetadata:\n  name: main\nspec:\n  kafka:\n    replicas: 3\n---\n${strimziTopicNamed('orders', '  replicas: 3\n')}` },
      findings: [{ line: 2, file: 'application.properties', message: 'writes to topic orders are accepted with a single in-sync replica: min.insync.replicas=1 (not set: Apache Kafka broker default)' }],
    },
    {
      name: 'a Spring producer naming a topic the repository does not declare: the declared cluster decides',
      files: { 'application.properties': springProducer('payments'), 'server.properties': 'broker.id=1\nmin.insync.replicas=1\n' },
      findings: [{ line: 2, file: 'application.properties', message: 'topic payments on the cluster of broker config server.properties' }],
    },
    {
      name: 'a Spring Cloud Stream binding writing two undeclared topics: one finding for the cluster',
      files: {
        'application.properties': 'spring.cloud.stream.bindings.out.destination=orders,payments\nspring.cloud.stream.kafka.bindings.out.producer.configuration.acks=all\n',
        'server.properties': 'broker.id=1\nmin.insync.replicas=1\n',
      },
      findings: [{ line: 2, message: 'writes to topics orders, payments on the cluster of broker config server.properties' }],
    },
  ],
});

describe('acks-all-with-min-isr-1 related locations', () => {
  const relatedOf = async (files: Record<string, string>) => {
    const result = await lintFiles(files);
    return result.findings.filter((finding) => finding.ruleId === 'acks-all-with-min-isr-1').map((finding) => finding.related);
  };

  it('points to the line that sets min.insync.replicas', async () => {
    const related = await relatedOf({ 'producer.properties': 'acks=all\n', 'server.properties': 'broker.id=1\nmin.insync.replicas=1\n' });
    expect(related).toEqual([[{ message: 'min.insync.replicas=1 is set here', location: expect.objectContaining({ file: 'server.properties', line: 2 }) }]]);
  });

  it('points to the broker declaration when the broker default applies', async () => {
    const related = await relatedOf({ 'producer.properties': 'acks=all\n', 'server.properties': 'broker.id=1\n' });
    expect(related).toEqual([[{
      message: 'min.insync.replicas is not set here, so the Apache Kafka broker default of 1 applies',
      location: expect.objectContaining({ file: 'server.properties', line: 1 }),
    }]]);
  });
});
