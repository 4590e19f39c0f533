// node-rdkafka and the callback API of @confluentinc/kafka-javascript (the node-rdkafka API it forked): clients are
// created with flat librdkafka configuration objects.
//
//   new Kafka.Producer(conf, topicConf?)            new Kafka.HighLevelProducer(conf, topicConf?)
//   new Kafka.KafkaConsumer(conf, topicConf?)       Kafka.AdminClient.create(conf)
//   Kafka.Producer.createWriteStream(conf, topicConf, { topic })
//   Kafka.KafkaConsumer.createReadStream(conf, topicConf, { topics })
//
// Keys are librdkafka's ('metadata.broker.list', 'request.required.acks', 'dr_cb'), canonicalised like a librdkafka
// config file; topic configuration ('auto.offset.reset', 'request.required.acks') belongs to the same client.
//
// Library: node-rdkafka clients are 'node-rdkafka'. The callback API of @confluentinc/kafka-javascript hands its
// configuration to librdkafka unchanged (lib/client.js only adds client.software.name/version), so librdkafka's
// defaults apply — not those of its KafkaJS layer (retries 5, murmur2_random, allow.auto.create.topics true, offsets
// stored after the handler), which 'confluent-kafka-javascript' stands for. Its clients are therefore 'librdkafka'.

import type { TSESTree } from '@typescript-eslint/types';
import { canonicalKey } from '../../../model/keys.js';
import { explicitSetting } from '../../../model/resolve.js';
import type { ClientFacts, Library, Role, Setting, TopicReference } from '../../../model/types.js';
import { emptyFileFacts } from '../../../model/types.js';
import { bindingOf, methodCalls } from '../client-uses.js';
import type { CodeContext, DetectedClient, DetectionResult } from '../code-context.js';
import { locationOfNode, type Node } from '../parse-module.js';
import { memberPath, type StaticValue } from '../values.js';
import { literalValue, settingFromProperty } from './kafkajs-options.js';
import { distinctTopics, topicsNamedBy, topicsOfProperty } from './option-values.js';

interface Creation {
  role: Role;
  /** Which arguments hold the global conf, the topic conf and the stream options. */
  conf: number;
  topicConf?: number;
  streamOptions?: number;
}

/** Exports that create a client with `new`. `Consumer` is the deprecated alias of `KafkaConsumer`. */
const CONSTRUCTORS: Record<string, Creation> = {
  Producer: { role: 'producer', conf: 0, topicConf: 1 },
  HighLevelProducer: { role: 'producer', conf: 0, topicConf: 1 },
  KafkaConsumer: { role: 'consumer', conf: 0, topicConf: 1 },
  Consumer: { role: 'consumer', conf: 0, topicConf: 1 },
};

/** Exports that create a client (or a stream around one) when called; both packages re-export the stream factories. */
const FACTORIES: Record<string, Creation> = {
  'Producer.createWriteStream': { role: 'producer', conf: 0, topicConf: 1, streamOptions: 2 },
  createWriteStream: { role: 'producer', conf: 0, topicConf: 1, streamOptions: 2 },
  'KafkaConsumer.createReadStream': { role: 'consumer', conf: 0, topicConf: 1, streamOptions: 2 },
  createReadStream: { role: 'consumer', conf: 0, topicConf: 1, streamOptions: 2 },
  'AdminClient.create': { role: 'admin', conf: 0 },
};

interface LibrdkafkaExport {
  library: Library;
  packageName: string;
  exported: string;
}

/** The export of node-rdkafka or of the callback API of @confluentinc/kafka-javascript an expression stands for. */
function librdkafkaExport(node: Node, context: CodeContext): LibrdkafkaExport | undefined {
  const source = context.imports.exportOf(node);
  if (source?.library === 'node-rdkafka') return { library: 'node-rdkafka', packageName: 'node-rdkafka', exported: source.exported };
  if (source?.library === '@confluentinc/kafka-javascript' && !source.exported.startsWith('KafkaJS')) {
    // The package spreads its callback API at the top level and also exports it as `RdKafka`.
    return { library: 'librdkafka', packageName: '@confluentinc/kafka-javascript', exported: source.exported.replace(/^RdKafka\./, '') };
  }
  return undefined;
}

const quoted = (key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? key : `'${key}'`);

/**
 * Settings of a flat librdkafka configuration object, each at its own property, written as the call spells it
 * (`new Kafka.KafkaConsumer({ 'group.id' })`, `new Kafka.KafkaConsumer(…, { 'auto.offset.reset' })` for the topic
 * conf). A value only run time knows is a placeholder. Callbacks (`rebalance_cb`, `dr_msg_cb` as functions) are code,
 * not settings, as for the flat keys of @confluentinc/kafka-javascript's KafkaJS API (confluent.ts).
 */
export function flatConfigSettings(value: StaticValue | undefined, call: string, position: 'conf' | 'topicConf'): Setting[] {
  if (value?.kind !== 'object') return [];
  const settings: Setting[] = [];
  for (const property of value.properties) {
    if (property.value.kind === 'function') continue;
    const key = canonicalKey(property.key);
    const written = position === 'conf' ? `${call}({ ${quoted(property.key)} })` : `${call}(…, { ${quoted(property.key)} })`;
    const setting = settingFromProperty(key, written, property, literalValue(key));
    if (setting) settings.push(setting);
  }
  return settings;
}

function creationOf(node: Node, context: CodeContext): { creation: Creation; source: LibrdkafkaExport; callee: Node; args: TSESTree.CallExpressionArgument[] } | undefined {
  if (node.type !== 'NewExpression' && node.type !== 'CallExpression') return undefined;
  const source = librdkafkaExport(node.callee, context);
  if (!source) return undefined;
  const creation = node.type === 'NewExpression' ? CONSTRUCTORS[source.exported] : FACTORIES[source.exported];
  return creation ? { creation, source, callee: node.callee, args: node.arguments } : undefined;
}

/** Topics named where the client is used: `subscribe([...])`, `assign([{ topic }])`, `produce(topic, …)`. */
function topicsOfUses(client: DetectedClient, context: CodeContext): TopicReference[] {
  const topics: TopicReference[] = [];
  for (const { method, call } of methodCalls(client, context)) {
    const argument = call.arguments[0];
    if (method === 'subscribe' || method === 'produce') topics.push(...topicsNamedBy(argument, context));
    if (method === 'assign' || method === 'incrementalAssign') {
      const assignment = argument ? context.values.resolve(argument, context.module) : undefined;
      for (const partition of assignment?.kind === 'array' ? assignment.elements : []) {
        topics.push(...topicsOfProperty(context.values.property(partition, 'topic'), context));
      }
    }
  }
  return topics;
}

export function detectNodeRdkafkaClients(context: CodeContext): DetectionResult {
  const result: DetectionResult = { clients: [], facts: emptyFileFacts() };
  context.module.walk(context.module.ast, (node) => {
    const found = creationOf(node, context);
    if (!found) return;
    const { creation, source, callee, args } = found;
    const argumentValue = (index: number | undefined) => (index !== undefined && args[index] ? context.values.resolve(args[index], context.module) : undefined);
    const call = `${node.type === 'NewExpression' ? 'new ' : ''}${memberPath(callee) ?? source.exported}`;
    const settings = [...flatConfigSettings(argumentValue(creation.conf), call, 'conf'), ...flatConfigSettings(argumentValue(creation.topicConf), call, 'topicConf')];
    const line = node.loc.start.line;
    const facts: ClientFacts = {
      kind: 'client',
      role: creation.role,
      library: source.library,
      file: context.file,
      location: locationOfNode(context.file, node),
      settings,
      topics: [],
      label: `${source.packageName} ${creation.role} created at ${context.file}:${line}`,
    };
    const groupId = explicitSetting(facts, 'group.id');
    if (groupId && !groupId.placeholder && typeof groupId.value === 'string') facts.groupId = groupId.value;
    const client: DetectedClient = { facts, creation: node, ...bindingOf(node, context) };
    const streamOptions = argumentValue(creation.streamOptions);
    facts.topics = distinctTopics([
      ...topicsOfProperty(context.values.property(streamOptions, creation.role === 'producer' ? 'topic' : 'topics'), context),
      ...topicsOfUses(client, context),
    ]);
    result.clients.push(client);
  });
  return result;
}
