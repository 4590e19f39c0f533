// kafkajs, and the KafkaJS API of @confluentinc/kafka-javascript: `new Kafka({...})` wherever the code keeps it (a
// const, `this.kafka`, a class field, a chained call, an export another module imports), the clients it makes
// (`kafka.producer({...})`, `kafka.consumer({...})`, `kafka.admin()`), and the calls on those clients whose options
// are Kafka facts: `subscribe`, `run`, `send`, `sendBatch`, `transaction().send`, `createTopics`, `createAcls`.
// Option tables: kafkajs-options.ts (kafkajs) and confluent.ts (CKJS); admin calls: kafkajs-admin.ts.

import type { TSESTree } from '@typescript-eslint/types';
import { explicitSetting } from '../../../model/resolve.js';
import type { ClientFacts, Role, Setting, TopicReference } from '../../../model/types.js';
import { emptyFileFacts } from '../../../model/types.js';
import { bindingOf, methodCalls, type MethodCall } from '../client-uses.js';
import type { CodeContext, DetectedClient, DetectionResult } from '../code-context.js';
import { LibraryImports } from '../library-imports.js';
import { locationOfNode, type Node, type ParsedModule } from '../parse-module.js';
import { memberPath, propertyKeyName, type StaticValue } from '../values.js';
import { CONFLUENT_DIALECT } from './confluent.js';
import { aclsFromCreateAcls, topicsFromCreateTopics } from './kafkajs-admin.js';
import { KAFKAJS_DIALECT, lookupOption, settingsFromTable, type KafkaJsDialect, type OptionLookup, type OptionTable } from './kafkajs-options.js';

/** A `new Kafka(options)`: which library's, and its options. */
interface KafkaInstance {
  dialect: KafkaJsDialect;
  options: StaticValue | undefined;
}

const FACTORIES = new Map<string, Role>([
  ['producer', 'producer'],
  ['consumer', 'consumer'],
  ['admin', 'admin'],
]);

type WithParent = Node & { parent?: Node };

/**
 * Whether the object a variable holds gains keys after its declaration: `options.ssl = true` (at any depth),
 * `delete options.sasl`, `Object.assign(options, extra)`. Code often builds client options that way, so keys the
 * literal lacks may still be set at run time.
 */
function changedAfterDeclaration(argument: Node, module: ParsedModule): boolean {
  if (argument.type !== 'Identifier') return false;
  const variable = module.variableOf(argument);
  return (variable?.references ?? []).some((reference) => {
    const identifier = reference.identifier as WithParent;
    let target: WithParent = identifier;
    while (target.parent?.type === 'MemberExpression' && target.parent.object === target) target = target.parent;
    const holder = target.parent;
    if (target !== identifier && holder?.type === 'AssignmentExpression' && holder.left === target) return true;
    if (target !== identifier && holder?.type === 'UnaryExpression' && holder.operator === 'delete') return true;
    const call = identifier.parent;
    return call?.type === 'CallExpression' && call.arguments[0] === identifier && memberPath(call.callee) === 'Object.assign';
  });
}

function argumentValue(call: TSESTree.CallExpression | TSESTree.NewExpression, module: ParsedModule, context: CodeContext): StaticValue | undefined {
  const argument = call.arguments[0];
  if (!argument) return undefined;
  if (argument.type === 'SpreadElement') return { kind: 'unknown', reason: 'spread arguments', node: argument, file: module.file };
  const value = context.values.resolve(argument, module);
  return value.kind === 'object' && changedAfterDeclaration(argument, module) ? { ...value, partial: true } : value;
}

/** The Kafka instance a `new X(…)` creates, when `X` is kafkajs's `Kafka` or CKJS's `KafkaJS.Kafka`. */
function kafkaInstanceAt(node: Node, module: ParsedModule, imports: LibraryImports, context: CodeContext): KafkaInstance | undefined {
  if (node.type !== 'NewExpression') return undefined;
  const source = imports.exportOf(node.callee);
  let dialect: KafkaJsDialect | undefined;
  if (source?.library === 'kafkajs' && source.exported === 'Kafka') dialect = KAFKAJS_DIALECT;
  if (source?.library === '@confluentinc/kafka-javascript' && source.exported === 'KafkaJS.Kafka') dialect = CONFLUENT_DIALECT;
  return dialect ? { dialect, options: argumentValue(node, module, context) } : undefined;
}

/** A Kafka instance another module creates and exports (`import { kafka } from './kafka'`). */
function importedInstance(expression: Node, context: CodeContext): KafkaInstance | undefined {
  const target = context.values.resolve(expression, context.module);
  if (target.file === context.file || target.node.type !== 'NewExpression') return undefined;
  const module = context.project.parsed(target.file);
  return module ? kafkaInstanceAt(target.node, module, new LibraryImports(module), context) : undefined;
}

/** Method calls on what an expression evaluates to, through the variable or member path that keeps it. */
function callsOnResultOf(expression: Node, context: CodeContext): MethodCall[] {
  // methodCalls reads only where the value is created and kept, not the facts of a client.
  const holder = { creation: expression, ...bindingOf(expression, context) } as DetectedClient;
  return methodCalls(holder, context);
}

function topicReferences(found: OptionLookup): TopicReference[] {
  if (found.kind !== 'set') return [];
  const { property } = found;
  const named = (value: StaticValue): value is Extract<StaticValue, { kind: 'literal' }> =>
    value.kind === 'literal' && typeof value.value === 'string' && value.value.trim() !== '';
  // Regular expressions (`topic: /orders\..*/`) resolve to unknown and name no topic.
  if (named(property.value)) return [{ name: String(property.value.value), location: locationOfNode(property.file, property.node) }];
  if (property.value.kind !== 'array') return [];
  return property.value.elements.filter(named).map((element) => ({ name: String(element.value), location: locationOfNode(element.file, element.node) }));
}

/** Options of `send`/`sendBatch`: the topics written, and the settings the library takes per call. */
function readSend(client: ClientFacts, dialect: KafkaJsDialect, { method, call }: MethodCall, context: CodeContext): void {
  const options = argumentValue(call, context.module, context);
  if (method === 'send') client.topics.push(...topicReferences(lookupOption(options, ['topic'])));
  else {
    const batches = lookupOption(options, ['topicMessages']);
    if (batches.kind === 'set' && batches.property.value.kind === 'array') {
      for (const batch of batches.property.value.elements) client.topics.push(...topicReferences(lookupOption(batch, ['topic'])));
    }
  }
  if (dialect.callOptions.send) client.settings.push(...settingsFromTable(options, dialect.callOptions.send, { call: method, nesting: [] }));
}

/** What the calls on a client add to the model: topics, per-call settings, declared topics and ACLs. */
function readClientCalls(client: DetectedClient, dialect: KafkaJsDialect, context: CodeContext, result: DetectionResult): void {
  const facts = client.facts;
  let sends = 0;
  for (const use of methodCalls(client, context)) {
    const { method, call } = use;
    if (facts.role === 'consumer' && method === 'subscribe') {
      const options = argumentValue(call, context.module, context);
      facts.topics.push(...topicReferences(lookupOption(options, ['topic'])), ...topicReferences(lookupOption(options, ['topics'])));
      if (dialect.callOptions.subscribe) facts.settings.push(...settingsFromTable(options, dialect.callOptions.subscribe, { call: method, nesting: [] }));
    } else if (facts.role === 'consumer' && method === 'run' && dialect.callOptions.run) {
      facts.settings.push(...settingsFromTable(argumentValue(call, context.module, context), dialect.callOptions.run, { call: method, nesting: [] }));
    } else if (facts.role === 'producer' && (method === 'send' || method === 'sendBatch')) {
      readSend(facts, dialect, use, context);
      sends++;
    } else if (facts.role === 'producer' && method === 'transaction') {
      for (const inner of callsOnResultOf(call, context)) {
        if (inner.method === 'send' || inner.method === 'sendBatch') readSend(facts, dialect, inner, context);
      }
      sends++;
    } else if (facts.role === 'admin' && method === 'createTopics') {
      result.facts.topics.push(...topicsFromCreateTopics(argumentValue(call, context.module, context), context.file, call.loc.start.line));
    } else if (facts.role === 'admin' && method === 'createAcls') {
      result.facts.acls.push(...aclsFromCreateAcls(argumentValue(call, context.module, context)));
    }
  }
  if (facts.role === 'producer' && sends === 0 && dialect.callOptions.send) facts.settings.push(...sendsElsewhere(facts, dialect.callOptions.send));
}

/**
 * A kafkajs producer whose sends this module does not show (it is returned, exported or handed to other code): the
 * per-send options are unknown, not the library defaults, so they become placeholders at the producer.
 */
function sendsElsewhere(facts: ClientFacts, table: OptionTable): Setting[] {
  const raw = '<set by sends elsewhere>';
  return Object.entries(table).map(([option, spec]) => ({
    key: spec.key,
    writtenAs: `send({ ${option} })`,
    value: raw,
    raw,
    location: facts.location,
    placeholder: true,
  }));
}

function clientFrom(instance: KafkaInstance, role: Role, call: TSESTree.CallExpression, context: CodeContext, result: DetectionResult): DetectedClient {
  const { dialect } = instance;
  const location = locationOfNode(context.file, call);
  const facts: ClientFacts = {
    kind: 'client',
    role,
    library: dialect.library,
    file: context.file,
    location,
    // The Kafka object's options first: the client's own options override them.
    settings: [...dialect.instanceSettings(instance.options, role), ...dialect.clientSettings(argumentValue(call, context.module, context), role)],
    topics: [],
    label: `${dialect.displayName} ${role} created at ${context.file}:${location.line}`,
  };
  const client: DetectedClient = { facts, creation: call, ...bindingOf(call, context) };
  readClientCalls(client, dialect, context, result);
  const groupId = explicitSetting(facts, 'group.id');
  if (groupId && !groupId.placeholder && typeof groupId.value === 'string' && groupId.value !== '') facts.groupId = groupId.value;
  return client;
}

/** The Kafka object itself as a client of unknown role: its connection and security options. */
function instanceClient(instance: KafkaInstance, node: Node, context: CodeContext): DetectedClient {
  const location = locationOfNode(context.file, node);
  const facts: ClientFacts = {
    kind: 'client',
    role: 'client',
    library: instance.dialect.library,
    file: context.file,
    location,
    settings: instance.dialect.instanceSettings(instance.options, 'client'),
    topics: [],
    label: `${instance.dialect.displayName} client created at ${context.file}:${location.line}`,
  };
  return { facts, creation: node, ...bindingOf(node, context) };
}

export function detectKafkajsClients(context: CodeContext): DetectionResult {
  const result: DetectionResult = { clients: [], facts: emptyFileFacts() };
  const claimed = new Set<Node>();
  const addClient = (instance: KafkaInstance, role: Role, call: TSESTree.CallExpression) => {
    if (claimed.has(call)) return;
    claimed.add(call);
    result.clients.push(clientFrom(instance, role, call, context, result));
  };
  // Kafka objects this module creates, and the clients made from them here.
  context.module.walk(context.module.ast, (node) => {
    const instance = kafkaInstanceAt(node, context.module, context.imports, context);
    if (!instance) return;
    let clientsMadeHere = 0;
    for (const { method, call } of callsOnResultOf(node, context)) {
      const role = FACTORIES.get(method);
      if (role) {
        addClient(instance, role, call);
        clientsMadeHere++;
      }
    }
    // A Kafka object whose clients are made elsewhere (it is exported, returned, injected) still carries settings
    // that can be wrong on their own — TLS verification off, a literal password: report them where they are written.
    if (clientsMadeHere === 0) result.clients.push(instanceClient(instance, node, context));
  });
  // Clients made here from a Kafka object another module of the repository creates.
  context.module.walk(context.module.ast, (node) => {
    if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression' || claimed.has(node)) return;
    const role = FACTORIES.get(propertyKeyName(node.callee) ?? '');
    const instance = role ? importedInstance(node.callee.object, context) : undefined;
    if (role && instance) addClient(instance, role, node);
  });
  return result;
}

