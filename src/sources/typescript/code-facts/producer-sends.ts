// Produce calls on a detected producer — kafkajs and the KafkaJS API of @confluentinc/kafka-javascript
// (`send`, `sendBatch`), node-rdkafka and the CKJS callback API (`produce`), @platformatic/kafka (`send`) — and
// what the code around each one does: repeats it in a loop, waits for it, carries one message or many, observes
// its failure, compresses with a codec.

import type { TSESTree } from '@typescript-eslint/types';
import type { SendFacts } from '../../../model/types.js';
import { methodCalls, type MethodCall } from '../client-uses.js';
import type { CodeContext, DetectedClient } from '../code-context.js';
import { locationOfNode, type Node } from '../parse-module.js';
import type { StaticValue } from '../values.js';
import { compressionTypeName } from './codecs.js';
import { isFunction, isOwnNode, loopAround, parentOf, type FunctionNode } from './enclosing.js';
import { fateOfPromise, isAwaitedDirectly } from './promise-handling.js';

const SEND_METHODS = new Set(['send', 'sendBatch', 'produce']);

/** An array literal of exactly one element, with no spread of something we cannot see into. */
function isOneElementArray(value: StaticValue | undefined): boolean {
  return value?.kind === 'array' && !value.partial && value.elements.length === 1;
}

/** `send({ messages: [{ value }] })`, or `sendBatch({ topicMessages: [{ topic, messages: [{ value }] }] })`. */
function carriesOneMessage(method: string, options: StaticValue | undefined, context: CodeContext): boolean {
  if (method === 'produce') return true; // node-rdkafka produce(topic, partition, value, …) takes one message
  if (method === 'send') return isOneElementArray(context.values.property(options, 'messages')?.value);
  const topicMessages = context.values.property(options, 'topicMessages')?.value;
  return topicMessages?.kind === 'array' && isOneElementArray(topicMessages) && isOneElementArray(context.values.property(topicMessages.elements[0], 'messages')?.value);
}

/** Whether a callback reads its first parameter (the error of a delivery report). Unknown callbacks count as reading. */
function readsFirstParameter(callback: Node | undefined, context: CodeContext): boolean {
  if (!callback) return false;
  let fn: FunctionNode | undefined = isFunction(callback) ? callback : undefined;
  if (!fn) {
    const value = context.values.resolve(callback, context.module);
    if (value.kind !== 'function') return true; // a handler we cannot see into
    if (value.module !== context.module) return true;
    fn = value.function;
  }
  const first = fn.params[0];
  if (!first) return false;
  if (first.type !== 'Identifier') return first.type === 'ObjectPattern' || first.type === 'AssignmentPattern';
  const variable = context.module.declaredVariable(first);
  return variable?.references.some((reference) => reference.isRead()) ?? true;
}

/**
 * node-rdkafka reports a failed delivery only as a `'delivery-report'` event, and only when the producer was created
 * with `dr_cb`/`dr_msg_cb` and something calls `poll()`/`setPollInterval()` (node-rdkafka README, "Producer"). A
 * HighLevelProducer sets `dr_cb` and polls itself and hands the error to the callback given to `produce`.
 */
function deliveryReportsRead(client: DetectedClient, calls: MethodCall[], context: CodeContext): boolean {
  const creation = client.creation;
  const isHighLevel = creation.type === 'NewExpression' && context.imports.exportOf(creation.callee)?.exported.endsWith('HighLevelProducer');
  if (isHighLevel) return false; // only per-call callbacks deliver errors to the code
  const conf = creation.type === 'NewExpression' && creation.arguments[0] ? context.values.resolve(creation.arguments[0], context.module) : undefined;
  const reportsEnabled =
    conf?.kind !== 'object' ||
    conf.partial ||
    ['dr_cb', 'dr_msg_cb'].some((key) => {
      const value = context.values.property(conf, key)?.value;
      return value !== undefined && !(value.kind === 'literal' && !value.value);
    });
  const polled = calls.some(({ method }) => method === 'poll' || method === 'setPollInterval');
  const listenerReadsError = calls.some(({ method, call }) => {
    if (method !== 'on' && method !== 'once' && method !== 'addListener' && method !== 'prependListener') return false;
    const event = call.arguments[0] ? context.values.resolve(call.arguments[0], context.module) : undefined;
    return event?.kind === 'literal' && event.value === 'delivery-report' && readsFirstParameter(call.arguments[1], context);
  });
  return reportsEnabled && polled && listenerReadsError;
}

/** `produce(topic, partition, value, key, timestamp, callback)`: the HighLevelProducer's per-message callback. */
function produceCallback(call: TSESTree.CallExpression, context: CodeContext): Node | undefined {
  const candidate = call.arguments[5];
  if (!candidate) return undefined;
  if (isFunction(candidate)) return candidate;
  return context.values.resolve(candidate, context.module).kind === 'function' ? candidate : undefined;
}

/** The body a loop statement repeats. */
function loopBody(loop: Node): Node | undefined {
  return loop.type === 'ForStatement' || loop.type === 'ForOfStatement' || loop.type === 'ForInStatement' || loop.type === 'WhileStatement' || loop.type === 'DoWhileStatement' ? loop.body : undefined;
}

/**
 * A loop that repeats the same send until it succeeds, not one send per record: it leaves right after the send
 * (`await producer.send(…); break` / `return`), or its condition tests a flag the body sets after the send
 * (`while (!sent) { …; sent = true }`).
 */
function isRetryLoop(loop: Node, call: Node, context: CodeContext): boolean {
  const body = loopBody(loop);
  if (!body) return false;
  const after = call.range[1];
  let leaves = false;
  const assignedAfter = new Set<string>();
  context.module.walk(body, (node) => {
    if (node.range[1] < after || !isOwnNode(body, node)) return;
    if (node.type === 'ReturnStatement') leaves = true; // also `return await producer.send(…)` itself
    if (node.range[0] < after) return;
    // A break that targets this loop: unlabelled and not inside a nested loop or switch, or labelled (rare; accepted).
    if (node.type === 'BreakStatement' && (node.label || !insideNestedBreakTarget(node, body))) leaves = true;
    if (node.type === 'AssignmentExpression' && node.left.type === 'Identifier') assignedAfter.add(node.left.name);
  });
  if (leaves) return true;
  const test = loop.type === 'WhileStatement' || loop.type === 'DoWhileStatement' || loop.type === 'ForStatement' ? loop.test : null;
  if (!test || assignedAfter.size === 0) return false;
  let testsFlag = false;
  context.module.walk(test, (node) => {
    if (node.type === 'Identifier' && assignedAfter.has(node.name)) testsFlag = true;
  });
  return testsFlag;
}

function insideNestedBreakTarget(node: Node, body: Node): boolean {
  for (let current = parentOf(node); current && current !== body; current = parentOf(current)) {
    if (current.type === 'SwitchStatement' || loopBody(current) !== undefined) return true;
  }
  return false;
}

function sendFacts(method: string, call: TSESTree.CallExpression, deliveryObserved: () => boolean, context: CodeContext): SendFacts {
  const options = method === 'produce' || !call.arguments[0] ? undefined : context.values.resolve(call.arguments[0], context.module);
  const loop = loopAround(call);
  let failureObserved: boolean;
  if (method === 'produce') {
    const callback = produceCallback(call, context);
    failureObserved = callback ? readsFirstParameter(callback, context) : deliveryObserved();
  } else {
    failureObserved = fateOfPromise(call, context) === 'observed';
  }
  const facts: SendFacts = {
    location: locationOfNode(context.file, call),
    method,
    inLoop: loop !== undefined,
    // A `.forEach`/`.map` callback does not wait for the previous element: only loop statements serialise awaits.
    awaitedInLoop: loop !== undefined && loop.kind !== 'callback' && method !== 'produce' && isAwaitedDirectly(call) && !isRetryLoop(loop.node, call, context),
    singleMessage: carriesOneMessage(method, options, context),
    failureObserved,
  };
  const compression = compressionTypeName(context.values.property(options, 'compression')?.value, context);
  if (compression) facts.compression = compression;
  return facts;
}

export function analyseSends(client: DetectedClient, context: CodeContext): SendFacts[] {
  if (client.facts.role !== 'producer') return [];
  const calls = methodCalls(client, context);
  let delivery: boolean | undefined;
  const deliveryObserved = () => (delivery ??= deliveryReportsRead(client, calls, context));
  return calls.filter(({ method }) => SEND_METHODS.has(method)).map(({ method, call }) => sendFacts(method, call, deliveryObserved, context));
}
