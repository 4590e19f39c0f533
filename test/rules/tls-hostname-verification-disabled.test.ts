import { ruleTester } from '../support/lint-harness.js';

ruleTester('tls-hostname-verification-disabled', {
  valid: [
    { name: 'https', files: { 'producer.properties': 'security.protocol=SSL\nssl.endpoint.identification.algorithm=https\n' } },
    { name: 'HTTPS in capitals', files: { 'producer.properties': 'security.protocol=SSL\nssl.endpoint.identification.algorithm=HTTPS\n' } },
    { name: 'not set: the default verifies host names', files: { 'producer.properties': 'security.protocol=SSL\nacks=all\n' } },
    { name: 'a placeholder', files: { 'producer.properties': 'security.protocol=SSL\nssl.endpoint.identification.algorithm=${ENDPOINT_ALGORITHM}\n' } },
    { name: 'a commented-out empty value', files: { 'producer.properties': 'security.protocol=SSL\n#ssl.endpoint.identification.algorithm=\n' } },
    { name: 'a key that only looks alike', files: { 'producer.properties': 'security.protocol=SSL\nssl.endpoint.identification.algorithm.note=\n' } },
    {
      name: 'Spring YAML with https',
      files: { 'application.yml': 'spring:\n  kafka:\n    properties:\n      ssl.endpoint.identification.algorithm: https\n    producer:\n      acks: all\n' },
    },
  ],
  invalid: [
    {
      name: 'empty value in a Java client file',
      files: { 'producer.properties': 'bootstrap.servers=k:9093\nsecurity.protocol=SSL\nssl.endpoint.identification.algorithm=\n' },
      findings: [{ line: 3, column: 1, messageId: 'emptyAlgorithm', severity: 'error', message: 'ssl.endpoint.identification.algorithm is empty (set at line 3)' }],
    },
    {
      name: 'librdkafka none',
      files: { 'client.config': 'metadata.broker.list=k:9093\nsecurity.protocol=ssl\nssl.endpoint.identification.algorithm=none\n' },
      findings: [{ line: 3, messageId: 'noneAlgorithm' }],
    },
    {
      name: 'a broker disabling it for its own outgoing connections',
      files: { 'server.properties': 'broker.id=1\nlisteners=SSL://:9093\nssl.endpoint.identification.algorithm=\n' },
      findings: [{ line: 3, message: 'this broker and the brokers and controllers it connects to' }],
    },
    {
      name: 'a per-listener override',
      files: { 'server.properties': 'broker.id=1\nlisteners=SSL://:9093\nlistener.name.ssl.ssl.endpoint.identification.algorithm=\n' },
      findings: [{ line: 3, message: 'listener.name.ssl.ssl.endpoint.identification.algorithm is empty' }],
    },
    {
      name: 'a shared client file gives one finding, not one per role',
      files: { 'client.properties': 'acks=all\ngroup.id=g\nssl.endpoint.identification.algorithm=\n' },
      findings: [{ line: 3 }],
    },
    {
      name: 'Spring YAML pass-through with an empty value',
      files: {
        'application.yml': 'spring:\n  kafka:\n    producer:\n      properties:\n        ssl.endpoint.identification.algorithm:\n      acks: all\n',
      },
      findings: [{ line: 5, column: 9, messageId: 'emptyAlgorithm' }],
    },
    {
      name: "docker-compose blank value ' '",
      files: {
        'docker-compose.yml': [
          'services:',
          '  kafka:',
          '    image: confluentinc/cp-kafka:7.6.0',
          '    environment:',
          '      KAFKA_BROKER_ID: 1',
          "      KAFKA_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM: ' '",
          '',
        ].join('\n'),
      },
      findings: [{ line: 6, column: 7, severity: 'error', message: 'is blank (" ")' }],
    },
  ],
});
