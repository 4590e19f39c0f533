import { defineRule } from '../src/engine/rule.js';
import { describeEffective, explicitSetting } from '../src/model/resolve.js';

// allow.everyone.if.no.acl.found=true makes the authorizer allow every principal on every resource that has no ACL
// (StandardAuthorizer / AclAuthorizer): ACLs then only restrict the resources they name.

export default defineRule({
  id: 'live-allow-everyone',
  meta: {
    category: 'live',
    defaultSeverity: 'error',
    description: 'The live cluster\'s authorizer allows every principal on resources without ACLs (allow.everyone.if.no.acl.found=true).',
    messages: {
      allowEveryone: 'Broker {{broker}} allows everyone on every resource that has no ACL: {{effective}}. A new topic is open to every client until someone writes ACLs for it.',
    },
    help: 'Set allow.everyone.if.no.acl.found=false and grant each principal the ACLs it needs.',
    inputs: ['live'],
  },
  check({ model, report }) {
    for (const broker of model.brokers) {
      if (broker.declaredBy !== 'live') continue;
      const setting = explicitSetting(broker, 'allow.everyone.if.no.acl.found');
      if (!setting || String(setting.value).toLowerCase() !== 'true') continue;
      const effective = { key: setting.key, value: setting.value, origin: setting.origin ?? { kind: 'explicit' as const }, setting };
      report({ messageId: 'allowEveryone', data: { broker: broker.file.split('/').pop() ?? broker.file, effective: describeEffective(effective) }, location: broker.location, subject: broker, origin: effective.origin, fingerprintKey: 'allow.everyone.if.no.acl.found' });
    }
  },
});
