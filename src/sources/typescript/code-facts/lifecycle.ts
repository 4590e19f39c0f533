// How a client lives and ends: whether a disconnect/flush/close runs at shutdown or when the code's work is done,
// whether the client is created anew per request, per message or per loop iteration, and (for producers and admin
// clients) whether a `connect()` promise is left for nobody.
//
// What counts as shutdown (documented on rules/client-not-closed-on-shutdown.md):
// - a function registered with `process.on/once/addListener/prependListener` for SIGTERM, SIGINT, SIGHUP, SIGQUIT,
//   SIGUSR2 or `beforeExit` (an event name we cannot resolve counts; `exit`, `uncaughtException` and
//   `unhandledRejection` do not: `exit` cannot wait for a disconnect, the others are crashes, not shutdowns);
// - fastify `addHook('onClose' | 'preClose', fn)`; NestJS `onModuleDestroy`, `beforeApplicationShutdown`,
//   `onApplicationShutdown`; a function given to a call whose name says shutdown (`onShutdown`, `closeWithGrace`,
//   `exitHook`, `gracefulShutdown`, `afterAll`, …) or under an `onSignal`/`onShutdown`/`beforeShutdown` option;
// - a class or object method named close/disconnect/shutdown/stop/destroy/dispose/teardown/end, and an exported
//   function with such a name: the owner of the wrapper decides when to call it;
// - a function that one of the above calls, up to three calls deep within the module.

import type { TSESTree } from '@typescript-eslint/types';
import type { CodeSite } from '../../../model/types.js';
import { bindingOf, clientReferences, methodCalls } from '../client-uses.js';
import type { CodeContext, DetectedClient } from '../code-context.js';
import { locationOfNode, type Node } from '../parse-module.js';
import { memberPath, propertyKeyName } from '../values.js';
import {
  calleeName,
  calleePath,
  callTakingArgument,
  contains,
  enclosingFunction,
  enclosingFunctions,
  isFunction,
  isTransparentWrapper,
  loopAround,
  parentOf,
  type FunctionNode,
  type LoopKind,
} from './enclosing.js';
import { fateOfPromise } from './promise-handling.js';

const CLOSE_METHODS = new Set(['disconnect', 'close', 'flush']);
const SHUTDOWN_EVENTS = new Set(['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGQUIT', 'SIGUSR2', 'beforeExit']);
const PROCESS_LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);
const NEST_SHUTDOWN_HOOKS = new Set(['onModuleDestroy', 'beforeApplicationShutdown', 'onApplicationShutdown']);
/** Methods through which the owner of a wrapper object closes it. */
const OWNER_CLOSE_NAME = /^(close|disconnect|shutdown|stop|destroy|dispose|teardown|end|quit)([A-Z]\w*)?$/;
/** Functions that take a callback to run when the process or the test suite ends. */
const SHUTDOWN_HELPER_NAME = /shutdown|exithook|^onexit$|closewithgrace|terminus|teardown|^after(all|each)?$|^ondestroy$/i;
const SHUTDOWN_OPTION_NAMES = new Set(['onSignal', 'onShutdown', 'beforeShutdown', 'onClose']);
const FASTIFY_CLOSE_HOOKS = new Set(['onClose', 'preClose']);
const MAX_CALL_DEPTH = 3;

const isCallTo = (node: Node | undefined, callee: Node): node is TSESTree.CallExpression => node?.type === 'CallExpression' && node.callee === callee;

/** The name a function is known by: its declaration, the const it initialises, the method or property it is. */
function nameOf(fn: FunctionNode): { name: string; kind: 'variable' | 'member' } | undefined {
  if (fn.type === 'FunctionDeclaration' && fn.id) return { name: fn.id.name, kind: 'variable' };
  const parent = parentOf(fn);
  if (parent?.type === 'VariableDeclarator' && parent.init === fn && parent.id.type === 'Identifier') return { name: parent.id.name, kind: 'variable' };
  if ((parent?.type === 'MethodDefinition' || parent?.type === 'PropertyDefinition' || parent?.type === 'Property') && parent.value === fn) {
    const name = parent.type === 'Property' ? propertyKeyName(parent) : parent.key.type === 'Identifier' ? parent.key.name : undefined;
    return name ? { name, kind: 'member' } : undefined;
  }
  return undefined;
}

function isExportedDeclaration(fn: FunctionNode): boolean {
  let node: Node | undefined = fn;
  if (fn.type !== 'FunctionDeclaration') node = parentOf(parentOf(fn) ?? fn); // declarator → declaration
  const parent = node ? parentOf(node) : undefined;
  return parent?.type === 'ExportNamedDeclaration' || parent?.type === 'ExportDefaultDeclaration';
}

export class ShutdownReachability {
  constructor(private readonly context: CodeContext) {}

  /** Whether the process-level event a listener is registered for is a shutdown signal. */
  private isShutdownEvent(event: Node | undefined): boolean {
    if (!event) return false;
    const value = this.context.values.resolve(event, this.context.module);
    if (value.kind === 'literal') return typeof value.value === 'string' && SHUTDOWN_EVENTS.has(value.value);
    // `['SIGINT', 'SIGTERM'].forEach((signal) => process.on(signal, …))`: the names are the iterated array's.
    if (event.type === 'Identifier') {
      const variable = this.context.module.variableOf(event);
      const parameter = variable?.defs[0]?.type === 'Parameter' ? variable.defs[0].node : undefined;
      const taker = parameter && isFunction(parameter as Node) ? callTakingArgument(parameter as Node) : undefined;
      if (taker?.call.callee.type === 'MemberExpression') {
        const iterated = this.context.values.resolve(taker.call.callee.object, this.context.module);
        if (iterated.kind === 'array' && !iterated.partial) {
          return iterated.elements.some((element) => element.kind === 'literal' && typeof element.value === 'string' && SHUTDOWN_EVENTS.has(element.value));
        }
      }
    }
    return true; // an event name only known at run time: we cannot tell, so we do not object
  }

  /** `process.on('SIGTERM', fn)`, `fastify.addHook('onClose', fn)`, `closeWithGrace(fn)`, `afterAll(fn)`. */
  private isShutdownRegistration(call: TSESTree.CallExpression | TSESTree.NewExpression, index: number): boolean {
    const name = calleeName(call);
    const path = calleePath(call);
    if (name && PROCESS_LISTENER_METHODS.has(name) && path?.startsWith('process.')) return index === 1 && this.isShutdownEvent(call.arguments[0]);
    if (name === 'addHook') {
      const hook = call.arguments[0];
      return index === 1 && hook?.type === 'Literal' && typeof hook.value === 'string' && FASTIFY_CLOSE_HOOKS.has(hook.value);
    }
    return name !== undefined && SHUTDOWN_HELPER_NAME.test(name);
  }

  /** A value (a function, a reference to one, a client) handed straight to shutdown machinery. */
  private isHandedToShutdown(value: Node): boolean {
    let node = value;
    let parent = parentOf(node);
    // `this.shutdown.bind(this)`
    if (parent?.type === 'MemberExpression' && parent.object === node && propertyKeyName(parent) === 'bind' && isCallTo(parentOf(parent), parent)) {
      node = parentOf(parent)!;
      parent = parentOf(node);
    }
    if (parent?.type === 'ArrayExpression') {
      node = parent;
      parent = parentOf(node);
    }
    const taker = callTakingArgument(node);
    if (taker && this.isShutdownRegistration(taker.call, taker.index)) return true;
    if (parent?.type === 'Property' && parent.value === node) {
      const key = propertyKeyName(parent);
      return key !== undefined && SHUTDOWN_OPTION_NAMES.has(key) && callTakingArgument(parentOf(parent)!) !== undefined;
    }
    return false;
  }

  /** A function that runs at shutdown by itself: registered as a handler, a lifecycle hook, or an owner's close method. */
  private isShutdownFunction(fn: FunctionNode): boolean {
    if (this.isHandedToShutdown(fn)) return true;
    const name = nameOf(fn);
    if (!name) return false;
    if (name.kind === 'member') return NEST_SHUTDOWN_HOOKS.has(name.name) || OWNER_CLOSE_NAME.test(name.name);
    return OWNER_CLOSE_NAME.test(name.name) && isExportedDeclaration(fn);
  }

  /** The expressions that use a named function: calls, references passed on. */
  private usesOf(fn: FunctionNode): Node[] {
    const name = nameOf(fn);
    if (!name) return [];
    if (name.kind === 'variable') {
      const identifier = fn.type === 'FunctionDeclaration' ? fn.id : ((parentOf(fn) as TSESTree.VariableDeclarator).id as TSESTree.Identifier);
      const variable = identifier ? this.context.module.declaredVariable(identifier) : undefined;
      return (variable?.references ?? []).filter((reference) => reference.isRead()).map((reference) => reference.identifier as Node);
    }
    const uses: Node[] = [];
    this.context.module.walk(this.context.module.ast, (node) => {
      if (node.type === 'MemberExpression' && propertyKeyName(node) === name.name && !contains(fn, node)) uses.push(node);
    });
    return uses;
  }

  /** Whether code at `node` runs during shutdown: inside a shutdown function, or a function such a function calls. */
  runsAtShutdown(node: Node, depth = 0): boolean {
    for (const fn of enclosingFunctions(node)) {
      if (this.isShutdownFunction(fn)) return true;
      if (depth >= MAX_CALL_DEPTH) continue;
      for (const use of this.usesOf(fn)) {
        if (this.isHandedToShutdown(use)) return true;
        const call = parentOf(use);
        if (isCallTo(call, use) && this.runsAtShutdown(call, depth + 1)) return true;
      }
    }
    return false;
  }

  /** A client (or a collection holding it) passed to a shutdown helper: `gracefulShutdown([producer, consumer])`. */
  isHandedToShutdownHelper(reference: Node): boolean {
    return this.isHandedToShutdown(reference);
  }
}

/** Whether the client is kept in a collection (`[producer, consumer]`, `clients.push(c)`, `{ producer }`). */
function isInCollection(reference: Node): boolean {
  const parent = parentOf(reference);
  if (parent?.type === 'ArrayExpression') return true;
  if (parent?.type === 'Property' && parent.value === reference) return true;
  const taker = callTakingArgument(reference);
  const name = taker ? calleeName(taker.call) : undefined;
  return name === 'push' || name === 'add' || name === 'set' || name === 'unshift';
}

function closeCallsOf(client: DetectedClient, context: CodeContext): TSESTree.CallExpression[] {
  return methodCalls(client, context).filter(({ method }) => CLOSE_METHODS.has(method)).map(({ call }) => call);
}

/** Any `x.disconnect()` / `x.close()` / `x.flush()` in the module, for clients closed through a collection. */
function anyCloseCalls(context: CodeContext): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  context.module.walk(context.module.ast, (node) => {
    if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression') {
      const name = propertyKeyName(node.callee);
      if (name && CLOSE_METHODS.has(name)) calls.push(node);
    }
  });
  return calls;
}

export function isClosedOnShutdown(client: DetectedClient, context: CodeContext, reachability = new ShutdownReachability(context)): boolean {
  if (closeCallsOf(client, context).some((call) => reachability.runsAtShutdown(call))) return true;
  const references = clientReferences(client, context);
  if (references.some((reference) => reachability.isHandedToShutdownHelper(reference))) return true;
  // `process.on('SIGTERM', producer.disconnect)`: the close method itself handed over as the handler.
  const closeMethodValues = references.map(parentOf).filter((member): member is TSESTree.MemberExpression => {
    const name = member?.type === 'MemberExpression' ? propertyKeyName(member) : undefined;
    return name !== undefined && CLOSE_METHODS.has(name) && !isCallTo(parentOf(member!), member!);
  });
  if (closeMethodValues.some((member) => reachability.isHandedToShutdownHelper(member))) return true;
  if (references.some(isInCollection)) return anyCloseCalls(context).some((call) => reachability.runsAtShutdown(call));
  return false;
}

/** Inside a `catch` clause, or in a function given to `.catch(…)`, `.then(_, …)` or an event listener. */
function isOnErrorPath(node: Node, within: Node | undefined): boolean {
  for (let current = parentOf(node); current && current !== within; current = parentOf(current)) {
    if (current.type === 'CatchClause') return true;
    if (isFunction(current)) {
      const taker = callTakingArgument(current);
      const name = taker ? calleeName(taker.call) : undefined;
      if (name === 'catch' || (name === 'then' && taker?.index === 1) || name === 'on' || name === 'once') return true;
    }
  }
  return false;
}

/** A close call in the same function as the creation or a `connect()`, on the normal path: the work is done. */
export function closedAfterUse(client: DetectedClient, context: CodeContext): CodeSite | undefined {
  const calls = methodCalls(client, context);
  const flows = new Set<Node | undefined>([enclosingFunction(client.creation)]);
  for (const { method, call } of calls) if (method === 'connect') flows.add(enclosingFunction(call));
  for (const { method, call } of calls) {
    if (!CLOSE_METHODS.has(method)) continue;
    const fn = enclosingFunction(call);
    if (flows.has(fn) && !isOnErrorPath(call, fn)) return { location: locationOfNode(context.file, call), description: `${method}()` };
  }
  return undefined;
}

// ---- created per request -------------------------------------------------------------------------------------

const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'head', 'options', 'use']);
const ROUTER_NAME = /^(app|application|router|routes?|server|fastify|instance|api|express|koa|hono|r|v\d+)$/i;
const REQUEST_PARAMETER = /^(req|request)$/;
const RESPONSE_PARAMETER = /^(res|response|reply)$/;
const NEXT_ROUTE_EXPORTS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
const NEST_ROUTE_DECORATORS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'All', 'Head', 'Options', 'MessagePattern', 'EventPattern']);
const MESSAGE_HANDLER_PROPERTIES = new Set(['eachMessage', 'eachBatch']);
const MESSAGE_EVENTS = new Set(['data', 'message']);

const parameterName = (parameter: TSESTree.Parameter | undefined): string | undefined => {
  if (parameter?.type === 'Identifier') return parameter.name;
  if (parameter?.type === 'AssignmentPattern' && parameter.left.type === 'Identifier') return parameter.left.name;
  return undefined;
};

/** `app.post('/x', fn)`, `fastify.route({ handler })`, `(req, res) => …`, Next.js `export function POST`, NestJS `@Post()`. */
function requestHandlerCall(fn: FunctionNode): string | undefined {
  const taker = callTakingArgument(fn);
  if (taker?.call.type === 'CallExpression' && taker.call.callee.type === 'MemberExpression') {
    const method = calleeName(taker.call);
    const router = memberPath(taker.call.callee.object)?.split('.').pop();
    const looksLikeRequest = REQUEST_PARAMETER.test(parameterName(fn.params[0]) ?? '') || fn.params.length >= 2;
    if (method && ROUTE_METHODS.has(method) && (taker.index > 0 || method === 'use') && (ROUTER_NAME.test(router ?? '') || looksLikeRequest)) {
      return `${memberPath(taker.call.callee) ?? method}(…)`;
    }
  }
  const parent = parentOf(fn);
  if (parent?.type === 'Property' && propertyKeyName(parent) === 'handler') {
    const options = parentOf(parent);
    const taker2 = options ? callTakingArgument(options) : undefined;
    if (taker2 && calleeName(taker2.call) === 'route') return `${calleePath(taker2.call) ?? 'route'}(…)`;
  }
  if (REQUEST_PARAMETER.test(parameterName(fn.params[0]) ?? '') && RESPONSE_PARAMETER.test(parameterName(fn.params[1]) ?? '')) return 'a (req, res) handler';
  if (fn.type === 'FunctionDeclaration' && fn.id && NEXT_ROUTE_EXPORTS.has(fn.id.name) && parentOf(fn)?.type === 'ExportNamedDeclaration') return `route handler ${fn.id.name}`;
  if (parent?.type === 'MethodDefinition' && parent.value === fn) {
    const decorator = parent.decorators?.find((entry) => entry.expression.type === 'CallExpression' && entry.expression.callee.type === 'Identifier' && NEST_ROUTE_DECORATORS.has(entry.expression.callee.name));
    if (decorator) return `@${((decorator.expression as TSESTree.CallExpression).callee as TSESTree.Identifier).name}() handler`;
  }
  return undefined;
}

/** `run({ eachMessage })`, `run({ eachBatch })`, `consumer.on('data', fn)`, node-rdkafka `consume(n, cb)`. */
function messageHandlerName(fn: FunctionNode): string | undefined {
  const parent = parentOf(fn);
  if (parent?.type === 'Property' && parent.value === fn) {
    const key = propertyKeyName(parent);
    if (key && MESSAGE_HANDLER_PROPERTIES.has(key)) return key;
  }
  const taker = callTakingArgument(fn);
  if (taker?.call.type !== 'CallExpression' || taker.call.callee.type !== 'MemberExpression') return undefined;
  const method = calleeName(taker.call);
  const event = taker.call.arguments[0];
  if ((method === 'on' || method === 'once') && taker.index === 1 && event?.type === 'Literal' && MESSAGE_EVENTS.has(String(event.value))) return `on('${String(event.value)}')`;
  if (method === 'consume' && taker.index > 0) return 'consume() callback';
  return undefined;
}

const LOOP_WORDS: Record<LoopKind, string> = {
  for: 'a for loop',
  'for-of': 'a for…of loop',
  'for-await': 'a for await…of loop',
  'for-in': 'a for…in loop',
  while: 'a while loop',
  'do-while': 'a do…while loop',
  callback: 'an array callback',
};

/** The expression whose value is the client: the creation, past `await` and type-only wrappers. */
function valueNode(creation: Node): Node {
  let node = creation;
  for (let parent = parentOf(node); parent && (parent.type === 'AwaitExpression' || isTransparentWrapper(parent)); parent = parentOf(node)) node = parent;
  return node;
}

/** Stored where it outlives the iteration: pushed, set, put in an array or object, assigned to a member, returned. */
function isKept(expression: Node): boolean {
  const parent = parentOf(expression);
  if (!parent) return false;
  if (parent.type === 'ArrayExpression' || parent.type === 'ReturnStatement' || parent.type === 'Property') return true;
  if (parent.type === 'ArrowFunctionExpression' && parent.body === expression) return true;
  if (parent.type === 'AssignmentExpression' && parent.right === expression && parent.left.type === 'MemberExpression') return true;
  const taker = callTakingArgument(expression);
  const name = taker ? calleeName(taker.call) : undefined;
  return name === 'push' || name === 'set' || name === 'add' || name === 'unshift';
}

/** A client created in a loop but kept for later (a startup loop over clusters) or bound to a variable outside it. */
function outlivesIteration(client: DetectedClient, loop: Node): boolean {
  const expression = valueNode(client.creation);
  if (isKept(expression)) return true;
  if (client.memberPath) return true;
  const variable = client.variable;
  if (!variable) return false;
  const declaration = variable.defs[0]?.name as Node | undefined;
  if (declaration && !contains(loop, declaration)) return true;
  return variable.references.some((reference) => reference.isRead() && isKept(reference.identifier as Node));
}

/** Names the test of an `if` checks: `if (!producer)`, `if (this.producer == null)`, `if (!cache.has(key))`. */
function guardsCreation(test: Node, names: Set<string>, context: CodeContext): boolean {
  let guards = false;
  context.module.walk(test, (node) => {
    if (guards) return;
    if (node.type === 'Identifier' || node.type === 'MemberExpression' || node.type === 'ThisExpression') {
      const path = memberPath(node);
      if (path !== undefined && names.has(path)) guards = true;
    }
    if (node.type === 'CallExpression' && calleeName(node) === 'has') guards = true;
  });
  return guards;
}

/** `producer ??= kafka.producer()`, or `if (!producer) producer = kafka.producer()`: created once, on first use. */
function isLazilyCreatedOnce(client: DetectedClient, handler: FunctionNode, context: CodeContext): boolean {
  const expression = valueNode(client.creation);
  const parent = parentOf(expression);
  if (parent?.type === 'AssignmentExpression' && (parent.operator === '??=' || parent.operator === '||=')) return true;
  const binding = bindingOf(client.creation, context);
  const names = new Set<string>();
  if (binding.memberPath) names.add(binding.memberPath);
  if (binding.variable) {
    const declaration = binding.variable.defs[0]?.name as Node | undefined;
    if (declaration && contains(handler, declaration)) return false; // a fresh local each call
    names.add(binding.variable.name);
  }
  for (let current = parentOf(expression); current && current !== handler; current = parentOf(current)) {
    if ((current.type === 'IfStatement' || current.type === 'ConditionalExpression') && guardsCreation(current.test, names, context)) return true;
    if (current.type === 'LogicalExpression' && (current.operator === '??' || current.operator === '||') && contains(current.right, expression)) return true;
  }
  return false;
}

export function createdPerRequest(client: DetectedClient, context: CodeContext): CodeSite | undefined {
  const site = (description: string): CodeSite => ({ location: locationOfNode(context.file, client.creation), description });
  for (const fn of enclosingFunctions(client.creation)) {
    const handler = requestHandlerCall(fn) ?? messageHandlerName(fn);
    if (handler && !isLazilyCreatedOnce(client, fn, context)) {
      return site(requestHandlerCall(fn) ? `created inside ${handler}, once per request` : `created inside ${handler}, once per message`);
    }
  }
  const loop = loopAround(client.creation);
  if (loop && !outlivesIteration(client, loop.node)) return site(`created inside ${LOOP_WORDS[loop.kind]}, once per iteration`);
  return undefined;
}

/** Libraries whose `connect()` returns a promise; node-rdkafka's takes a callback and reports through 'ready'. */
const PROMISE_CONNECT_LIBRARIES = new Set(['kafkajs', 'confluent-kafka-javascript', 'platformatic']);

/** `producer.connect()` / `admin.connect()` promises nobody awaits, returns or catches (consumers: see consumer analyses). */
export function unhandledConnectPromises(client: DetectedClient, context: CodeContext): CodeSite[] {
  if (client.facts.role !== 'producer' && client.facts.role !== 'admin') return [];
  if (!PROMISE_CONNECT_LIBRARIES.has(client.facts.library)) return [];
  return methodCalls(client, context)
    .filter(({ method, call }) => method === 'connect' && fateOfPromise(call, context) === 'floating')
    .map(({ call }) => ({ location: locationOfNode(context.file, call), description: `${memberPath(call.callee) ?? 'connect'}()` }));
}
