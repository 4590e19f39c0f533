// Admin calls that declare Kafka resources in code, in kafkajs and CKJS's KafkaJS API alike (kafkajs docs/Admin.md):
// `admin.createTopics({ topics: [{ topic, numPartitions, replicationFactor, configEntries }] })` → topic facts, and
// `admin.createAcls({ acl: [{ resourceType, resourceName, resourcePatternType, principal, operation,
// permissionType }] })` → ACL facts. Enum numbers follow Kafka's own (AclOperation, ResourceType, PatternType,
// AclPermissionType), which kafkajs copies in src/protocol.

import { canonicalKey, parseSettingValue } from '../../../model/keys.js';
import type { AclFacts, Setting, TopicFacts } from '../../../model/types.js';
import { locationOfNode } from '../parse-module.js';
import type { StaticValue } from '../values.js';
import { lookupOption, placeholderSetting, settingFromProperty, type Convert } from './kafkajs-options.js';

type ObjectValue = Extract<StaticValue, { kind: 'object' }>;

/** `createTopics({ topics: [{ numPartitions }] })`: how a topic option is written. */
const topicOption = (option: string) => `createTopics({ topics: [{ ${option} }] })`;

function elementsAt(options: StaticValue | undefined, option: string): StaticValue[] {
  const found = lookupOption(options, [option]);
  return found.kind === 'set' && found.property.value.kind === 'array' ? found.property.value.elements : [];
}

function stringAt(object: StaticValue, option: string): string | undefined {
  const found = lookupOption(object, [option]);
  if (found.kind !== 'set' || found.property.value.kind !== 'literal') return undefined;
  const value = found.property.value.value;
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** Counts are numbers in the model (as Strimzi's `replicas: "3"` is), so rules can compare them. */
const count: Convert = (value) => {
  if (value.kind !== 'literal') return undefined;
  const number = typeof value.value === 'number' ? value.value : /^\s*-?\d+\s*$/.test(String(value.value)) ? Number(value.value) : undefined;
  return number !== undefined && Number.isInteger(number) ? { value: number, raw: String(value.value) } : { value: String(value.value), raw: String(value.value) };
};

/** A count option (`numPartitions`, `replicationFactor`) under its topic key; a placeholder when it may be set. */
function countSetting(topic: ObjectValue, option: string, key: string): Setting | undefined {
  const written = topicOption(option);
  const found = lookupOption(topic, [option]);
  if (found.kind === 'set') return settingFromProperty(key, written, found.property, count);
  if (found.kind === 'unknown') return placeholderSetting(key, written, found.where, locationOfNode(found.where.file, found.where.node));
  return undefined;
}

/** `configEntries: [{ name: 'min.insync.replicas', value: '2' }]` → topic-level settings; values are strings. */
function configEntrySettings(topic: ObjectValue): Setting[] {
  const found = lookupOption(topic, ['configEntries']);
  if (found.kind === 'absent') return [];
  const entries = found.kind === 'set' ? found.property.value : found.where;
  // Entries only run time knows may set min.insync.replicas, which the durability rules would otherwise inherit.
  const unreadable = () => [placeholderSetting('min.insync.replicas', topicOption('configEntries'), entries, locationOfNode(entries.file, entries.node))];
  if (entries.kind !== 'array') return unreadable();
  const settings: Setting[] = [];
  for (const entry of entries.elements) {
    const name = stringAt(entry, 'name');
    const value = lookupOption(entry, ['value']);
    if (!name || value.kind !== 'set') {
      if (entry.kind !== 'object' || entry.partial) settings.push(...unreadable());
      continue;
    }
    const key = canonicalKey(name);
    const written = topicOption(`configEntries: [{ name: '${name}' }]`);
    const setting = settingFromProperty(key, written, value.property, (literal) =>
      literal.kind === 'literal' ? { value: parseSettingValue(key, String(literal.value)), raw: String(literal.value) } : undefined,
    );
    if (setting) settings.push({ ...setting, location: locationOfNode(entry.file, entry.node) });
  }
  if (entries.partial) settings.push(...unreadable());
  return settings;
}

/** Topics a `createTopics(options)` call creates. `validateOnly: true` creates nothing. */
export function topicsFromCreateTopics(options: StaticValue | undefined, callFile: string, callLine: number): TopicFacts[] {
  const validateOnly = lookupOption(options, ['validateOnly']);
  if (validateOnly.kind === 'set' && validateOnly.property.value.kind === 'literal' && validateOnly.property.value.value === true) return [];
  const topics: TopicFacts[] = [];
  for (const element of elementsAt(options, 'topics')) {
    if (element.kind !== 'object') continue;
    const name = stringAt(element, 'topic');
    if (!name) continue;
    const location = locationOfNode(element.file, element.node);
    const topic: TopicFacts = {
      kind: 'topic',
      declaredBy: 'code',
      name,
      file: location.file,
      location,
      settings: configEntrySettings(element),
      label: `topic ${name} created by createTopics() at ${callFile}:${callLine}`,
    };
    const partitions = countSetting(element, 'numPartitions', 'partitions');
    const replicationFactor = countSetting(element, 'replicationFactor', 'replication.factor');
    if (partitions) topic.partitions = partitions;
    if (replicationFactor) topic.replicationFactor = replicationFactor;
    topics.push(topic);
  }
  return topics;
}

// Kafka's enums by number and by name, as the lower-case names the model uses (see sources/strimzi/strimzi-user.ts).
const RESOURCE_TYPES = ['unknown', 'any', 'topic', 'group', 'cluster', 'transactional_id', 'delegation_token'];
const PATTERN_TYPES = ['unknown', 'any', 'match', 'literal', 'prefixed'];
const OPERATIONS = ['unknown', 'any', 'all', 'read', 'write', 'create', 'delete', 'alter', 'describe', 'cluster_action', 'describe_configs', 'alter_configs', 'idempotent_write'];
const PERMISSIONS = ['unknown', 'any', 'deny', 'allow'];

/** `AclResourceTypes.TOPIC`, `2` or `'TOPIC'` → `topic`; undefined when it is not one of the enum's values. */
function enumValue(value: StaticValue | undefined, names: string[]): string | undefined {
  if (!value) return undefined;
  let name: string | undefined;
  if (value.kind === 'member') name = value.path.slice(value.path.lastIndexOf('.') + 1);
  else if (value.kind === 'literal' && typeof value.value === 'number') name = names[value.value];
  else if (value.kind === 'literal' && typeof value.value === 'string') name = value.value;
  const lower = name?.toLowerCase();
  return lower !== undefined && names.includes(lower) ? lower : undefined;
}

function valueAt(object: StaticValue, option: string): StaticValue | undefined {
  const found = lookupOption(object, [option]);
  return found.kind === 'set' ? found.property.value : undefined;
}

/** ACL bindings a `createAcls(options)` call creates; a binding with a field only run time knows is left out. */
export function aclsFromCreateAcls(options: StaticValue | undefined): AclFacts[] {
  const acls: AclFacts[] = [];
  for (const element of elementsAt(options, 'acl')) {
    if (element.kind !== 'object') continue;
    const principal = stringAt(element, 'principal');
    const resourceType = enumValue(valueAt(element, 'resourceType'), RESOURCE_TYPES);
    const resourceName = valueAt(element, 'resourceName');
    const patternType = enumValue(valueAt(element, 'resourcePatternType'), PATTERN_TYPES);
    const operation = enumValue(valueAt(element, 'operation'), OPERATIONS);
    const permission = enumValue(valueAt(element, 'permissionType'), PERMISSIONS);
    if (!principal || !resourceType || resourceName?.kind !== 'literal' || typeof resourceName.value !== 'string') continue;
    if (!patternType || !operation || (permission !== 'allow' && permission !== 'deny')) continue;
    acls.push({
      kind: 'acl',
      file: element.file,
      location: locationOfNode(element.file, element.node),
      principal,
      resourceType,
      resourceName: resourceName.value,
      patternType,
      operations: [operation],
      permission,
    });
  }
  return acls;
}
