import { ruleTester } from '../support/lint-harness.js';
import { liveOptions, topic } from '../cluster/live-snapshot.js';

ruleTester('live-under-min-isr', {
  valid: [
    { name: 'ISR at min ISR', files: {}, options: liveOptions({ topics: [topic('orders', [1, 2, 3], [1, 2], { 'min.insync.replicas': '2' })] }) },
    { name: 'ISR 1 with min ISR 1 (under-replicated, but writes still work)', files: {}, options: liveOptions({ topics: [topic('orders', [1, 2, 3], [1], { 'min.insync.replicas': '1' })] }) },
  ],
  invalid: [
    {
      name: 'ISR 1 below min ISR 2',
      files: {},
      options: liveOptions({ topics: [topic('orders', [1, 2, 3], [1], { 'min.insync.replicas': '2' })] }),
      findings: [{ line: 1, file: 'kafka://test-cluster/topic/orders', messageId: 'underMinIsr', severity: 'error', message: 'below min.insync.replicas=2: 0 (ISR 1)' }],
    },
  ],
});
