// Whether the work a call starts is finished when a message handler's own promise resolves — the moment kafkajs
// (and the KafkaJS API of @confluentinc/kafka-javascript) marks the message's offset for commit.
//
// This is about timing, not about errors (promise-handling.ts judges what becomes of a rejection): a promise that is
// awaited, returned, or chained into something awaited completes in time; one left in a statement of its own, behind
// `void`, in a `.forEach` callback, a timer or an event listener does not, whatever `.catch` it carries. Where the
// promise goes somewhere we cannot follow (stored in an object, passed to a helper), it counts as completing: code
// rules must not guess against the author.

import type { TSESTree } from '@typescript-eslint/types';
import type { Node, ParsedModule, Variable } from '../parse-module.js';
import { propertyKeyName } from '../values.js';
import { calleeName, calleePath, callTakingArgument, isFunction, isTransparentWrapper, parentOf, type FunctionNode } from './enclosing.js';

const MAX_FOLLOW = 12;

/** Methods whose result stands for the same work: promise chaining, Mongoose `.exec()`, AWS SDK v2 `.promise()`. */
const CHAIN_METHODS = new Set(['then', 'catch', 'finally', 'exec', 'promise']);

/** Combinators whose promise settles only when the promises in their argument have. */
const COMBINATORS = new Set(['Promise.all', 'Promise.allSettled', 'Promise.race', 'Promise.any']);

/** Array methods whose callback results are dropped: an async callback's work runs on its own. */
const RESULT_DROPPING_METHODS = new Set(['forEach', 'filter', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex']);
/** Array methods whose callback results become the call's result (an array of promises, or the last promise). */
const RESULT_KEEPING_METHODS = new Set(['map', 'flatMap', 'reduce', 'reduceRight']);
/** Calls that run their callback later, on their own: timers and event listeners. */
const DEFERRING_CALLS = new Set(['setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'process.nextTick']);
const LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener', 'addEventListener']);

export class CompletionAnalysis {
  constructor(
    /** The handler: a function, or the body of a `for await` loop over a message stream. */
    private readonly root: Node,
    private readonly module: ParsedModule,
  ) {}

  /** Whether the promise (or callback work) of `expression` is finished when the root's own work is. */
  completesWithinRoot(expression: Node, depth = 0): boolean {
    if (depth > MAX_FOLLOW) return true;
    let node = expression;
    for (;;) {
      if (node === this.root) return true;
      const parent = parentOf(node);
      if (!parent) return true;
      if (isTransparentWrapper(parent)) {
        node = parent;
        continue;
      }
      switch (parent.type) {
        case 'AwaitExpression':
        case 'ReturnStatement':
        case 'YieldExpression':
          return this.ownWorkCompletes(parent, depth);
        case 'ArrowFunctionExpression':
          return parent.body === node ? this.functionResultCompletes(parent, depth) : true;
        case 'MemberExpression': {
          const call = parentOf(parent);
          const method = propertyKeyName(parent);
          if (parent.object === node && call?.type === 'CallExpression' && call.callee === parent && method !== undefined && CHAIN_METHODS.has(method)) {
            node = call;
            continue;
          }
          return true;
        }
        case 'ExpressionStatement':
          // A callback-style call inside a `new Promise` executor completes when the executor resolves.
          return this.insidePromiseExecutor(parent, depth);
        case 'UnaryExpression':
          return parent.operator !== 'void';
        case 'ConditionalExpression':
          if (parent.test === node) return true;
          node = parent;
          continue;
        case 'LogicalExpression':
        case 'ArrayExpression':
        case 'SpreadElement':
          node = parent;
          continue;
        case 'SequenceExpression':
          if (parent.expressions[parent.expressions.length - 1] !== node) return false;
          node = parent;
          continue;
        case 'CallExpression': {
          if (parent.callee === node) return true;
          const path = calleePath(parent);
          if (path !== undefined && COMBINATORS.has(path)) {
            node = parent;
            continue;
          }
          // `pending.push(promise)` — the promise lives on in the array.
          const method = calleeName(parent);
          if (parent.callee.type === 'MemberExpression' && (method === 'push' || method === 'unshift') && parent.callee.object.type === 'Identifier') {
            const variable = this.module.variableOf(parent.callee.object);
            return variable ? this.variableCompletes(variable, depth) : true;
          }
          return true;
        }
        case 'VariableDeclarator': {
          if (parent.init !== node || parent.id.type !== 'Identifier') return true;
          const variable = this.module.declaredVariable(parent.id);
          return variable ? this.variableCompletes(variable, depth) : true;
        }
        case 'AssignmentExpression': {
          if (parent.right !== node || parent.left.type !== 'Identifier') return true;
          const variable = this.module.variableOf(parent.left);
          return variable ? this.variableCompletes(variable, depth) : true;
        }
        case 'ForOfStatement':
          return parent.right === node && parent.await ? this.ownWorkCompletes(parent, depth) : true;
        default:
          return true;
      }
    }
  }

  /** Whether code at `node` runs as part of the root's work, not in a callback that runs later (a timer, a listener, `.forEach`). */
  runsWithinRoot(node: Node): boolean {
    const fn = this.functionBetween(node);
    return fn ? this.functionResultCompletes(fn, 0) : true;
  }

  /** The function between a node and the root (the root itself does not count), innermost first. */
  private functionBetween(node: Node): FunctionNode | undefined {
    for (let current = parentOf(node); current && current !== this.root; current = parentOf(current)) {
      if (isFunction(current)) return current;
    }
    return undefined;
  }

  /** Work awaited or returned at `at` completes with the function it is in: the root, or a nested one. */
  private ownWorkCompletes(at: Node, depth: number): boolean {
    const fn = this.functionBetween(at);
    return fn ? this.functionResultCompletes(fn, depth + 1) : true;
  }

  private insidePromiseExecutor(statement: Node, depth: number): boolean {
    const fn = this.functionBetween(statement);
    const taker = fn ? callTakingArgument(fn) : undefined;
    if (fn && taker?.call.type === 'NewExpression' && taker.index === 0 && taker.call.callee.type === 'Identifier' && taker.call.callee.name === 'Promise') {
      return this.completesWithinRoot(taker.call, depth + 1);
    }
    return false;
  }

  /** Whether a nested function's result (its promise) completes within the root: follow where it is called. */
  private functionResultCompletes(fn: FunctionNode, depth: number): boolean {
    if (fn === this.root) return true;
    const parent = parentOf(fn);
    if (parent?.type === 'CallExpression' && parent.callee === fn) return this.completesWithinRoot(parent, depth + 1); // an IIFE
    const taker = callTakingArgument(fn);
    if (taker) return this.callbackCompletes(taker.call, depth);
    if (parent?.type === 'VariableDeclarator' && parent.init === fn && parent.id.type === 'Identifier') {
      const variable = this.module.declaredVariable(parent.id);
      return variable ? this.invocationsComplete(variable, depth) : true;
    }
    if (fn.type === 'FunctionDeclaration' && fn.id) {
      const variable = this.module.declaredVariable(fn.id);
      return variable ? this.invocationsComplete(variable, depth) : true;
    }
    return true;
  }

  /** A function handed to `call` as a callback: whether what it does completes with `call`. */
  private callbackCompletes(call: TSESTree.CallExpression | TSESTree.NewExpression, depth: number): boolean {
    const method = calleeName(call);
    const path = calleePath(call);
    if (path !== undefined && DEFERRING_CALLS.has(path)) return false;
    if (call.callee.type === 'MemberExpression' && method !== undefined) {
      if (RESULT_DROPPING_METHODS.has(method) || LISTENER_METHODS.has(method)) return false;
      if (RESULT_KEEPING_METHODS.has(method)) return this.completesWithinRoot(call, depth + 1);
    }
    // `.then(cb)`, `new Promise(executor)`, `withTransaction(async (tx) => …)`, `retry(() => …)`: the callback's work
    // is part of what the call's own promise waits for.
    return this.completesWithinRoot(call, depth + 1);
  }

  /** A local function: its work completes when every call of it does (and it is not handed to a timer or forEach). */
  private invocationsComplete(variable: Variable, depth: number): boolean {
    for (const reference of variable.references) {
      if (!reference.isRead()) continue;
      const identifier = reference.identifier as Node;
      const parent = parentOf(identifier);
      if (parent?.type === 'CallExpression' && parent.callee === identifier) {
        if (!this.completesWithinRoot(parent, depth + 1)) return false;
        continue;
      }
      const taker = callTakingArgument(identifier);
      if (taker && !this.callbackCompletes(taker.call, depth)) return false;
    }
    return true;
  }

  /** A promise kept in a variable completes when some read of it is awaited (or handed on); never read, it floats. */
  private variableCompletes(variable: Variable, depth: number): boolean {
    for (const reference of variable.references) {
      if (!reference.isRead()) continue;
      const identifier = reference.identifier as Node;
      const parent = parentOf(identifier);
      // `pending.push(…)`, `result.id`: using the variable does not wait for it.
      if (parent?.type === 'MemberExpression' && parent.object === identifier) {
        const method = propertyKeyName(parent);
        if (method !== 'then' && method !== 'catch' && method !== 'finally') continue;
      }
      if (this.completesWithinRoot(identifier, depth + 1)) return true;
    }
    return false;
  }
}
