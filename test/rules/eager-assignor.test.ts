import { ruleTester } from '../support/lint-harness.js';

ruleTester('eager-assignor', {
  valid: [
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
      name: 'Spring pass-through of RoundRobinAssignor',
      files: { 'application.yml': 'spring:\n  kafka:\n    consumer:\n      group-id: g\n      properties:\n        partition.assignment.strategy: org.apache.kafka.clients.consumer.RoundRobinAssignor\n' },
      findings: [{ line: 6, messageId: 'eager', severity: 'warning' }],
    },
  ],
});
