// Strimzi custom resources: `Kafka` → broker facts (with the broker count from `spec.kafka.replicas` or from the
// `KafkaNodePool`s of the same file), `KafkaTopic` → topic facts, `KafkaUser` → ACL facts. Other documents in the
// same file (ConfigMaps, Deployments, …) are left to the other readers.

import { isScalar, isSeq, type Document, type Node, type YAMLMap } from 'yaml';
import type { BrokerFacts, FileFacts, Setting } from '../../model/types.js';
import { emptyFileFacts } from '../../model/types.js';
import { settingFromEntry } from '../flat-config.js';
import { flattenMap, mapAt, scalarAt, type YamlContext } from '../yaml/yaml-nodes.js';
import { listenersOf } from './strimzi-listeners.js';
import { annotationOf, labelOf, strimziResourceOf, wholeNumber, type StrimziResource } from './strimzi-resources.js';
import { topicFromKafkaTopic } from './strimzi-topic.js';
import { aclsFromKafkaUser } from './strimzi-user.js';

export function factsFromStrimziDocuments(context: YamlContext, documents: Document.Parsed[]): FileFacts {
  const facts = emptyFileFacts();
  const resources = documents
    .map((document) => strimziResourceOf(context, document))
    .filter((resource): resource is StrimziResource => resource !== undefined);
  const nodePools = resources.filter((resource) => resource.kind === 'KafkaNodePool');
  for (const resource of resources) {
    switch (resource.kind) {
      case 'Kafka':
        facts.brokers.push(brokerFromKafka(context, resource, nodePools));
        break;
      case 'KafkaTopic': {
        const topic = topicFromKafkaTopic(context, resource);
        if (topic) facts.topics.push(topic);
        break;
      }
      case 'KafkaUser':
        facts.acls.push(...aclsFromKafkaUser(context, resource));
        break;
      default:
        break;
    }
  }
  return facts;
}

function brokerFromKafka(context: YamlContext, resource: StrimziResource, nodePools: StrimziResource[]): BrokerFacts {
  const kafka = mapAt(resource.root, 'spec', 'kafka');
  const config = mapAt(kafka, 'config');
  const settings = config ? flattenMap(context, config).map((entry) => settingFromEntry(entry)) : [];
  settings.push(...authorizationSettings(context, mapAt(kafka, 'authorization')));
  const broker: BrokerFacts = {
    kind: 'broker',
    declaredBy: 'strimzi',
    file: context.file,
    location: resource.location,
    settings,
    label: `Strimzi Kafka ${resource.name || '(unnamed)'}`,
    listeners: kafka ? listenersOf(context, kafka) : [],
  };
  const brokerCount = brokerCountOf(resource, nodePools);
  if (brokerCount !== undefined) broker.brokerCount = brokerCount;
  return broker;
}

/**
 * Broker nodes of a cluster. With node pools (KRaft, and any `strimzi.io/node-pools: enabled` cluster) the pools that
 * name the cluster in their `strimzi.io/cluster` label and have the `broker` role decide, and `spec.kafka.replicas`
 * is ignored by the operator; without them `spec.kafka.replicas` does. Pools kept in another file leave it unknown.
 */
function brokerCountOf(kafka: StrimziResource, nodePools: StrimziResource[]): number | undefined {
  const brokerPools = nodePools.filter((pool) => labelOf(pool, 'strimzi.io/cluster') === kafka.name && rolesOf(pool).includes('broker'));
  if (brokerPools.length > 0) {
    const counts = brokerPools.map((pool) => wholeNumber(scalarAt(pool.root, 'spec', 'replicas')));
    return counts.every((count) => count !== undefined) ? counts.reduce((sum: number, count) => sum + count!, 0) : undefined;
  }
  if (annotationOf(kafka, 'strimzi.io/node-pools')?.trim().toLowerCase() === 'enabled') return undefined;
  return wholeNumber(scalarAt(kafka.root, 'spec', 'kafka', 'replicas'));
}

function rolesOf(pool: StrimziResource): string[] {
  const roles = mapAt(pool.root, 'spec')?.get('roles', true) as Node | undefined;
  return isSeq(roles) ? roles.items.filter(isScalar).map((role) => String(role.value).trim().toLowerCase()) : [];
}

/**
 * The broker keys Strimzi writes for `spec.kafka.authorization`: `superUsers` becomes `super.users` (a `;`-separated
 * list in Kafka), and a `custom` authorizer's `authorizerClass` becomes `authorizer.class.name`. The class Strimzi
 * picks for `simple` depends on ZooKeeper or KRaft mode, so it is not guessed here.
 */
function authorizationSettings(context: YamlContext, authorization: YAMLMap | undefined): Setting[] {
  if (!authorization) return [];
  const settings: Setting[] = [];
  for (const entry of flattenMap(context, authorization)) {
    if (entry.key === 'superUsers') {
      // Joined again from the items: a certificate DN (`CN=a,O=b`) has commas of its own.
      const users = authorization.get('superUsers', true) as Node | undefined;
      const raw = isSeq(users) ? users.items.filter(isScalar).map((user) => String(user.value ?? '')).join(';') : entry.raw;
      settings.push(settingFromEntry({ ...entry, raw, typed: raw }, 'super.users'));
    } else if (entry.key === 'authorizerClass') {
      settings.push(settingFromEntry(entry, 'authorizer.class.name'));
    }
  }
  return settings;
}
