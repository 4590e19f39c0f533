import { ruleTester } from '../support/lint-harness.js';

ruleTester('sasl-plain-without-tls', {
  valid: [
    { name: 'PLAIN over SASL_SSL', files: { 'consumer.properties': 'group.id=g\nsecurity.protocol=SASL_SSL\nsasl.mechanism=PLAIN\n' } },
    { name: 'SCRAM over SASL_PLAINTEXT is another rule\'s business', files: { 'consumer.properties': 'group.id=g\nsecurity.protocol=SASL_PLAINTEXT\nsasl.mechanism=SCRAM-SHA-512\n' } },
    { name: 'PLAIN with the default PLAINTEXT protocol: SASL is not used at all', files: { 'consumer.properties': 'group.id=g\nsasl.mechanism=PLAIN\n' } },
    { name: 'SASL_PLAINTEXT with the default GSSAPI mechanism', files: { 'consumer.properties': 'group.id=g\nsecurity.protocol=SASL_PLAINTEXT\n' } },
    { name: 'a client that only connects to this machine', files: { 'consumer.properties': 'bootstrap.servers=localhost:9092,127.0.0.1:9093\ngroup.id=g\nsecurity.protocol=SASL_PLAINTEXT\nsasl.mechanism=PLAIN\n' } },
    { name: 'a placeholder mechanism', files: { 'consumer.properties': 'group.id=g\nsecurity.protocol=SASL_PLAINTEXT\nsasl.mechanism=${SASL_MECHANISM}\n' } },
    { name: 'a commented-out PLAIN', files: { 'consumer.properties': 'group.id=g\nsecurity.protocol=SASL_PLAINTEXT\n# sasl.mechanism=PLAIN\nsasl.mechanism=SCRAM-SHA-256\n' } },
    {
      name: 'broker: PLAIN enabled only on a SASL_SSL listener',
      files: { 'server.properties': 'broker.id=1\nlisteners=SASL_SSL://:9093\nsasl.enabled.mechanisms=PLAIN\n' },
    },
    {
      name: 'broker: SASL_PLAINTEXT listener bound to loopback only',
      files: { 'server.properties': 'broker.id=1\nlisteners=SASL_PLAINTEXT://127.0.0.1:9092,SASL_SSL://:9093\nsasl.enabled.mechanisms=PLAIN\n' },
    },
    {
      name: 'broker: PLAIN enabled on another listener than the SASL_PLAINTEXT one',
      files: {
        'server.properties': 'broker.id=1\nlisteners=INTERNAL://:9092,EXTERNAL://:9093\nlistener.security.protocol.map=INTERNAL:SASL_PLAINTEXT,EXTERNAL:SASL_SSL\nlistener.name.internal.sasl.enabled.mechanisms=SCRAM-SHA-512\nlistener.name.external.sasl.enabled.mechanisms=PLAIN\n',
      },
    },
  ],
  invalid: [
    {
      name: 'consumer with SASL_PLAINTEXT and PLAIN (acceptance)',
      files: { 'consumer.properties': 'bootstrap.servers=kafka:9092\ngroup.id=orders\nsecurity.protocol=SASL_PLAINTEXT\nsasl.mechanism=PLAIN\n' },
      findings: [{ line: 4, column: 1, messageId: 'clientPlainOverPlaintext', severity: 'error', message: 'security.protocol=SASL_PLAINTEXT (set at line 3)' }],
    },
    {
      name: 'one remote host among loopback ones is enough',
      files: { 'consumer.properties': 'bootstrap.servers=localhost:9092,kafka-2.prod:9092\ngroup.id=g\nsecurity.protocol=SASL_PLAINTEXT\nsasl.mechanism=PLAIN\n' },
      findings: [{ line: 4 }],
    },
    {
      name: 'librdkafka spelling sasl.mechanisms, lower case',
      files: { 'client.config': 'metadata.broker.list=k:9092\nsecurity.protocol=sasl_plaintext\nsasl.mechanisms=plain\n' },
      findings: [{ line: 3, messageId: 'clientPlainOverPlaintext' }],
    },
    {
      name: 'broker: PLAIN enabled on a SASL_PLAINTEXT listener bound to every interface',
      files: { 'server.properties': 'broker.id=1\nlisteners=SASL_PLAINTEXT://0.0.0.0:9092\nsasl.enabled.mechanisms=SCRAM-SHA-512,PLAIN\n' },
      findings: [{ line: 3, messageId: 'listenerPlainOverPlaintext', message: 'SASL/PLAIN is used on listener SASL_PLAINTEXT (sasl.enabled.mechanisms=SCRAM-SHA-512,PLAIN), which is unencrypted and bound to every interface' }],
    },
    {
      name: 'broker: controllers authenticate with PLAIN over a SASL_PLAINTEXT controller listener — one finding for the listener',
      files: {
        'server.properties': [
          'process.roles=broker,controller',
          'node.id=1',
          'listeners=SASL_SSL://kafka-1.prod:9092,CONTROLLER://kafka-1.prod:9093',
          'controller.listener.names=CONTROLLER',
          'listener.security.protocol.map=SASL_SSL:SASL_SSL,CONTROLLER:SASL_PLAINTEXT',
          'sasl.mechanism.controller.protocol=PLAIN',
          'listener.name.controller.sasl.enabled.mechanisms=PLAIN',
          '',
        ].join('\n'),
      },
      findings: [{ line: 6, message: 'listener CONTROLLER (sasl.mechanism.controller.protocol=PLAIN; listener.name.controller.sasl.enabled.mechanisms=PLAIN), which is unencrypted (SASL_PLAINTEXT in listener.security.protocol.map at line 5) and bound to kafka-1.prod' }],
    },
    {
      name: 'Spring YAML pass-through properties',
      files: {
        'application.yml': [
          'spring:',
          '  kafka:',
          '    bootstrap-servers: kafka:9092',
          '    properties:',
          '      security.protocol: SASL_PLAINTEXT',
          '      sasl.mechanism: PLAIN',
          '    consumer:',
          '      group-id: orders',
          '',
        ].join('\n'),
      },
      findings: [{ line: 6, column: 7, messageId: 'clientPlainOverPlaintext' }],
    },
    {
      name: 'docker-compose broker with PLAIN on a SASL_PLAINTEXT listener',
      files: {
        'docker-compose.yml': [
          'services:',
          '  kafka:',
          '    image: confluentinc/cp-kafka:7.6.0',
          '    environment:',
          '      KAFKA_BROKER_ID: 1',
          '      KAFKA_LISTENERS: SASL_PLAINTEXT://0.0.0.0:9092',
          '      KAFKA_SASL_ENABLED_MECHANISMS: PLAIN',
          '',
        ].join('\n'),
      },
      // Security findings keep their severity in a development stack: the password still crosses the network.
      findings: [{ line: 7, column: 7, severity: 'error' }],
    },
  ],
});
