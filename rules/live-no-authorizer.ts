import { defineRule } from '../src/engine/rule.js';

// describeAcls fails with SECURITY_DISABLED when the broker runs without `authorizer.class.name` (kafkajs
// docs/Admin.md, ACL section): every authenticated or anonymous client may then do everything.

export default defineRule({
  id: 'live-no-authorizer',
  meta: {
    category: 'live',
    defaultSeverity: 'warning',
    description: 'The live cluster has no authorizer, so any client that can connect may read, write, delete and reconfigure every topic.',
    messages: {
      noAuthorizer: 'Cluster {{cluster}} has no authorizer (describeAcls: security features are disabled): every client that connects may read, write and delete any topic and change any config.',
    },
    help: 'Configure authorizer.class.name (StandardAuthorizer on KRaft) and grant each application the ACLs it needs.',
    inputs: ['live'],
  },
  check({ model, report }) {
    const live = model.live;
    if (!live || live.authorizer !== false) return;
    report({
      messageId: 'noAuthorizer',
      data: { cluster: live.clusterId },
      location: { file: live.file, line: 1, column: 1 },
      origin: { kind: 'live', cluster: live.clusterId },
      fingerprintKey: 'authorizer',
    });
  },
});
