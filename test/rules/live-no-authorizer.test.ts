import { ruleTester } from '../support/lint-harness.js';
import { liveOptions } from '../cluster/live-snapshot.js';

ruleTester('live-no-authorizer', {
  valid: [
    { name: 'an authorizer with ACLs', files: {}, options: liveOptions({ authorizer: true }) },
    { name: 'ACLs that could not be read say nothing about the authorizer', files: {}, options: liveOptions({ authorizer: undefined, acls: undefined }) },
    { name: 'no live cluster at all', files: { 'server.properties': 'broker.id=1\n' } },
  ],
  invalid: [
    {
      name: 'security features are disabled',
      files: {},
      options: liveOptions({ authorizer: false, acls: undefined }),
      findings: [{ line: 1, file: 'kafka://test-cluster', messageId: 'noAuthorizer', severity: 'warning' }],
    },
  ],
});
