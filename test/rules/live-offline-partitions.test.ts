import { ruleTester } from '../support/lint-harness.js';
import { liveOptions, topic } from '../cluster/live-snapshot.js';

ruleTester('live-offline-partitions', {
  valid: [
    { name: 'every partition has a leader', files: {}, options: liveOptions({ topics: [topic('orders', [1, 2, 3], [1, 2, 3], {}, 3)] }) },
    { name: 'under-replicated is not offline', files: {}, options: liveOptions({ topics: [topic('orders', [1, 2, 3], [2])] }) },
    { name: 'a repository topic without partition facts', files: { 'topic.yaml': 'apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nmetadata:\n  name: orders\nspec:\n  partitions: 3\n  replicas: 3\n' } },
  ],
  invalid: [
    {
      name: 'a leaderless partition',
      files: {},
      options: liveOptions({ topics: [topic('payments', [1, 2, 3], [])] }),
      findings: [{ line: 1, file: 'kafka://test-cluster/topic/payments', messageId: 'offline', severity: 'error', message: 'Topic payments has 1 partition(s) without a leader (0)' }],
    },
    {
      name: 'metadata that could not be read (kafkajs #1460)',
      files: {},
      options: liveOptions({ topics: [{ name: 'payments', metadataError: 'There is no leader for this topic-partition', configs: [] }] }),
      findings: [{ line: 1, messageId: 'unreadable', message: 'There is no leader' }],
    },
  ],
});
