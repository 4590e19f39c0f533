import { ruleTester } from '../support/lint-harness.js';

ruleTester('consumer-auto-commit-enabled', {
  valid: [
    {
      name: 'kafkajs run({ autoCommit: true }) commits only offsets of handled messages',
      files: {
        'consumer.ts': [
          "import { Kafka } from 'kafkajs'",
          "const consumer = new Kafka({ brokers: ['k:9092'] }).consumer({ groupId: 'g' })",
          'await consumer.run({ autoCommit: true, eachMessage: async ({ message }) => { await handle(message) } })',
          '',
        ].join('\n'),
      },
    },
    { name: 'auto-commit off', files: { 'consumer.properties': 'group.id=g\nenable.auto.commit=false\n' } },
    { name: 'the Java default is not an explicit choice', files: { 'consumer.properties': 'group.id=g\nauto.offset.reset=earliest\n' } },
    { name: 'a comment mentioning it', files: { 'consumer.properties': 'group.id=g\n# enable.auto.commit=true\n' } },
    { name: 'a placeholder is not judged', files: { 'consumer.properties': 'group.id=g\nenable.auto.commit=${AUTO_COMMIT}\n' } },
    { name: 'a producer file is not a consumer', files: { 'producer.properties': 'acks=all\nenable.auto.commit=true\n' } },
    { name: 'Spring leaves it off by default', files: { 'application.yml': 'spring:\n  kafka:\n    consumer:\n      group-id: g\n' } },
    { name: 'Spring with auto-commit off', files: { 'application.properties': 'spring.kafka.consumer.group-id=g\nspring.kafka.consumer.enable-auto-commit=false\n' } },
  ],
  invalid: [
    {
      name: 'explicit true in consumer.properties, at that line',
      files: { 'consumer.properties': 'bootstrap.servers=k:9092\ngroup.id=orders\nenable.auto.commit=true\n' },
      findings: [{ line: 3, column: 1, messageId: 'autoCommit', severity: 'warning', message: 'enable.auto.commit=true (set at line 3)' }],
    },
    {
      name: 'librdkafka consumer config',
      files: { 'consumer.config': 'metadata.broker.list=k:9092\ngroup.id=g\nenable.auto.commit=true\n' },
      findings: [{ line: 3, messageId: 'autoCommit' }],
    },
    {
      name: 'Spring application.yml re-enables what Spring turns off',
      files: { 'application.yml': 'spring:\n  kafka:\n    consumer:\n      group-id: g\n      enable-auto-commit: true\n' },
      findings: [{ line: 5, column: 7, messageId: 'springReenabled', message: 'Spring for Apache Kafka (2.3 and later) switches it off' }],
    },
    {
      name: 'Spring application.properties pass-through',
      files: { 'application.properties': 'spring.kafka.consumer.group-id=g\nspring.kafka.consumer.properties.enable.auto.commit=true\n' },
      findings: [{ line: 2, messageId: 'springReenabled' }],
    },
    {
      name: 'JSON consumer config',
      files: { 'consumer.json': '{\n  "bootstrap.servers": "k:9092",\n  "group.id": "g",\n  "enable.auto.commit": true\n}\n' },
      findings: [{ line: 4, column: 3, messageId: 'autoCommit' }],
    },
  ],
});
