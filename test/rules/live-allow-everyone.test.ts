import { ruleTester } from '../support/lint-harness.js';
import { liveOptions } from '../cluster/live-snapshot.js';

function brokers(value: string) {
  return [{ nodeId: 1, host: '127.0.0.1', port: 9091, configs: [{ name: 'allow.everyone.if.no.acl.found', value, source: 4 }] }];
}

ruleTester('live-allow-everyone', {
  valid: [
    { name: 'false', files: {}, options: liveOptions({ brokers: brokers('false') }) },
    { name: 'not reported by the broker', files: {}, options: liveOptions() },
    { name: 'a server.properties in the repository is allow-everyone-if-no-acl\'s', files: { 'server.properties': 'allow.everyone.if.no.acl.found=true\n' } },
  ],
  invalid: [
    {
      name: 'true on the live broker',
      files: {},
      options: liveOptions({ brokers: brokers('true') }),
      findings: [{ line: 1, file: 'kafka://test-cluster/broker/1', messageId: 'allowEveryone', severity: 'error' }],
    },
  ],
});
