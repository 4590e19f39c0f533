import { ruleTester } from '../support/lint-harness.js';

ruleTester('eager-assignor', {
  valid: [
    {
      name: '@confluentinc/kafka-javascript consumer with cooperative-sticky',
      files: {
        'consumer.ts': [
          "const { Kafka, PartitionAssigners } = require('@confluentinc/kafka-javascript').KafkaJS",
          "const consumer = new Kafka({ kafkaJS: { brokers: ['k:9092'] } }).consumer({ kafkaJS: { groupId: 'g', partitionAssigners: [PartitionAssigners.cooperativeSticky] } })",
          '',
        ].join('\n'),
      },
    },
    {
      name: 'kafkajs consumer with a custom assigner',
      files: { 'consumer.ts': "import { Kafka } from 'kafkajs'\nimport { zoneAware } from './assigners'\nconst consumer = new Kafka({ brokers: ['k:9092'] }).consumer({ groupId: 'g', partitionAssigners: [zoneAware] })\n" },
    },
    { name: 'Java cooperative sticky', files: { 'consumer.properties': 'group.id=g\npartition.assignment.strategy=org.apache.kafka.clients.consumer.CooperativeStickyAssignor\n' } },
    { name: 'librdkafka cooperative-sticky', files: { 'consumer.config': 'metadata.broker.list=k:9092\ngroup.id=g\npartition.assignment.strategy=cooperative-sticky\n' } },
    { name: 'first bounce of the Java upgrade: cooperative first', files: { 'consumer.properties': 'group.id=g\npartition.assignment.strategy=org.apache.kafka.clients.consumer.CooperativeStickyAssignor,org.apache.kafka.clients.consumer.RangeAssignor\n' } },
    { name: 'a custom assignor is not judged', files: { 'consumer.properties': 'group.id=g\npartition.assignment.strategy=com.example.RackAwareAssignor\n' } },
    { name: 'a placeholder is not judged', files: { 'consumer.properties': 'group.id=g\npartition.assignment.strategy=${ASSIGNORS}\n' } },
    { name: 'KIP-848 consumer protocol assigns on the broker', files: { 'consumer.properties': 'group.id=g\ngroup.protocol=consumer\n' } },
    { name: 'a producer file', files: { 'producer.properties': 'acks=all\npartition.assignment.strategy=range\n' } },
    { name: 'Spring cooperative', files: { 'application.properties': 'spring.kafka.consumer.group-id=g\nspring.kafka.consumer.properties.partition.assignment.strategy=org.apache.kafka.clients.consumer.CooperativeStickyAssignor\n' } },
  ],
  invalid: [
    {
      name: 'explicit Java RangeAssignor',
      files: { 'consumer.properties': 'group.id=g\npartition.assignment.strategy=org.apache.kafka.clients.consumer.RangeAssignor\n' },
      findings: [{ line: 2, column: 1, messageId: 'eager', severity: 'warning', message: 'partition.assignment.strategy=org.apache.kafka.clients.consumer.RangeAssignor (set at line 2). On every rebalance' }],
    },
    {
      name: 'explicit librdkafka roundrobin',
      files: { 'consumer.config': 'metadata.broker.list=k:9092\ngroup.id=g\npartition.assignment.strategy=roundrobin\n' },
      findings: [{ line: 3, messageId: 'eager', severity: 'warning' }],
    },
    {
      name: 'explicit Java list with Range first',
      files: { 'consumer.properties': 'group.id=g\npartition.assignment.strategy=org.apache.kafka.clients.consumer.RangeAssignor, org.apache.kafka.clients.consumer.CooperativeStickyAssignor\n' },
      findings: [{ line: 2, severity: 'warning', message: 'org.apache.kafka.clients.consumer.RangeAssignor is listed first, so the group assigns with it' }],
    },
    {
      name: 'StickyAssignor is still eager',
      files: { 'consumer.properties': 'group.id=g\npartition.assignment.strategy=org.apache.kafka.clients.consumer.StickyAssignor\n' },
      findings: [{ line: 2, severity: 'warning' }],
    },
    {
      name: 'Java default list is info, and says it is the default',
      files: { 'consumer.properties': 'bootstrap.servers=k:9092\ngroup.id=g\n' },
      findings: [{ line: 1, messageId: 'eagerDefault', severity: 'info', message: 'partition.assignment.strategy=RangeAssignor,CooperativeStickyAssignor (not set: Java client default (client version unknown; assumed ≥ 3.0)); RangeAssignor is listed first' }],
    },
    {
      name: 'librdkafka default range,roundrobin is info',
      files: { 'consumer.config': 'metadata.broker.list=k:9092\ngroup.id=g\n' },
      findings: [{ line: 1, messageId: 'eagerDefault', severity: 'info', message: 'partition.assignment.strategy=range,roundrobin (not set: librdkafka default)' }],
    },
    {
      name: 'kafkajs: an explicit round-robin list is info, since kafkajs has no cooperative assignor',
      files: {
        'consumer.ts': [
          "import { Kafka, PartitionAssigners } from 'kafkajs'",
          "const kafka = new Kafka({ brokers: ['k:9092'] })",
          "const consumer = kafka.consumer({ groupId: 'g', partitionAssigners: [PartitionAssigners.roundRobin] })",
          '',
        ].join('\n'),
      },
      findings: [{ line: 3, column: 49, messageId: 'kafkajsOnlyEager', severity: 'info', message: 'partition.assignment.strategy=roundrobin (set at line 3)' }],
    },
    {
      name: 'kafkajs default is info',
      files: { 'consumer.js': "const { Kafka } = require('kafkajs')\nconst consumer = new Kafka({ brokers: ['k:9092'] }).consumer({ groupId: 'g' })\n" },
      findings: [{ line: 2, messageId: 'kafkajsOnlyEager', severity: 'info', message: '(not set: kafkajs default)' }],
    },
    {
      name: '@confluentinc/kafka-javascript could use cooperative-sticky, so an explicit round-robin list is a warning',
      files: {
        'consumer.ts': [
          "import { KafkaJS } from '@confluentinc/kafka-javascript'",
          "const kafka = new KafkaJS.Kafka({ kafkaJS: { brokers: ['k:9092'] } })",
          "const consumer = kafka.consumer({ kafkaJS: { groupId: 'g', partitionAssigners: [KafkaJS.PartitionAssigners.roundRobin] } })",
          '',
        ].join('\n'),
      },
      findings: [{ line: 3, messageId: 'eager', severity: 'warning' }],
    },
    {
      name: 'Spring pass-through of RoundRobinAssignor',
      files: { 'application.yml': 'spring:\n  kafka:\n    consumer:\n      group-id: g\n      properties:\n        partition.assignment.strategy: org.apache.kafka.clients.consumer.RoundRobinAssignor\n' },
      findings: [{ line: 6, messageId: 'eager', severity: 'warning' }],
    },
  ],
});
