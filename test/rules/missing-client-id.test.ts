import { ruleTester } from '../support/lint-harness.js';

ruleTester('missing-client-id', {
  valid: [
    { name: 'producer with client.id', files: { 'producer.properties': 'acks=all\nclient.id=orders-producer\n' } },
    { name: 'a placeholder client.id', files: { 'consumer.properties': 'group.id=g\nclient.id=${HOSTNAME}\n' } },
    { name: 'a shared client file without role-specific keys', files: { 'client.properties': 'bootstrap.servers=k:9092\nsecurity.protocol=SSL\n' } },
    { name: 'a Connect worker', files: { 'connect-distributed.properties': 'bootstrap.servers=k:9092\nconfig.storage.topic=cfg\n' } },
    { name: 'a broker', files: { 'server.properties': 'broker.id=1\n' } },
    {
      name: 'a Connect connector: the worker names its clients',
      files: { 'sink.json': JSON.stringify({ name: 'orders-sink', config: { 'connector.class': 'io.confluent.connect.s3.S3SinkConnector', topics: 'orders', 'consumer.override.auto.offset.reset': 'earliest' } }, null, 2) },
    },
    { name: 'Spring client-id', files: { 'application.yml': 'spring:\n  kafka:\n    client-id: orders-service\n    producer:\n      acks: all\n' } },
  ],
  invalid: [
    {
      name: 'producer without client.id, at the start of its config',
      files: { 'producer.properties': 'bootstrap.servers=k:9092\nacks=all\n' },
      findings: [{ line: 1, column: 1, messageId: 'missing', severity: 'info', message: 'No client.id for the producer configured here, so the library makes one up (the Java client generates producer-N or consumer-<group>-N)' }],
    },
    {
      name: 'an empty client.id is reported at that line',
      files: { 'consumer.properties': 'group.id=g\nclient.id=\n' },
      findings: [{ line: 2, messageId: 'empty' }],
    },
    {
      name: 'a file used as producer and consumer gives one finding',
      files: { 'app.properties': 'acks=all\ngroup.id=g\n' },
      findings: [{ line: 1, message: 'for the producer and consumer configured here' }],
    },
    {
      name: 'librdkafka falls back to rdkafka',
      files: { 'client.config': 'metadata.broker.list=k:9092\nrequest.required.acks=-1\n' },
      findings: [{ line: 1, message: 'librdkafka uses "rdkafka"' }],
    },
    {
      name: 'Spring consumer',
      files: { 'application.yml': 'spring:\n  kafka:\n    consumer:\n      group-id: orders\n' },
      findings: [{ line: 4, column: 7 }],
    },
  ],
});
