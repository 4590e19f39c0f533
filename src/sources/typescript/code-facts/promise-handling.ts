// What becomes of a promise the code creates (`producer.send(…)`, `producer.connect()`): does a failure reach code
// that acts on it, only a log line, or nobody? Followed as a reader would: through `.then/.catch/.finally` chains,
// `await` and enclosing `try`, `return` to the caller, `Promise.all`, and the callbacks of `.map`/`.forEach`.
// Where the promise goes somewhere we cannot follow (stored, passed to another function), it counts as observed:
// code rules must not guess against the author.

import type { TSESTree } from '@typescript-eslint/types';
import type { CodeContext } from '../code-context.js';
import type { Node } from '../parse-module.js';
import { memberPath, propertyKeyName } from '../values.js';
import { calleeName, calleePath, callTakingArgument, enclosingFunction, isFunction, isOwnNode, isTransparentWrapper, parentOf, type FunctionNode } from './enclosing.js';

/**
 * - `observed`: awaited or returned outside a logging catch, handed to other code, or caught by a handler that
 *   does more than log (rethrows, records, answers a request, exits).
 * - `logged`: caught by a `catch`/`.catch` that only logs or ignores the error.
 * - `floating`: nothing takes the promise; a rejection is an unhandled rejection.
 */
export type PromiseFate = 'observed' | 'logged' | 'floating';

const MAX_FOLLOW = 8;

const LOG_METHODS = new Set(['log', 'error', 'warn', 'warning', 'info', 'debug', 'trace', 'fatal', 'verbose', 'silly', 'dir', 'exception', 'notice']);
const LOG_FUNCTIONS = new Set(['log', 'debug', 'logError', 'logWarning', 'warn', 'error', 'noop']);

/** `console.error`, `logger.warn`, `this.logger.error`, `log.info`, `debug(…)` — a call that only writes a log line. */
function isLoggingCallee(callee: Node): boolean {
  if (callee.type === 'Identifier') return LOG_FUNCTIONS.has(callee.name);
  if (callee.type !== 'MemberExpression') return false;
  const method = propertyKeyName(callee);
  if (method === undefined || !LOG_METHODS.has(method)) return false;
  // `kafka.logger().error(…)`, `this.getLogger().warn(…)`: a logger handed out by a call.
  const owner = callee.object.type === 'CallExpression' ? calleeName(callee.object) : memberPath(callee.object)?.split('.').pop();
  return owner !== undefined && (owner === 'console' || /log(ger)?$/i.test(owner));
}

function isLoggingCall(node: Node): boolean {
  const call = node.type === 'AwaitExpression' ? node.argument : node;
  return call.type === 'CallExpression' && isLoggingCallee(call.callee);
}

/** `undefined` and `void 0`: no value at all. (`null`, `false` or the error itself may tell the caller it failed.) */
function isInert(node: Node): boolean {
  return (node.type === 'Identifier' && node.name === 'undefined') || (node.type === 'UnaryExpression' && node.operator === 'void' && node.argument.type === 'Literal');
}

/** A block or expression body that only logs, returns nothing, or is empty. */
function onlyLogs(body: Node): boolean {
  if (body.type !== 'BlockStatement') return isLoggingCall(body) || isInert(body);
  return body.body.every((statement) => {
    if (statement.type === 'EmptyStatement') return true;
    if (statement.type === 'ExpressionStatement') return isLoggingCall(statement.expression);
    if (statement.type === 'ReturnStatement') return !statement.argument || isInert(statement.argument);
    return false;
  });
}

/** A `throw` (or `return Promise.reject(…)`) that runs as part of this body, not in a function nested in it. */
function rethrows(body: Node, context: CodeContext): boolean {
  let found = false;
  context.module.walk(body, (node) => {
    if (found || !isOwnNode(body, node)) return;
    if (node.type === 'ThrowStatement') found = true;
    if (node.type === 'ReturnStatement' && node.argument?.type === 'CallExpression' && calleePath(node.argument) === 'Promise.reject') found = true;
  });
  return found;
}

type HandlerVerdict = 'rethrows' | 'logs' | 'handles';

/** What a rejection handler does: a function literal, a local function, `console.error`, or something unknown. */
function judgeHandler(handler: Node | undefined, context: CodeContext): HandlerVerdict {
  if (!handler) return 'rethrows'; // `.catch()` without a handler passes the rejection on
  if (handler.type === 'MemberExpression' || handler.type === 'Identifier') {
    if (isLoggingCallee(handler)) return 'logs';
    const value = context.values.resolve(handler, context.module);
    if (value.kind === 'function' && value.module === context.module) return judgeFunction(value.function, context);
    return 'handles';
  }
  if (isFunction(handler)) return judgeFunction(handler, context);
  return 'handles';
}

function judgeFunction(handler: FunctionNode, context: CodeContext): HandlerVerdict {
  if (rethrows(handler.body, context)) return 'rethrows';
  return onlyLogs(handler.body) ? 'logs' : 'handles';
}

/**
 * What happens to a rejection raised at an `await`: the nearest enclosing `try` of the same function whose catch does
 * not rethrow decides; without one, the rejection becomes the function's own.
 */
function fateOfAwait(awaitNode: Node, context: CodeContext, depth: number): PromiseFate {
  let child = awaitNode;
  for (let current = parentOf(awaitNode); current; child = current, current = parentOf(current)) {
    if (isFunction(current)) return fateOfFunctionResult(current, context, depth);
    if (current.type === 'TryStatement' && child === current.block && current.handler) {
      if (rethrows(current.handler.body, context)) continue;
      return onlyLogs(current.handler.body) ? 'logged' : 'observed';
    }
  }
  return 'observed'; // a top-level await: a rejection ends the module's evaluation
}

/** Callbacks whose result nobody reads: timers, `queueMicrotask`, `process.nextTick`. */
const RESULT_DROPPING_CALLS = new Set(['setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'process.nextTick']);

/** What happens to the result (the promise) of a function: what its caller does with it, when we can see the caller. */
function fateOfFunctionResult(fn: FunctionNode, context: CodeContext, depth: number): PromiseFate {
  const taker = callTakingArgument(fn);
  if (!taker) return 'observed'; // a named function or method: its callers take the promise
  const method = calleeName(taker.call);
  const path = calleePath(taker.call);
  if (taker.call.callee.type === 'MemberExpression' && method === 'forEach') return 'floating';
  if (path !== undefined && RESULT_DROPPING_CALLS.has(path)) return 'floating';
  if (taker.call.callee.type === 'MemberExpression' && (method === 'map' || method === 'flatMap') && taker.index === 0) {
    return fateOfPromise(taker.call, context, depth + 1); // the promises are the mapped array's elements
  }
  return 'observed';
}

const COMBINATORS_THAT_REJECT = new Set(['Promise.all', 'Promise.race', 'Promise.any']);

/** Follow a promise-valued expression outwards until something takes it (or nothing does). */
export function fateOfPromise(expression: Node, context: CodeContext, depth = 0): PromiseFate {
  if (depth > MAX_FOLLOW) return 'observed';
  let node = expression;
  for (;;) {
    const parent = parentOf(node);
    if (!parent) return 'floating';
    if (isTransparentWrapper(parent)) {
      node = parent;
      continue;
    }
    switch (parent.type) {
      case 'MemberExpression': {
        const call = parentOf(parent);
        if (parent.object !== node || call?.type !== 'CallExpression' || call.callee !== parent) return 'observed';
        const method = propertyKeyName(parent);
        if (method === 'then' || method === 'catch') {
          const handler = method === 'then' ? call.arguments[1] : call.arguments[0];
          if (method === 'then' && !handler) {
            node = call;
            continue;
          }
          const verdict = judgeHandler(handler as Node | undefined, context);
          if (verdict === 'logs') return 'logged';
          if (verdict === 'handles') return 'observed';
          node = call;
          continue;
        }
        if (method === 'finally') {
          node = call;
          continue;
        }
        return 'observed';
      }
      case 'AwaitExpression':
        return fateOfAwait(parent, context, depth);
      case 'ReturnStatement': {
        const fn = enclosingFunction(parent);
        return fn ? fateOfFunctionResult(fn, context, depth) : 'observed';
      }
      case 'ArrowFunctionExpression':
        return parent.body === node ? fateOfFunctionResult(parent, context, depth) : 'observed';
      case 'ExpressionStatement':
        return 'floating';
      case 'UnaryExpression':
        return parent.operator === 'void' ? 'floating' : 'observed';
      case 'ConditionalExpression':
        if (parent.test === node) return 'observed';
        node = parent;
        continue;
      case 'LogicalExpression':
        node = parent;
        continue;
      case 'SequenceExpression':
        if (parent.expressions[parent.expressions.length - 1] !== node) return 'floating';
        node = parent;
        continue;
      case 'ArrayExpression':
        node = parent;
        continue;
      case 'CallExpression': {
        const path = calleePath(parent);
        if (path !== undefined && COMBINATORS_THAT_REJECT.has(path) && parent.arguments.includes(node as TSESTree.CallExpressionArgument)) {
          node = parent;
          continue;
        }
        return 'observed'; // handed to other code (Promise.allSettled, a queue, a helper)
      }
      case 'VariableDeclarator': {
        if (parent.id.type !== 'Identifier') return 'observed';
        const variable = context.module.declaredVariable(parent.id);
        return variable?.references.some((reference) => reference.isRead()) ? 'observed' : 'floating';
      }
      default:
        return 'observed';
    }
  }
}

/** The outermost expression of a promise chain started by `call`: `p.then(…).catch(…)` for `p`. */
export function promiseChainEnd(call: Node): Node {
  let node = call;
  for (;;) {
    const parent = parentOf(node);
    if (parent && isTransparentWrapper(parent)) {
      node = parent;
      continue;
    }
    const chained = parent?.type === 'MemberExpression' && parent.object === node ? parentOf(parent) : undefined;
    const method = parent?.type === 'MemberExpression' ? propertyKeyName(parent) : undefined;
    if (chained?.type === 'CallExpression' && chained.callee === parent && (method === 'then' || method === 'catch' || method === 'finally')) {
      node = chained;
      continue;
    }
    return node;
  }
}

/** Whether a promise is awaited right where it is made (possibly after `.then/.catch/.finally`). */
export function isAwaitedDirectly(call: Node): boolean {
  return parentOf(promiseChainEnd(call))?.type === 'AwaitExpression';
}
