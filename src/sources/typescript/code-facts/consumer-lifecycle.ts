// Whether anyone hears about a consumer that stops: a crash listener or automatic restart, an error listener, and
// start-up promises (`connect()`, `subscribe()`, `run()`, `consume()`) that somebody awaits or catches. Also where a
// client is handed to code we do not follow, which makes "no such call" facts incomplete.
//
//   kafkajs: on a non-retriable error the consumer stops and emits `consumer.events.CRASH` (docs/InstrumentationEvents.md);
//     `retry.restartOnFailure` decides whether it restarts (docs/Configuration.md).
//   KafkaJS API of @confluentinc/kafka-javascript: `retry.restartOnFailure` is always true and cannot be changed
//     (MIGRATION.md, common configuration table): the consumer always tries to restart.
//   node-rdkafka and the callback API of @confluentinc/kafka-javascript: errors are emitted as `event.error`
//     (node-rdkafka README); a read stream emits `error`.
//   @platformatic/kafka: a failing message stream is destroyed with the error; an `error` event nobody listens to is
//     thrown by Node and ends the process, so the failure is never silent.

import type { TSESTree } from '@typescript-eslint/types';
import type { CodeSite } from '../../../model/types.js';
import { clientReferences, methodCalls } from '../client-uses.js';
import type { CodeContext, DetectedClient } from '../code-context.js';
import { locationOfNode, type Node } from '../parse-module.js';
import { memberPath, type StaticValue } from '../values.js';
import { calleePath, parentOf } from './enclosing.js';
import { fateOfPromise } from './promise-handling.js';
import { callText } from './side-effects.js';

const LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);

/** Start-up calls whose promise rejects when the consumer cannot start (promise-based libraries only). */
const LIFECYCLE_METHODS = new Set(['connect', 'subscribe', 'run', 'consume']);

function eventName(argument: Node | undefined): string | undefined {
  if (!argument) return undefined;
  if (argument.type === 'Literal' && typeof argument.value === 'string') return argument.value;
  // `consumer.events.CRASH` (any receiver: the events map is the same object on every consumer), or `CRASH`
  // destructured from it.
  const path = memberPath(argument);
  if (path !== undefined && /(^|\.)CRASH$/.test(path)) return 'consumer.crash';
  return undefined;
}

function listensTo(client: DetectedClient, context: CodeContext, events: Set<string>): boolean {
  return methodCalls(client, context).some(({ method, call }) => LISTENER_METHODS.has(method) && events.has(eventName(call.arguments[0]) ?? ''));
}

/** `retry: { restartOnFailure }` in the options of `kafka.consumer({…})` or of the `new Kafka({…})` it comes from. */
function setsRestartOnFailure(client: DetectedClient, context: CodeContext): boolean {
  const sets = (options: StaticValue | undefined) => context.values.property(context.values.property(options, 'retry')?.value, 'restartOnFailure') !== undefined;
  const creation = client.creation;
  if (creation.type !== 'CallExpression') return false;
  if (creation.arguments[0] && sets(context.values.resolve(creation.arguments[0], context.module))) return true;
  if (creation.callee.type !== 'MemberExpression') return false;
  let kafka: Node | undefined = creation.callee.object;
  if (kafka.type === 'Identifier') {
    const definition = context.module.variableOf(kafka)?.defs[0];
    kafka = definition?.type === 'Variable' ? ((definition.node as TSESTree.VariableDeclarator).init ?? undefined) : undefined;
  }
  if (kafka?.type !== 'NewExpression' || !kafka.arguments[0]) return false;
  return sets(context.values.resolve(kafka.arguments[0], context.module));
}

/** Whether a consumer's stop or failure reaches someone (see the header for each library). */
export function consumerCrashObserved(client: DetectedClient, context: CodeContext): boolean {
  if (client.facts.role !== 'consumer') return false;
  switch (client.facts.library) {
    case 'kafkajs':
      return listensTo(client, context, new Set(['consumer.crash'])) || setsRestartOnFailure(client, context);
    case 'node-rdkafka':
    case 'librdkafka':
      return listensTo(client, context, new Set(['event.error', 'error']));
    case 'confluent-kafka-javascript':
    case 'platformatic':
      return true;
    default:
      return false;
  }
}

/** `process.on('unhandledRejection', …)` in the module: rejected start-up promises are reported there. */
function handlesUnhandledRejections(context: CodeContext): boolean {
  let found = false;
  context.module.walk(context.module.ast, (node) => {
    if (found || node.type !== 'CallExpression') return;
    const path = calleePath(node);
    const event = node.arguments[0];
    if ((path === 'process.on' || path === 'process.once') && event?.type === 'Literal' && event.value === 'unhandledRejection') found = true;
  });
  return found;
}

/** Start-up promises of a promise-based consumer that nobody awaits, returns or catches. */
export function consumerLifecyclePromises(client: DetectedClient, context: CodeContext): CodeSite[] {
  const library = client.facts.library;
  if (client.facts.role !== 'consumer' || (library !== 'kafkajs' && library !== 'confluent-kafka-javascript' && library !== 'platformatic')) return [];
  const floating = methodCalls(client, context).filter(({ method, call }) => LIFECYCLE_METHODS.has(method) && fateOfPromise(call, context) === 'floating');
  if (floating.length === 0 || handlesUnhandledRejections(context)) return [];
  return floating.map(({ call }) => ({ location: locationOfNode(context.file, call), description: callText(call) }));
}

/** Whether an expression that denotes the client hands it on: anything but a member access on it or its own binding. */
function handsOn(reference: Node, isCreation: boolean): boolean {
  let node = reference;
  for (let parent = parentOf(node); parent; node = parent, parent = parentOf(node)) {
    switch (parent.type) {
      case 'TSAsExpression':
      case 'TSNonNullExpression':
      case 'TSSatisfiesExpression':
      case 'ChainExpression':
      case 'AwaitExpression':
        continue;
      case 'MemberExpression':
        return parent.object !== node; // `consumer.on(…)` uses it; `x[consumer]` would hand it on
      case 'ExpressionStatement':
        return false;
      case 'VariableDeclarator':
        // The client's own binding (`const consumer = kafka.consumer()`) is fine unless it is exported; `const c = consumer` is an alias.
        if (!isCreation) return true;
        return parentOf(parentOf(parent) ?? parent)?.type === 'ExportNamedDeclaration';
      case 'AssignmentExpression':
        if (parent.left === node) return false;
        // `this.consumer = …` is the client's own binding; `module.exports = consumer` hands it on.
        return parent.left.type !== 'MemberExpression' || memberPath(parent.left)?.startsWith('this.') !== true;
      case 'PropertyDefinition':
        return false;
      default:
        return true; // an argument, a return value, an object or array element, an export specifier, …
    }
  }
  return false;
}

/** The first place the client leaves what this module's analysis can see. */
export function clientEscapesAt(client: DetectedClient, context: CodeContext): CodeSite | undefined {
  for (const reference of clientReferences(client, context)) {
    if (!handsOn(reference, reference === client.creation)) continue;
    const parent = parentOf(reference);
    const description = parent?.type === 'ExportSpecifier' || parent?.type === 'VariableDeclarator' ? 'exported' : 'handed to other code';
    return { location: locationOfNode(context.file, reference), description };
  }
  // A client kept in a class member may also be reached through the instance (`service.consumer`): accepted as local.
  return undefined;
}
