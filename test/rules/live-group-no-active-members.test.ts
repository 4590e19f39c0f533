import { ruleTester } from '../support/lint-harness.js';
import { liveOptions } from '../cluster/live-snapshot.js';
import type { LiveGroupSnapshot } from '../../src/cluster/snapshot.js';

function group(state: string, memberCount: number, committed: number, highWatermark: number): LiveGroupSnapshot {
  return { groupId: 'billing', state, protocolType: 'consumer', protocol: '', memberCount, offsets: [{ topic: 'orders', partition: 0, committed, highWatermark }] };
}

ruleTester('live-group-no-active-members', {
  valid: [
    { name: 'a stable group with members', files: {}, options: liveOptions({ groups: [group('Stable', 2, 100, 150)] }) },
    { name: 'an empty group that has read everything', files: {}, options: liveOptions({ groups: [group('Empty', 0, 150, 150)] }) },
  ],
  invalid: [
    {
      name: 'an empty group with unread records',
      files: {},
      options: liveOptions({ groups: [group('Empty', 0, 100, 150)] }),
      findings: [{ line: 1, file: 'kafka://test-cluster/group/billing', messageId: 'empty', severity: 'warning', message: '50 unread record(s)' }],
    },
  ],
});
