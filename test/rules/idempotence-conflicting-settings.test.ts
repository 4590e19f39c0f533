import { ruleTester } from '../support/lint-harness.js';

ruleTester('idempotence-conflicting-settings', {
  valid: [
    {
      name: 'kafkajs: a transactional id does not make the producer idempotent, and the in-flight limit is another rule',
      files: {
        'producer.ts': [
          "import { Kafka } from 'kafkajs'",
          "const producer = new Kafka({ brokers: ['k:9092'] }).producer({ transactionalId: 'tx', retry: { retries: 0 } })",
          "const idempotent = new Kafka({ brokers: ['k:9092'] }).producer({ idempotent: true, maxInFlightRequests: null })",
          "await producer.send({ topic: 'orders', messages: [], acks: 0 })",
          '',
        ].join('\n'),
      },
    },
    { name: 'idempotence on with compatible settings', files: { 'producer.properties': 'enable.idempotence=true\nacks=all\nretries=10\nmax.in.flight.requests.per.connection=5\n' } },
    { name: 'acks=-1 is acks=all', files: { 'producer.properties': 'enable.idempotence=true\nacks=-1\n' } },
    { name: 'idempotence unset: a conflict only silently disables it (another rule)', files: { 'producer.properties': 'acks=1\n' } },
    { name: 'idempotence explicitly off with acks=1', files: { 'producer.properties': 'enable.idempotence=false\nacks=1\n' } },
    { name: 'placeholder values are not judged', files: { 'producer.properties': 'enable.idempotence=true\nacks=${ACKS}\nretries=${RETRIES}\n' } },
    { name: 'idempotence as a placeholder is not judged', files: { 'producer.properties': 'enable.idempotence=${IDEMPOTENT}\nacks=1\n' } },
    { name: 'a comment mentioning the conflict', files: { 'producer.properties': 'enable.idempotence=true\n# acks=1 would break this\nacks=all\n' } },
    { name: 'consumer files are not producers', files: { 'consumer.properties': 'group.id=g\nenable.idempotence=true\nacks=1\n' } },
    { name: 'librdkafka transactional producer with compatible settings', files: { 'producer.config': 'metadata.broker.list=k:9092\ntransactional.id=tx-1\nmax.in.flight=5\n' } },
    { name: 'an empty transactional.id is not transactional', files: { 'producer.properties': 'transactional.id=\nacks=1\n' } },
    { name: 'Spring transactional producer with acks all', files: { 'application.yml': 'spring:\n  kafka:\n    producer:\n      acks: all\n      transaction-id-prefix: tx-\n' } },
  ],
  invalid: [
    {
      name: 'kafkajs: an idempotent producer and a send with acks 1',
      files: {
        'producer.ts': [
          "import { Kafka } from 'kafkajs'",
          "const producer = new Kafka({ brokers: ['k:9092'] }).producer({ idempotent: true, maxInFlightRequests: 1 })",
          "await producer.send({ topic: 'orders', messages: [], acks: 1 })",
          '',
        ].join('\n'),
      },
      findings: [{ line: 3, column: 54, messageId: 'conflictsWithIdempotence', message: 'every send() with acks other than -1 fails' }],
    },
    {
      name: 'explicit idempotence with acks=1',
      files: { 'producer.properties': 'bootstrap.servers=k:9092\nenable.idempotence=true\nacks=1\n' },
      findings: [{
        line: 3, column: 1, messageId: 'conflictsWithIdempotence', severity: 'error',
        message: 'acks=1 (set at line 3) conflicts with enable.idempotence=true (set at line 2): an idempotent producer needs acks=all. The KafkaProducer constructor throws a ConfigException',
      }],
    },
    {
      name: 'one finding per conflicting key',
      files: { 'producer.properties': 'enable.idempotence=true\nretries=0\nmax.in.flight.requests.per.connection=6\n' },
      findings: [
        { line: 2, messageId: 'conflictsWithIdempotence', message: 'needs retries of at least 1' },
        { line: 3, messageId: 'conflictsWithIdempotence', message: 'needs max.in.flight.requests.per.connection of at most 5' },
      ],
    },
    {
      name: 'librdkafka aliases, and librdkafka refuses to create the producer',
      files: { 'producer.config': 'metadata.broker.list=k:9092\nenable.idempotence=true\nrequest.required.acks=0\nmessage.send.max.retries=0\n' },
      findings: [
        { line: 3, message: 'librdkafka refuses to create the producer' },
        { line: 4, message: 'retries=0 (set at line 4)' },
      ],
    },
    {
      name: 'a transactional producer is idempotent even when enable.idempotence is unset',
      files: { 'producer.properties': 'transactional.id=orders-tx\nacks=1\n' },
      findings: [{ line: 2, messageId: 'conflictsWithTransactions', message: 'conflicts with the transactional.id set at line 1' }],
    },
    {
      name: 'a placeholder transactional.id is still a transactional producer',
      files: { 'producer.properties': 'transactional.id=${TX_ID}\nmax.in.flight.requests.per.connection=10\n' },
      findings: [{ line: 2, messageId: 'conflictsWithTransactions' }],
    },
    {
      name: 'Java: transactional.id with idempotence explicitly off',
      files: { 'producer.properties': 'transactional.id=orders-tx\nenable.idempotence=false\n' },
      findings: [{ line: 2, messageId: 'transactionsWithoutIdempotence', message: 'enable.idempotence=false (set at line 2) on a producer with a transactional.id' }],
    },
    {
      name: 'the last of two settings wins',
      files: { 'producer.properties': 'enable.idempotence=true\nacks=all\nacks=1\n' },
      findings: [{ line: 3 }],
    },
    {
      name: 'Spring transaction-id-prefix with acks 1',
      files: { 'application.yml': 'spring:\n  kafka:\n    producer:\n      transaction-id-prefix: orders-tx-\n      acks: 1\n' },
      findings: [{ line: 5, column: 7, messageId: 'conflictsWithTransactions', message: 'acks=1 (set at line 5) conflicts with the transactional.id set at line 4' }],
    },
    {
      name: 'Spring application.properties pass-through',
      files: { 'application.properties': 'spring.kafka.producer.properties.enable.idempotence=true\nspring.kafka.producer.retries=0\n' },
      findings: [{ line: 2, messageId: 'conflictsWithIdempotence' }],
    },
  ],
});
