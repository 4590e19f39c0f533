import { ruleTester } from '../support/lint-harness.js';

ruleTester('client-auto-topic-creation', {
  valid: [
    { name: 'a Java consumer that turns it off', files: { 'consumer.properties': 'group.id=g\nallow.auto.create.topics=false\n' } },
    { name: 'a Java producer has no such default', files: { 'producer.properties': 'acks=all\n' } },
    { name: 'librdkafka consumers default to false', files: { 'client.config': 'metadata.broker.list=k:9092\ngroup.id=g\nenable.auto.offset.store=false\n' } },
    { name: 'a placeholder', files: { 'consumer.properties': 'group.id=g\nallow.auto.create.topics=${AUTO_CREATE}\n' } },
    { name: 'a comment', files: { 'consumer.properties': 'group.id=g\n# allow.auto.create.topics=true\nallow.auto.create.topics=false\n' } },
    {
      name: 'a Connect sink connector: the worker configures its consumer',
      files: { 'sink.json': JSON.stringify({ name: 'orders-sink', config: { 'connector.class': 'io.confluent.connect.s3.S3SinkConnector', topics: 'orders', 'consumer.override.auto.offset.reset': 'earliest' } }, null, 2) },
    },
    {
      name: 'the default is silent when the declared broker refuses auto-creation',
      files: { 'consumer.properties': 'group.id=g\n', 'server.properties': 'broker.id=1\nauto.create.topics.enable=false\n' },
    },
  ],
  invalid: [
    {
      name: 'explicit true is a warning',
      files: { 'consumer.properties': 'group.id=g\nallow.auto.create.topics=true\n' },
      findings: [{ line: 2, column: 1, messageId: 'explicitlyAllowed', severity: 'warning', message: 'allow.auto.create.topics=true (set at line 2)' }],
    },
    {
      name: 'explicit true on a librdkafka client',
      files: { 'client.config': 'metadata.broker.list=k:9092\ngroup.id=g\nallow.auto.create.topics=true\n' },
      findings: [{ line: 3, messageId: 'explicitlyAllowed' }],
    },
    {
      name: 'explicit true says when the declared broker refuses it today',
      files: { 'consumer.properties': 'group.id=g\nallow.auto.create.topics=true\n', 'server.properties': 'broker.id=1\nauto.create.topics.enable=false\n' },
      findings: [{ line: 2, severity: 'warning', message: 'The declared broker refuses it today (auto.create.topics.enable=false at server.properties:2).' }],
    },
    {
      name: 'the Java consumer default is info and says it is the default',
      files: { 'consumer.properties': 'bootstrap.servers=k:9092\ngroup.id=g\n' },
      findings: [{ line: 1, messageId: 'allowedByDefault', severity: 'info', message: 'allow.auto.create.topics=true (not set: Java client default' }],
    },
    {
      name: 'Spring consumer default',
      files: { 'application.yml': 'spring:\n  kafka:\n    consumer:\n      group-id: orders\n' },
      findings: [{ line: 4, messageId: 'allowedByDefault', severity: 'info', message: 'Spring for Apache Kafka default' }],
    },
    {
      name: 'Spring pass-through true',
      files: { 'application.yml': 'spring:\n  kafka:\n    consumer:\n      group-id: orders\n      properties:\n        allow.auto.create.topics: true\n' },
      findings: [{ line: 6, column: 9, messageId: 'explicitlyAllowed', severity: 'warning' }],
    },
  ],
});
