import { ruleTester } from '../support/lint-harness.js';
import { liveOptions, topic } from '../cluster/live-snapshot.js';
import type { LiveSnapshot } from '../../src/cluster/snapshot.js';

function brokers(autoCreate: string): LiveSnapshot['brokers'] {
  return [1, 2].map((nodeId) => ({ nodeId, host: '127.0.0.1', port: 9090 + nodeId, configs: [{ name: 'auto.create.topics.enable', value: autoCreate, source: 5 }] }));
}

const producer = { 'src/publish.ts': "import { Kafka } from 'kafkajs';\nconst producer = new Kafka({ brokers: ['localhost:9092'] }).producer();\nexport const publish = () => producer.send({ topic: 'ordres', messages: [] });\n" };

ruleTester('live-auto-create-topics', {
  valid: [
    { name: 'auto-creation off', files: producer, options: liveOptions({ brokers: brokers('false'), topics: [topic('orders', [1, 2], [1, 2])] }) },
    { name: 'a broker fact from a repository file is broker-auto-create-topics-enabled\'s', files: { 'server.properties': 'auto.create.topics.enable=true\n' } },
  ],
  invalid: [
    {
      name: 'auto-creation on (the default), reported once for the cluster',
      files: {},
      options: liveOptions({ brokers: brokers('true'), topics: [topic('orders', [1, 2], [1, 2])] }),
      findings: [{ line: 1, file: 'kafka://test-cluster/broker/1', messageId: 'enabled', severity: 'warning', message: 'auto.create.topics.enable=true (live value from cluster test-cluster)' }],
    },
    {
      name: 'a producer writes a topic the cluster does not have',
      files: producer,
      options: liveOptions({ brokers: brokers('true'), topics: [topic('orders', [1, 2], [1, 2])] }),
      findings: [
        { line: 1, file: 'kafka://test-cluster/broker/1', messageId: 'enabled' },
        { line: 3, file: 'src/publish.ts', messageId: 'missingTopic', message: 'Producer writes topic ordres' },
      ],
    },
  ],
});
