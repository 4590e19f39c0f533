import { defineRule } from '../src/engine/rule.js';
import { describeEffective, explicitSetting } from '../src/model/resolve.js';
import { locationKey } from '../src/model/setting-occurrences.js';

const KEY = 'allow.everyone.if.no.acl.found';

export default defineRule({
  id: 'allow-everyone-if-no-acl',
  meta: {
    category: 'security',
    defaultSeverity: 'error',
    description: 'The broker authorizer allows every principal to use any resource that has no ACL.',
    messages: {
      openByDefault:
        'Authorizer opens every resource without ACLs to everyone: {{effective}}. A new topic or group is readable and writable by any principal — anonymous users on unauthenticated listeners included — until someone remembers to add ACLs for it.',
    },
    help: 'Remove the setting (the default false denies access to resources without ACLs) and grant access with explicit ACLs; list administrators in super.users.',
    inputs: ['properties', 'yaml', 'env'],
  },
  check({ model, report }) {
    const reported = new Set<string>();
    for (const broker of model.brokers) {
      // Live clusters are judged by live-allow-everyone.
      if (broker.declaredBy === 'live') continue;
      const setting = explicitSetting(broker, KEY);
      if (!setting || setting.placeholder || setting.value !== true) continue;
      const key = locationKey(setting.location);
      if (reported.has(key)) continue;
      reported.add(key);
      report({
        messageId: 'openByDefault',
        data: { effective: describeEffective({ key: KEY, value: setting.value, origin: { kind: 'explicit' }, setting }) },
        location: setting.location,
        subject: broker,
        origin: { kind: 'explicit' },
        fingerprintKey: KEY,
      });
    }
  },
});
