// kafkajs (and the KafkaJS-compatible API of @confluentinc/kafka-javascript): `new Kafka({...})`, then
// `kafka.producer({...})`, `kafka.consumer({...})`, `kafka.admin()`.
// IN PROGRESS: the option table is partial; CKJS's `kafkaJS` block and flat librdkafka keys are not read yet.

import type { TSESTree } from '@typescript-eslint/types';
import { canonicalKey, normaliseTypedValue } from '../../../model/keys.js';
import type { ClientFacts, Library, Role, Setting } from '../../../model/types.js';
import { emptyFileFacts } from '../../../model/types.js';
import { bindingOf, methodCalls } from '../client-uses.js';
import type { CodeContext, DetectedClient, DetectionResult } from '../code-context.js';
import { locationOfNode, type Node } from '../parse-module.js';
import type { StaticProperty, StaticValue } from '../values.js';

type WithParent = Node & { parent?: Node };

/** kafkajs option → canonical Kafka key, for options that map one to one. */
const OPTION_KEYS: Record<string, string> = {
  clientId: 'client.id',
  brokers: 'bootstrap.servers',
  idempotent: 'enable.idempotence',
  maxInFlightRequests: 'max.in.flight.requests.per.connection',
  allowAutoTopicCreation: 'allow.auto.create.topics',
  transactionalId: 'transactional.id',
  groupId: 'group.id',
  sessionTimeout: 'session.timeout.ms',
  heartbeatInterval: 'heartbeat.interval.ms',
  rebalanceTimeout: 'max.poll.interval.ms',
};

/** Settings from the properties of an options object, each located at its own property. */
export function settingsFromOptions(value: StaticValue | undefined, keys: Record<string, string>, prefix = ''): Setting[] {
  if (value?.kind !== 'object') return [];
  const settings: Setting[] = [];
  for (const property of value.properties) {
    const canonical = keys[property.key];
    if (!canonical) continue;
    const setting = settingFromProperty(property, canonicalKey(canonical), `${prefix}${property.key}`);
    if (setting) settings.push(setting);
  }
  return settings;
}

export function settingFromProperty(property: StaticProperty, key: string, writtenAs: string): Setting | undefined {
  const value = property.value;
  const location = locationOfNode(property.file, property.node);
  if (value.kind === 'literal') {
    return { key, writtenAs, value: normaliseTypedValue(key, value.value), raw: String(value.value), location };
  }
  if (value.kind === 'array' && value.elements.every((element) => element.kind === 'literal')) {
    const items = value.elements.map((element) => String((element as { value: unknown }).value));
    return { key, writtenAs, value: normaliseTypedValue(key, items), raw: items.join(','), location };
  }
  if (value.kind === 'env') {
    // An environment lookup is supplied at run time: never a hard-coded value, never judged.
    return { key, writtenAs, value: `process.env.${value.name}`, raw: `process.env.${value.name}`, location, placeholder: true };
  }
  return undefined;
}

function isKafkaConstructor(node: Node, context: CodeContext): { library: Library } | undefined {
  if (node.type !== 'NewExpression') return undefined;
  const source = context.imports.exportOf(node.callee);
  if (source?.library === 'kafkajs' && source.exported === 'Kafka') return { library: 'kafkajs' };
  if (source?.library === '@confluentinc/kafka-javascript' && source.exported === 'KafkaJS.Kafka') return { library: 'confluent-kafka-javascript' };
  return undefined;
}

const ROLE_OF_METHOD: Record<string, Role> = { producer: 'producer', consumer: 'consumer', admin: 'admin' };

export function detectKafkajsClients(context: CodeContext): DetectionResult {
  const result: DetectionResult = { clients: [], facts: emptyFileFacts() };
  context.module.walk(context.module.ast, (node) => {
    const kafka = isKafkaConstructor(node, context);
    if (!kafka) return;
    const constructorCall = node as TSESTree.NewExpression;
    const kafkaOptions = constructorCall.arguments[0] ? context.values.resolve(constructorCall.arguments[0], context.module) : undefined;
    const instance: DetectedClient = {
      facts: { kind: 'client', role: 'client', library: kafka.library, file: context.file, location: locationOfNode(context.file, node), settings: [], topics: [] },
      creation: node,
      ...bindingOf(node, context),
    };
    for (const { method, call } of methodCalls(instance, context)) {
      const role = ROLE_OF_METHOD[method];
      if (!role) continue;
      const options = call.arguments[0] ? context.values.resolve(call.arguments[0], context.module) : undefined;
      const facts: ClientFacts = {
        kind: 'client',
        role,
        library: kafka.library,
        file: context.file,
        location: locationOfNode(context.file, call),
        settings: [...settingsFromOptions(kafkaOptions, OPTION_KEYS), ...settingsFromOptions(options, OPTION_KEYS)],
        topics: [],
        label: `kafkajs ${role} created at ${context.file}:${call.loc.start.line}`,
      };
      result.clients.push({ facts, creation: call, ...bindingOf(call as WithParent, context) });
    }
  });
  return result;
}
