// Where the code uses a detected client: every expression that denotes it, and the method calls made on it.

import type { TSESTree } from '@typescript-eslint/types';
import type { CodeContext, DetectedClient } from './code-context.js';
import type { Node } from './parse-module.js';
import { memberPath, propertyKeyName } from './values.js';

type WithParent = Node & { parent?: Node };

/** The expressions that stand for the client: the creation itself, each read of its variable or member path. */
export function clientReferences(client: DetectedClient, context: CodeContext): Node[] {
  const references: Node[] = [client.creation];
  if (client.variable) {
    for (const reference of client.variable.references) {
      if (reference.isRead()) references.push(reference.identifier as Node);
    }
  }
  if (client.memberPath) {
    context.module.walk(context.module.ast, (node) => {
      if (node.type === 'MemberExpression' && memberPath(node) === client.memberPath) {
        const parent = (node as WithParent).parent;
        const isAssignmentTarget = parent?.type === 'AssignmentExpression' && parent.left === node;
        if (!isAssignmentTarget) references.push(node);
      }
    });
  }
  return references;
}

export interface MethodCall {
  method: string;
  call: TSESTree.CallExpression;
}

/** `client.method(…)` calls on any reference of the client, in source order. */
export function methodCalls(client: DetectedClient, context: CodeContext): MethodCall[] {
  const calls: MethodCall[] = [];
  for (const reference of clientReferences(client, context)) {
    const member = (reference as WithParent).parent;
    if (member?.type !== 'MemberExpression' || member.object !== reference) continue;
    const call = (member as WithParent).parent;
    const method = propertyKeyName(member);
    if (call?.type === 'CallExpression' && call.callee === member && method !== undefined) calls.push({ method, call });
  }
  return calls.sort((left, right) => left.call.range[0] - right.call.range[0]);
}

/** Where the value of an expression is kept: `const x = <expr>`, `this.x = <expr>`, `x = <expr>` (also behind `await`). */
export function bindingOf(expression: Node, context: CodeContext): Pick<DetectedClient, 'variable' | 'memberPath'> {
  let node: WithParent = expression;
  while (node.parent && (node.parent.type === 'AwaitExpression' || node.parent.type === 'TSAsExpression' || node.parent.type === 'TSNonNullExpression')) node = node.parent;
  const parent = node.parent;
  if (parent?.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'Identifier') {
    return { variable: context.module.declaredVariable(parent.id) };
  }
  if (parent?.type === 'AssignmentExpression' && parent.right === node) {
    if (parent.left.type === 'Identifier') return { variable: context.module.variableOf(parent.left) };
    const path = memberPath(parent.left);
    if (path !== undefined) return { memberPath: path };
  }
  if (parent?.type === 'PropertyDefinition' && parent.value === node && parent.key.type === 'Identifier') {
    return { memberPath: `this.${parent.key.name}` };
  }
  return {};
}
