import { ruleTester } from '../support/lint-harness.js';

const compose = (image: string, environment: string[], extraService = '') =>
  ['services:', '  kafka:', `    image: ${image}`, '    environment:', ...environment.map((line) => `      ${line}`), extraService, ''].join('\n');

ruleTester('plaintext-security-protocol', {
  valid: [
    { name: 'SASL_SSL to a remote host', files: { 'consumer.properties': 'bootstrap.servers=kafka-1.prod:9093\nsecurity.protocol=SASL_SSL\ngroup.id=g\n' } },
    { name: 'SSL to a remote host', files: { 'producer.properties': 'bootstrap.servers=kafka-1.prod:9093\nsecurity.protocol=ssl\n' } },
    { name: 'default PLAINTEXT to localhost', files: { 'producer.properties': 'bootstrap.servers=localhost:9092\nacks=all\n' } },
    { name: 'PLAINTEXT to 127.0.0.1 and [::1]', files: { 'consumer.properties': 'bootstrap.servers=127.0.0.1:9092,[::1]:9092\nsecurity.protocol=PLAINTEXT\ngroup.id=g\n' } },
    { name: 'a scheme in front of a loopback address', files: { 'consumer.properties': 'bootstrap.servers=http://127.0.0.1:9092\ngroup.id=g\n' } },
    { name: 'no bootstrap.servers: the target is not known', files: { 'producer.properties': 'security.protocol=PLAINTEXT\nacks=all\n' } },
    { name: 'a placeholder bootstrap', files: { 'producer.properties': 'bootstrap.servers=${KAFKA_BOOTSTRAP}\nacks=all\n' } },
    { name: 'a template token instead of a host', files: { 'producer.properties': 'bootstrap.servers=KAFKA_BOOTSTRAP_SERVERS\nacks=all\n' } },
    { name: 'an empty bootstrap', files: { 'producer.properties': 'bootstrap.servers=\nacks=all\n' } },
    { name: 'a placeholder protocol', files: { 'producer.properties': 'bootstrap.servers=kafka-1.prod:9093\nsecurity.protocol=${PROTOCOL}\n' } },
    { name: 'a comment mentioning PLAINTEXT', files: { 'producer.properties': '# security.protocol=PLAINTEXT\nbootstrap.servers=kafka-1.prod:9093\nsecurity.protocol=SSL\n' } },
    {
      name: 'broker advertising plaintext on localhost only, SASL_SSL elsewhere',
      files: {
        'server.properties': 'broker.id=1\nlisteners=PLAINTEXT://127.0.0.1:9092,SASL_SSL://0.0.0.0:9093\nadvertised.listeners=PLAINTEXT://localhost:9092,SASL_SSL://kafka-1.prod:9093\n',
      },
    },
    {
      name: 'a plaintext controller listener is not advertised to clients',
      files: {
        'server.properties': 'process.roles=broker,controller\nnode.id=1\ncontroller.listener.names=CONTROLLER\nlisteners=SSL://kafka-1.prod:9093,CONTROLLER://kafka-1.prod:9094\nlistener.security.protocol.map=SSL:SSL,CONTROLLER:PLAINTEXT\n',
      },
    },
    { name: 'a templated advertised host', files: { 'server.properties': 'node.id=1\nlisteners=PLAINTEXT://:9092\nadvertised.listeners={0}\n' } },
    { name: 'no listeners declared: Kafka\'s built-in default is not guessed', files: { 'server.properties': 'broker.id=1\nnum.partitions=3\n' } },
    {
      name: 'Bitnami ALLOW_PLAINTEXT_LISTENER=no',
      files: { 'docker-compose.yml': compose('bitnami/kafka:3.7', ['- KAFKA_CFG_NODE_ID=0', '- ALLOW_PLAINTEXT_LISTENER=no', '- KAFKA_CFG_LISTENERS=SSL://:9093']) },
    },
    {
      name: 'Spring profile that points at localhost',
      files: { 'application.yml': 'spring:\n  kafka:\n    bootstrap-servers: localhost:9092\n    producer:\n      acks: all\n' },
    },
  ],
  invalid: [
    {
      name: 'default PLAINTEXT to a remote host, reported at bootstrap.servers',
      files: { 'producer.properties': 'bootstrap.servers=kafka-1.prod:9092,localhost:9092\nacks=all\n' },
      findings: [{ line: 1, column: 1, messageId: 'clientPlaintext', severity: 'warning', message: 'security.protocol=PLAINTEXT (not set: Java client default (client version unknown; assumed ≥ 3.0)), and bootstrap.servers (line 1) names kafka-1.prod,' }],
    },
    {
      name: 'explicit SASL_PLAINTEXT, reported at security.protocol',
      files: { 'consumer.properties': 'group.id=g\nbootstrap.servers=10.0.0.5:9092\nsecurity.protocol=sasl_plaintext\nsasl.mechanism=SCRAM-SHA-512\n' },
      findings: [{ line: 3, messageId: 'clientSaslPlaintext', message: 'security.protocol=SASL_PLAINTEXT (set at line 3)' }],
    },
    {
      name: 'librdkafka metadata.broker.list alias with the librdkafka default protocol',
      files: { 'client.config': 'metadata.broker.list=kafka-1.prod:9092\nrequest.required.acks=-1\n' },
      findings: [{ line: 1, messageId: 'clientPlaintext', message: 'security.protocol=PLAINTEXT (not set: librdkafka default)' }],
    },
    {
      name: 'a shared client file gives one finding, not one per role',
      files: { 'client.properties': 'bootstrap.servers=kafka.internal:9092\nacks=all\ngroup.id=g\n' },
      findings: [{ line: 1 }],
    },
    {
      name: 'server.properties advertising PLAINTEXT on a remote host, protocol from the map',
      files: {
        'server.properties': 'broker.id=1\nlisteners=INTERNAL://0.0.0.0:9092,EXTERNAL://0.0.0.0:9094\nadvertised.listeners=INTERNAL://kafka-1:9092,EXTERNAL://localhost:9094\nlistener.security.protocol.map=INTERNAL:PLAINTEXT,EXTERNAL:PLAINTEXT\n',
      },
      findings: [{ line: 3, messageId: 'listenerPlaintext', message: 'Listener INTERNAL is unencrypted and unauthenticated (PLAINTEXT in listener.security.protocol.map at line 4) and is advertised on kafka-1' }],
    },
    {
      name: 'listeners with an empty host and no advertised.listeners advertise the machine name',
      files: { 'server.properties': 'broker.id=1\nlisteners=SASL_PLAINTEXT://:9092\n' },
      findings: [{ line: 2, messageId: 'listenerSaslPlaintext', message: "advertised on the machine's host name (the host is empty)" }],
    },
    {
      name: 'docker-compose single-broker stack: info, with the reason',
      files: {
        'docker-compose.yml': compose('confluentinc/cp-kafka:7.6.0', [
          'KAFKA_NODE_ID: 1',
          'KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: PLAINTEXT:PLAINTEXT,PLAINTEXT_HOST:PLAINTEXT',
          'KAFKA_ADVERTISED_LISTENERS: PLAINTEXT://kafka:29092,PLAINTEXT_HOST://localhost:9092',
        ]),
      },
      findings: [{ line: 7, column: 7, messageId: 'listenerPlaintext', severity: 'info', message: 'Reported as info: single-broker docker-compose stack' }],
    },
    {
      name: 'a development stack that advertises a public IP keeps the warning',
      files: {
        'docker-compose.yml': compose('wurstmeister/kafka', ['KAFKA_BROKER_ID: 1', 'KAFKA_ADVERTISED_LISTENERS: SASL_PLAINTEXT://203.0.113.7:9092']),
      },
      findings: [{ line: 6, messageId: 'listenerSaslPlaintext', severity: 'warning' }],
    },
    {
      name: 'Bitnami ALLOW_PLAINTEXT_LISTENER=yes in a three-broker stack',
      files: {
        'docker-compose.yml': [
          'services:',
          '  kafka:',
          '    image: bitnami/kafka:3.7',
          '    deploy:',
          '      replicas: 3',
          '    environment:',
          '      - KAFKA_CFG_NODE_ID=0',
          '      - ALLOW_PLAINTEXT_LISTENER=yes',
          '',
        ].join('\n'),
      },
      findings: [{ line: 8, messageId: 'bitnamiAllowPlaintext', severity: 'warning', message: 'ALLOW_PLAINTEXT_LISTENER=yes' }],
    },
    {
      name: 'Strimzi listener declared with tls: false',
      files: {
        'kafka.yaml': [
          'apiVersion: kafka.strimzi.io/v1beta2',
          'kind: Kafka',
          'metadata:',
          '  name: main',
          'spec:',
          '  kafka:',
          '    replicas: 3',
          '    listeners:',
          '      - name: tls',
          '        port: 9093',
          '        type: internal',
          '        tls: true',
          '      - name: external',
          '        port: 9094',
          '        type: loadbalancer',
          '        tls: false',
          '        authentication:',
          '          type: scram-sha-512',
          '',
        ].join('\n'),
      },
      findings: [{ line: 13, messageId: 'declaredListenerPlaintext', message: 'Listener external is declared without TLS (SASL_PLAINTEXT)' }],
    },
    {
      name: 'Spring Boot prod profile with no security settings',
      files: {
        'application.yml': [
          'spring:',
          '  kafka:',
          '    bootstrap-servers: kafka-1.prod.example.com:9092',
          '    consumer:',
          '      group-id: orders',
          '',
        ].join('\n'),
      },
      findings: [{ line: 3, messageId: 'clientPlaintext', message: 'Spring for Apache Kafka default' }],
    },
  ],
});
