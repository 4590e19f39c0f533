import { ruleTester } from '../support/lint-harness.js';
import { liveOptions } from '../cluster/live-snapshot.js';
import type { LiveGroupSnapshot } from '../../src/cluster/snapshot.js';

function group(committed: number, highWatermark: number, state = 'Stable'): LiveGroupSnapshot {
  return { groupId: 'billing', state, protocolType: 'consumer', protocol: 'RoundRobinAssigner', memberCount: state === 'Empty' ? 0 : 1, offsets: [{ topic: 'orders', partition: 0, committed, highWatermark }] };
}

ruleTester('live-consumer-lag', {
  valid: [
    { name: 'lag under the threshold', files: {}, options: liveOptions({ groups: [group(100, 150)] }, 100) },
    { name: 'a partition never committed has no lag', files: {}, options: liveOptions({ groups: [group(-1, 150)] }, 10) },
    { name: 'lag at the default threshold of 1000 is not above it', files: {}, options: liveOptions({ groups: [group(0, 1000)] }) },
  ],
  invalid: [
    {
      name: 'committed 100, high watermark 150, threshold 10',
      files: {},
      options: liveOptions({ groups: [group(100, 150)] }, 10),
      findings: [{ line: 1, file: 'kafka://test-cluster/group/billing', messageId: 'lag', severity: 'warning', message: 'Group billing lags 50 records behind on orders' }],
    },
  ],
});
