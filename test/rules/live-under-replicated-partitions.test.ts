import { ruleTester } from '../support/lint-harness.js';
import { liveOptions, topic } from '../cluster/live-snapshot.js';

ruleTester('live-under-replicated-partitions', {
  valid: [
    { name: 'ISR equals replicas', files: {}, options: liveOptions({ topics: [topic('orders', [1, 2, 3], [1, 2, 3])] }) },
    { name: 'RF 1 with its one replica in sync', files: {}, options: liveOptions({ topics: [topic('scratch', [1], [1])] }) },
    { name: 'an offline partition is reported by live-offline-partitions instead', files: {}, options: liveOptions({ topics: [topic('payments', [1, 2], [])] }) },
  ],
  invalid: [
    {
      name: 'RF 3 with one replica in sync',
      files: {},
      options: liveOptions({ topics: [topic('orders', [1, 2, 3], [1], {}, 2)] }),
      findings: [{ line: 1, file: 'kafka://test-cluster/topic/orders', messageId: 'underReplicated', severity: 'error', message: '2 under-replicated partition(s): 0 (ISR 1 of 3), 1 (ISR 1 of 3)' }],
    },
  ],
});
