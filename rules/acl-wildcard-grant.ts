import { defineRule } from '../src/engine/rule.js';
import type { AclFacts } from '../src/model/types.js';

/**
 * Operations that change data, metadata or the cluster (Kafka's AclOperation). `All` includes every one of them;
 * `IdempotentWrite` and `ClusterAction` are cluster-level write rights.
 */
const WRITE_OPERATIONS = new Set(['write', 'all', 'alter', 'create', 'delete', 'alterconfigs', 'clusteraction', 'idempotentwrite']);

function normalisedOperation(operation: string): string {
  return operation.replace(/[_\s-]/g, '').toLowerCase();
}

type Wildcard = 'principal' | 'literalName' | 'emptyPrefix';

/** How an ALLOW rule reaches beyond one principal or one resource, if it does. */
function wildcardsOf(acl: AclFacts): Wildcard[] {
  const found: Wildcard[] = [];
  if (acl.principal.trim() === 'User:*') found.push('principal');
  // The cluster resource has one instance (`kafka-cluster`); a grant on it names no set of resources.
  if (acl.resourceType.toLowerCase() !== 'cluster') {
    const pattern = acl.patternType.toLowerCase();
    const name = acl.resourceName.trim();
    if (pattern === 'literal' && name === '*') found.push('literalName');
    if ((pattern === 'prefix' || pattern === 'prefixed') && name === '') found.push('emptyPrefix');
  }
  return found;
}

function describeWildcards(acl: AclFacts, wildcards: Wildcard[]): string {
  const parts: string[] = [];
  if (wildcards.includes('principal')) parts.push('to every user (User:*)');
  if (wildcards.includes('literalName')) parts.push(`on every ${acl.resourceType} (name "*")`);
  if (wildcards.includes('emptyPrefix')) parts.push(`on every ${acl.resourceType} (empty prefix)`);
  return parts.join(' and ');
}

export default defineRule({
  id: 'acl-wildcard-grant',
  meta: {
    category: 'security',
    defaultSeverity: 'error',
    description: 'An ALLOW ACL grants operations to every user or on every resource of a type.',
    messages: {
      wildcardWrite:
        'ACL allows {{operations}} {{scope}}. Write-type rights on a wildcard let {{who}} change or delete data and metadata it was never meant to touch, and they cover resources created later.',
      wildcardRead:
        'ACL allows {{operations}} {{scope}}. Read rights on a wildcard expose every present and future {{resourceType}} to {{who}}.',
    },
    help: 'Grant each principal the operations it needs on named resources or a specific prefix (patternType: prefix with name "orders."), not on "*" or User:*.',
    inputs: ['yaml', 'code'],
  },
  check({ model, report }) {
    for (const acl of model.acls) {
      if (acl.permission !== 'allow') continue;
      // Live ACLs are judged by live-acl-wildcard.
      if (acl.file.startsWith('kafka://')) continue;
      const wildcards = wildcardsOf(acl);
      if (wildcards.length === 0 || acl.operations.length === 0) continue;
      const writes = acl.operations.filter((operation) => WRITE_OPERATIONS.has(normalisedOperation(operation)));
      const shown = (writes.length > 0 ? writes : acl.operations).join(', ');
      report({
        messageId: writes.length > 0 ? 'wildcardWrite' : 'wildcardRead',
        data: {
          operations: shown,
          scope: describeWildcards(acl, wildcards),
          resourceType: acl.resourceType,
          who: wildcards.includes('principal') ? 'any authenticated user' : `principal ${acl.principal}`,
        },
        location: acl.location,
        subject: acl,
        origin: { kind: 'explicit' },
        // Write-type grants keep the rule's configured severity; read-only grants are one step lower.
        ...(writes.length > 0 ? {} : { severity: 'warning' as const }),
        fingerprintKey: `acl:${acl.principal}:${acl.resourceType}:${acl.patternType}:${acl.resourceName}:${[...acl.operations].sort().join(',')}`,
      });
    }
  },
});
