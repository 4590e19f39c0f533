// Strimzi `KafkaUser` → one ACL fact per `spec.authorization.acls[]` rule (AclRule reference).
//
// Spellings are normalised to Kafka's own enum names in lower case, so ACLs from any source compare alike:
// resource types `topic`, `group`, `cluster`, `transactional_id`; pattern types `literal` (Strimzi's default) and
// `prefixed` (Strimzi writes `prefix`); operations `read`, `write`, `alter_configs`, `idempotent_write`, `all`, ….
// Older resources give one `operation` per rule, newer ones an `operations` list; `type` (allow/deny) defaults to
// allow. The cluster resource has no name in Strimzi; Kafka calls it `kafka-cluster`.

import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import type { AclFacts } from '../../model/types.js';
import { locationOf, mapAt, scalarAt, type YamlContext } from '../yaml/yaml-nodes.js';
import type { StrimziResource } from './strimzi-resources.js';

export function aclsFromKafkaUser(context: YamlContext, resource: StrimziResource): AclFacts[] {
  const acls = mapAt(resource.root, 'spec', 'authorization')?.get('acls', true) as Node | undefined;
  if (!isSeq(acls) || resource.name === '') return [];
  return acls.items.filter(isMap).map((rule) => aclFromRule(context, resource.name, rule));
}

function aclFromRule(context: YamlContext, userName: string, rule: YAMLMap): AclFacts {
  const resource = mapAt(rule, 'resource');
  const resourceType = kafkaEnumName(String(scalarAt(resource, 'type') ?? ''));
  const name = scalarAt(resource, 'name');
  const patternType = kafkaEnumName(String(scalarAt(resource, 'patternType') ?? 'literal'));
  return {
    kind: 'acl',
    file: context.file,
    location: locationOf(context, rule),
    principal: `User:${userName}`,
    resourceType,
    resourceName: name === undefined || name === null ? (resourceType === 'cluster' ? 'kafka-cluster' : '') : String(name),
    patternType: patternType === 'prefix' ? 'prefixed' : patternType,
    operations: operationsOf(rule).map(kafkaEnumName),
    permission: String(scalarAt(rule, 'type') ?? 'allow').trim().toLowerCase() === 'deny' ? 'deny' : 'allow',
  };
}

function operationsOf(rule: YAMLMap): string[] {
  const operations = rule.get('operations', true) as Node | undefined;
  if (isSeq(operations)) return operations.items.filter(isScalar).map((item) => String(item.value ?? ''));
  const operation = scalarAt(rule, 'operation');
  return operation === undefined || operation === null ? [] : [String(operation)];
}

/** `AlterConfigs` → `alter_configs`, `transactionalId` → `transactional_id`, `Read` → `read`. */
function kafkaEnumName(written: string): string {
  return written.trim().replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}
