import { ruleTester } from '../support/lint-harness.js';
import { liveOptions, topic } from '../cluster/live-snapshot.js';

ruleTester('live-at-min-isr', {
  valid: [
    { name: 'full ISR above min ISR', files: {}, options: liveOptions({ topics: [topic('orders', [1, 2, 3], [1, 2, 3], { 'min.insync.replicas': '2' })] }) },
    { name: 'RF equals min ISR is min-isr-ge-replication-factor\'s concern', files: {}, options: liveOptions({ topics: [topic('orders', [1, 2], [1, 2], { 'min.insync.replicas': '2' })] }) },
    { name: 'below min ISR is live-under-min-isr\'s', files: {}, options: liveOptions({ topics: [topic('orders', [1, 2, 3], [1], { 'min.insync.replicas': '2' })] }) },
  ],
  invalid: [
    {
      name: 'ISR 2 of 3 with min ISR 2',
      files: {},
      options: liveOptions({ topics: [topic('orders', [1, 2, 3], [1, 2], { 'min.insync.replicas': '2' })] }),
      findings: [{ line: 1, file: 'kafka://test-cluster/topic/orders', messageId: 'atMinIsr', severity: 'warning' }],
    },
  ],
});
