// Where a node sits in its module: the function around it, the loop that repeats it, the call a callback is given
// to. The producer and lifecycle analyses climb `parent` links with these.

import type { TSESTree } from '@typescript-eslint/types';
import type { Node } from '../parse-module.js';
import { memberPath, propertyKeyName } from '../values.js';

export type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration;

export function parentOf(node: Node): Node | undefined {
  return (node as Node & { parent?: Node }).parent;
}

export function isFunction(node: Node | undefined): node is FunctionNode {
  return node?.type === 'ArrowFunctionExpression' || node?.type === 'FunctionExpression' || node?.type === 'FunctionDeclaration';
}

/** Type-only wrappers and optional chains that do not change the value of the expression inside them. */
export function isTransparentWrapper(node: Node): boolean {
  return (
    node.type === 'TSAsExpression' ||
    node.type === 'TSNonNullExpression' ||
    node.type === 'TSSatisfiesExpression' ||
    node.type === 'TSTypeAssertion' ||
    node.type === 'ChainExpression'
  );
}

export function enclosingFunction(node: Node): FunctionNode | undefined {
  for (let current = parentOf(node); current; current = parentOf(current)) {
    if (isFunction(current)) return current;
  }
  return undefined;
}

/** Every function around a node, innermost first. */
export function enclosingFunctions(node: Node): FunctionNode[] {
  const functions: FunctionNode[] = [];
  for (let current = parentOf(node); current; current = parentOf(current)) {
    if (isFunction(current)) functions.push(current);
  }
  return functions;
}

/** The last name of a callee: `app.post(…)` → `post`, `shutdown(…)` → `shutdown`, `this.close(…)` → `close`. */
export function calleeName(call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  const callee = call.callee;
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberExpression') return propertyKeyName(callee);
  return undefined;
}

/** `Promise.all(…)` → `Promise.all`; the dotted callee when it is a plain chain of names. */
export function calleePath(call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  return memberPath(call.callee);
}

/** The call a function (or any expression) is passed to as an argument, and at which position. */
export function callTakingArgument(node: Node): { call: TSESTree.CallExpression | TSESTree.NewExpression; index: number } | undefined {
  const parent = parentOf(node);
  if (parent?.type !== 'CallExpression' && parent?.type !== 'NewExpression') return undefined;
  const index = parent.arguments.indexOf(node as TSESTree.CallExpressionArgument);
  return index === -1 ? undefined : { call: parent, index };
}

/** Array methods that call their callback once per element. */
export const ITERATING_METHODS = new Set(['forEach', 'map', 'flatMap', 'filter', 'reduce', 'reduceRight', 'some', 'every', 'find', 'findIndex']);

export type LoopKind = 'for' | 'for-of' | 'for-await' | 'for-in' | 'while' | 'do-while' | 'callback';

export interface LoopAround {
  kind: LoopKind;
  /** The loop statement, or the `.forEach(…)`/`.map(…)` call whose callback holds the node. */
  node: Node;
  /** `.forEach`, `.map`, … for callback loops. */
  method?: string;
}

function loopStatementKind(loop: Node, child: Node): LoopKind | undefined {
  switch (loop.type) {
    case 'ForStatement':
      // `init` runs once; the test, update and body run per iteration.
      return child === loop.init ? undefined : 'for';
    case 'ForOfStatement':
      return child === loop.body ? (loop.await ? 'for-await' : 'for-of') : undefined;
    case 'ForInStatement':
      return child === loop.body ? 'for-in' : undefined;
    case 'WhileStatement':
      return 'while';
    case 'DoWhileStatement':
      return 'do-while';
    default:
      return undefined;
  }
}

/**
 * The loop that repeats a node without leaving the node's function: a loop statement around it, or — when the
 * function itself is the callback of `.forEach`/`.map`/… — that call.
 */
export function loopAround(node: Node): LoopAround | undefined {
  let child = node;
  for (let current = parentOf(node); current; child = current, current = parentOf(current)) {
    const kind = loopStatementKind(current, child);
    if (kind) return { kind, node: current };
    if (isFunction(current)) {
      const taker = callTakingArgument(current);
      const method = taker && taker.call.type === 'CallExpression' ? calleeName(taker.call) : undefined;
      if (taker && taker.index === 0 && taker.call.callee.type === 'MemberExpression' && method && ITERATING_METHODS.has(method)) {
        return { kind: 'callback', node: taker.call, method };
      }
      return undefined;
    }
  }
  return undefined;
}

/** Whether `inner` is `outer` or lies inside it. */
export function contains(outer: Node, inner: Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}

/** Whether a node below `root` runs as part of `root` itself, not inside a function nested in it. */
export function isOwnNode(root: Node, node: Node): boolean {
  for (let current = parentOf(node); current && current !== root; current = parentOf(current)) {
    if (isFunction(current)) return false;
  }
  return true;
}
