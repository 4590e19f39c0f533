import { describe, expect, it } from 'vitest';
import { lintFiles, ruleTester } from '../support/lint-harness.js';

ruleTester('duplicate-setting', {
  valid: [
    { name: 'different keys', files: { 'producer.properties': 'acks=all\nretries=3\n' } },
    { name: 'the same key in two files', files: { 'producer.properties': 'acks=all\n', 'other/producer.properties': 'acks=all\n' } },
    { name: 'a commented-out earlier value', files: { 'producer.properties': '# acks=1\nacks=all\n' } },
    {
      name: 'code: each kafkajs send() carries its own acks, and a producer retry overrides the Kafka object retry',
      files: {
        'producer.ts': [
          "import { Kafka } from 'kafkajs'",
          "const kafka = new Kafka({ brokers: ['k:9092'], retry: { retries: 3 } })",
          'const producer = kafka.producer({ retry: { retries: 10 } })',
          "await producer.send({ topic: 'a', messages: [], acks: -1 })",
          "await producer.send({ topic: 'b', messages: [], acks: 1 })",
          '',
        ].join('\n'),
      },
    },
    { name: 'Connect prefixes name different clients', files: { 'connect-distributed.properties': 'config.storage.topic=cfg\nsecurity.protocol=SASL_SSL\nconsumer.security.protocol=SASL_SSL\nproducer.security.protocol=SASL_SSL\n' } },
    {
      name: 'Spring: a typed property and the properties map are merged by scope, not by line',
      files: { 'application.properties': 'spring.kafka.producer.acks=1\nspring.kafka.producer.properties.acks=all\n' },
    },
    {
      name: 'Spring: common and client-specific settings',
      files: { 'application.properties': 'spring.kafka.properties.security.protocol=SASL_SSL\nspring.kafka.consumer.properties.security.protocol=SSL\nspring.kafka.consumer.group-id=g\n' },
    },
    {
      name: 'Spring: one key per profile document',
      files: {
        'application.yml': [
          'spring:',
          '  config:',
          '    activate:',
          '      on-profile: local',
          '  kafka:',
          '    producer:',
          '      acks: 1',
          '---',
          'spring:',
          '  config:',
          '    activate:',
          '      on-profile: prod',
          '  kafka:',
          '    producer:',
          '      acks: all',
          '',
        ].join('\n'),
      },
    },
    {
      name: 'Bitnami reads KAFKA_CFG_* and ignores the plain KAFKA_* spelling',
      files: { 'docker-compose.yml': 'services:\n  kafka:\n    image: bitnami/kafka:3.7\n    environment:\n      - KAFKA_CFG_NODE_ID=0\n      - KAFKA_CFG_NUM_PARTITIONS=3\n      - KAFKA_NUM_PARTITIONS=6\n' },
    },
  ],
  invalid: [
    {
      name: 'a broker setting written twice with different values',
      files: { 'server.properties': 'broker.id=1\nreplica.socket.timeout.ms=60000\nnum.partitions=3\nreplica.socket.timeout.ms=30000\n' },
      findings: [{ line: 4, column: 1, messageId: 'overridden', severity: 'warning', message: 'replica.socket.timeout.ms=30000 here replaces replica.socket.timeout.ms=60000 from line 2' }],
    },
    {
      name: 'the same value twice',
      files: { 'producer.properties': 'bootstrap.servers=\nacks=all\nbootstrap.servers=\n' },
      findings: [{ line: 3, messageId: 'repeated', message: 'to the same value as at line 1 ("")' }],
    },
    {
      name: 'a librdkafka alias and the canonical key compete by line order',
      files: { 'client.config': 'metadata.broker.list=k:9092\nrequest.required.acks=1\nacks=all\n' },
      findings: [{ line: 3, messageId: 'overridden', message: 'acks=all here replaces acks=1' }],
    },
    {
      name: 'three times: each later line is reported',
      files: { 'producer.properties': 'linger.ms=5\nlinger.ms=10\nlinger.ms=20\n' },
      findings: [{ line: 2 }, { line: 3, message: 'replaces linger.ms=10 from line 2' }],
    },
    {
      name: 'a shared client file gives one finding, not one per role',
      files: { 'client.properties': 'acks=all\ngroup.id=a\ngroup.id=b\n' },
      findings: [{ line: 3 }],
    },
    {
      name: 'Spring application.properties with one typed key twice',
      files: { 'application.properties': 'spring.kafka.producer.acks=1\nspring.kafka.producer.retries=3\nspring.kafka.producer.acks=all\n' },
      findings: [{ line: 3, message: 'acks is set a second time (as spring.kafka.producer.acks)' }],
    },
    {
      name: 'docker-compose list form with a variable twice',
      files: { 'docker-compose.yml': 'services:\n  kafka:\n    image: confluentinc/cp-kafka:7.6.0\n    environment:\n      - KAFKA_BROKER_ID=1\n      - KAFKA_NUM_PARTITIONS=3\n      - KAFKA_NUM_PARTITIONS=6\n' },
      findings: [{ line: 7, column: 9, message: 'num.partitions is set a second time (as KAFKA_NUM_PARTITIONS)' }],
    },
  ],
});

describe('duplicate-setting and secrets', () => {
  it('says a secret key is repeated without showing either value', async () => {
    const result = await lintFiles({ 'server.properties': 'broker.id=1\nssl.keystore.password=first-S3cret\nssl.key.password=k3y\nssl.keystore.password=second-S3cret\n' });
    const findings = result.findings.filter((finding) => finding.ruleId === 'duplicate-setting');
    expect(findings.map((finding) => [finding.line, finding.messageId])).toEqual([[4, 'secretRepeated']]);
    expect(findings[0].related).toEqual([{ message: 'ssl.keystore.password was first set here', location: expect.objectContaining({ line: 2 }) }]);
    const text = JSON.stringify(findings);
    expect(text).not.toContain('first-S3cret');
    expect(text).not.toContain('second-S3cret');
  });
});
