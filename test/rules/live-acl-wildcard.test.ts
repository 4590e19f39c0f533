import { ruleTester } from '../support/lint-harness.js';
import { liveOptions } from '../cluster/live-snapshot.js';
import type { LiveAclBinding } from '../../src/cluster/snapshot.js';

function acl(parts: Partial<LiveAclBinding>): LiveAclBinding {
  return { principal: 'User:billing', host: '*', resourceType: 'TOPIC', resourceName: 'orders', patternType: 'LITERAL', operation: 'READ', permission: 'allow', ...parts };
}

ruleTester('live-acl-wildcard', {
  valid: [
    { name: 'a named principal on a named topic from any host', files: {}, options: liveOptions({ acls: [acl({})] }) },
    { name: 'a DENY for everyone', files: {}, options: liveOptions({ acls: [acl({ principal: 'User:*', permission: 'deny', operation: 'WRITE' })] }) },
    { name: 'a non-empty prefix', files: {}, options: liveOptions({ acls: [acl({ patternType: 'PREFIXED', resourceName: 'orders.' })] }) },
    { name: 'a LITERAL name that only contains a star', files: {}, options: liveOptions({ acls: [acl({ resourceName: 'orders-*' })] }) },
  ],
  invalid: [
    {
      name: 'WRITE to every user',
      files: {},
      options: liveOptions({ acls: [acl({ principal: 'User:*', operation: 'WRITE' })] }),
      findings: [{ line: 1, file: 'kafka://test-cluster/acl/topic/orders', messageId: 'write', severity: 'error', message: 'to every user (User:*)' }],
    },
    {
      name: 'READ on every topic',
      files: {},
      options: liveOptions({ acls: [acl({ resourceName: '*' })] }),
      findings: [{ line: 1, messageId: 'read', severity: 'warning', message: 'on every TOPIC (name "*")' }],
    },
  ],
});
