import { ruleTester } from '../support/lint-harness.js';
import { liveOptions } from '../cluster/live-snapshot.js';
import type { LiveGroupSnapshot } from '../../src/cluster/snapshot.js';

function group(protocol: string, parts: Partial<LiveGroupSnapshot> = {}): LiveGroupSnapshot {
  return { groupId: 'billing', state: 'Stable', protocolType: 'consumer', protocol, memberCount: 2, offsets: [{ topic: 'orders', partition: 0, committed: 150, highWatermark: 150 }], ...parts };
}

const finding = { line: 1, file: 'kafka://test-cluster/group/billing', messageId: 'eager', severity: 'info' as const };

ruleTester('live-group-eager-protocol', {
  valid: [
    { name: 'a group on cooperative-sticky', files: {}, options: liveOptions({ groups: [group('cooperative-sticky')] }) },
    { name: 'an Empty group with no agreed protocol', files: {}, options: liveOptions({ groups: [group('', { state: 'Empty', memberCount: 0 })] }) },
    { name: 'a Kafka Connect group (protocolType connect) whose protocol is not an assignor', files: {}, options: liveOptions({ groups: [group('sessioned', { protocolType: 'connect' })] }) },
    { name: 'a Connect-style group that happens to agree on a name like range', files: {}, options: liveOptions({ groups: [group('range', { protocolType: 'connect' })] }) },
    { name: 'an assignor name we do not know (custom assignor)', files: {}, options: liveOptions({ groups: [group('my-rack-aware')] }) },
    { name: 'a name that only looks like a configured class name', files: {}, options: liveOptions({ groups: [group('RangeAssignor')] }) },
    { name: 'a cluster without groups', files: {}, options: liveOptions({ groups: [] }) },
  ],
  invalid: [
    {
      name: 'a group on range (Java or librdkafka)',
      files: {},
      options: liveOptions({ groups: [group('range')] }),
      findings: [{ ...finding, message: 'Group billing rebalances eagerly: its members agreed on the range assignor. On every rebalance every member stops consuming and gives up all its partitions' }],
    },
    {
      name: 'a group on roundrobin gets both the Java and the librdkafka fix',
      files: {},
      options: liveOptions({ groups: [group('roundrobin')] }),
      findings: [{ ...finding, message: 'CooperativeStickyAssignor, in two rolling bounces for a running group (first list it before the old assignor, then remove the old one). librdkafka clients: set partition.assignment.strategy=cooperative-sticky.' }],
    },
    {
      name: 'a group on the old Java StickyAssignor (sticky is still eager)',
      files: {},
      options: liveOptions({ groups: [group('sticky')] }),
      findings: [{ ...finding, message: 'agreed on the sticky assignor' }],
    },
    {
      name: 'a kafkajs group says honestly that kafkajs has no cooperative option',
      files: {},
      options: liveOptions({ groups: [group('RoundRobinAssigner')] }),
      findings: [{ ...finding, message: 'kafkajs has no cooperative assignor' }],
    },
    {
      name: 'only the eager group of several is reported, at its own location',
      files: {},
      options: liveOptions({ groups: [group('cooperative-sticky', { groupId: 'audit' }), group('range', { groupId: 'shipping' })] }),
      findings: [{ ...finding, file: 'kafka://test-cluster/group/shipping', message: 'Group shipping' }],
    },
  ],
});
