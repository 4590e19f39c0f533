import { defineRule } from '../src/engine/rule.js';
import type { AclFacts } from '../src/model/types.js';

// Least privilege on a live cluster: an ALLOW binding for every user (User:*), on every resource of a type (LITERAL
// "*"), or on an empty PREFIXED name. Write-type operations, or any operation on the CLUSTER resource, are errors;
// read-type ones warnings. host '*' with a named principal is the normal case and not a wildcard.

const WRITE_OPERATIONS = new Set(['ALL', 'WRITE', 'ALTER', 'ALTER_CONFIGS', 'DELETE', 'CREATE']);

function wildcardScope(acl: AclFacts): string | undefined {
  const parts: string[] = [];
  if (acl.principal.trim() === 'User:*') parts.push('to every user (User:*)');
  const pattern = acl.patternType.toUpperCase();
  if (pattern === 'LITERAL' && acl.resourceName === '*') parts.push(`on every ${acl.resourceType} (name "*")`);
  if (pattern === 'PREFIXED' && acl.resourceName === '') parts.push(`on every ${acl.resourceType} (empty prefix)`);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

export default defineRule({
  id: 'live-acl-wildcard',
  meta: {
    category: 'live',
    defaultSeverity: 'error',
    description: 'A live ALLOW ACL grants operations to every user or on every resource of a type.',
    messages: {
      write: 'Live ACL allows {{operation}} on {{resource}} {{scope}}: every present and future resource it covers can be changed or deleted by principals it was never meant for.',
      read: 'Live ACL allows {{operation}} on {{resource}} {{scope}}: every present and future resource it covers is readable by principals it was never meant for.',
    },
    help: 'Grant each principal the operations it needs on named resources or a specific prefix, not on "*" or to User:*.',
    inputs: ['live'],
  },
  check({ model, report }) {
    for (const acl of model.acls) {
      if (acl.permission !== 'allow' || !acl.file.startsWith('kafka://')) continue;
      const scope = wildcardScope(acl);
      if (!scope) continue;
      for (const operation of acl.operations) {
        const write = WRITE_OPERATIONS.has(operation.toUpperCase()) || acl.resourceType.toUpperCase() === 'CLUSTER';
        report({
          messageId: write ? 'write' : 'read',
          severity: write ? 'error' : 'warning',
          data: { operation, resource: `${acl.resourceType} ${acl.resourceName === '' ? '""' : acl.resourceName}`, scope },
          location: acl.location,
          subject: acl,
          origin: { kind: 'live', cluster: model.live?.clusterId ?? 'unknown' },
          fingerprintKey: `${acl.principal}/${acl.resourceType}/${acl.resourceName}/${operation}`,
        });
      }
    }
  },
});
