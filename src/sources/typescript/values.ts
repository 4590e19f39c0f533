// Static values, as a reader follows them: literals, `const` bindings, object spreads, shorthand properties,
// default parameters, destructuring, and objects exported by another module of the repository and imported by a
// relative path. What only run time knows (environment lookups, calls, conditions) is `unknown` or `env` — never
// guessed.

import type { TSESTree } from '@typescript-eslint/types';
import type { ParsedModule, Node } from './parse-module.js';
import type { CodeProject } from './project.js';

interface ValueBase {
  /** The expression the value was read from (for locations) and the file it is in. */
  node: Node;
  file: string;
}

export type StaticValue =
  | (ValueBase & { kind: 'literal'; value: string | number | boolean | null })
  | (ValueBase & { kind: 'object'; properties: StaticProperty[]; /** a spread of something unknown: absent keys may exist */ partial: boolean })
  | (ValueBase & { kind: 'array'; elements: StaticValue[]; partial: boolean })
  | (ValueBase & { kind: 'function'; function: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration; module: ParsedModule })
  | (ValueBase & { kind: 'env'; name: string })
  /** A member path that is not an object we can see into, e.g. `CompressionTypes.Snappy`, `Partitioners.LegacyPartitioner`. */
  | (ValueBase & { kind: 'member'; path: string })
  | (ValueBase & { kind: 'unknown'; reason: string });

export interface StaticProperty {
  key: string;
  value: StaticValue;
  /** The property node (`key: value` or the shorthand `key`), for the finding's location. */
  node: Node;
  file: string;
}

const MAX_DEPTH = 25;

function unwrap(node: Node): Node {
  let current = node;
  while (
    current.type === 'TSAsExpression' ||
    current.type === 'TSSatisfiesExpression' ||
    current.type === 'TSNonNullExpression' ||
    current.type === 'TSTypeAssertion' ||
    current.type === 'ChainExpression'
  ) {
    current = current.expression;
  }
  return current;
}

/** The name of a non-computed property key (`a`, `'a.b'`, `"x"`, `1`), or undefined for computed keys. */
export function propertyKeyName(property: TSESTree.Property | TSESTree.MemberExpression): string | undefined {
  const key = property.type === 'Property' ? property.key : property.property;
  if (property.computed) return key.type === 'Literal' && (typeof key.value === 'string' || typeof key.value === 'number') ? String(key.value) : undefined;
  if (key.type === 'Identifier') return key.name;
  if (key.type === 'Literal' && (typeof key.value === 'string' || typeof key.value === 'number')) return String(key.value);
  return undefined;
}

/** `a.b.c` for a chain of identifiers, else undefined. */
export function memberPath(node: Node): string | undefined {
  const target = unwrap(node);
  if (target.type === 'Identifier') return target.name;
  if (target.type === 'ThisExpression') return 'this';
  if (target.type === 'MemberExpression') {
    const objectPath = memberPath(target.object);
    const name = propertyKeyName(target);
    return objectPath !== undefined && name !== undefined ? `${objectPath}.${name}` : undefined;
  }
  return undefined;
}

export class ValueResolver {
  constructor(private readonly project: CodeProject) {}

  /** The last property of that name (later properties and spreads win, as at run time). */
  property(value: StaticValue | undefined, key: string): StaticProperty | undefined {
    if (value?.kind !== 'object') return undefined;
    for (let index = value.properties.length - 1; index >= 0; index--) {
      if (value.properties[index].key === key) return value.properties[index];
    }
    return undefined;
  }

  resolve(expression: Node, module: ParsedModule, depth = 0): StaticValue {
    const file = module.file;
    const node = unwrap(expression);
    const unknown = (reason: string): StaticValue => ({ kind: 'unknown', reason, node, file });
    if (depth > MAX_DEPTH) return unknown('too deep');
    switch (node.type) {
      case 'Literal':
        if (node.value instanceof RegExp || typeof node.value === 'bigint') return unknown('regular expression or bigint');
        return { kind: 'literal', value: node.value as string | number | boolean | null, node, file };
      case 'TemplateLiteral':
        return node.expressions.length === 0 ? { kind: 'literal', value: node.quasis.map((quasi) => quasi.value.cooked).join(''), node, file } : unknown('template with expressions');
      case 'UnaryExpression': {
        const argument = this.resolve(node.argument, module, depth + 1);
        if (argument.kind !== 'literal') return unknown('operator on an unknown value');
        if (node.operator === '-' && typeof argument.value === 'number') return { kind: 'literal', value: -argument.value, node, file };
        if (node.operator === '!') return { kind: 'literal', value: !argument.value, node, file };
        return unknown(`operator ${node.operator}`);
      }
      case 'ObjectExpression':
        return this.objectValue(node, module, depth);
      case 'ArrayExpression': {
        const elements: StaticValue[] = [];
        let partial = false;
        for (const element of node.elements) {
          if (!element) continue;
          if (element.type === 'SpreadElement') {
            const spread = this.resolve(element.argument, module, depth + 1);
            if (spread.kind === 'array') {
              elements.push(...spread.elements);
              partial ||= spread.partial;
            } else partial = true;
          } else elements.push(this.resolve(element, module, depth + 1));
        }
        return { kind: 'array', elements, partial, node, file };
      }
      case 'ArrowFunctionExpression':
      case 'FunctionExpression':
        return { kind: 'function', function: node, module, node, file };
      case 'Identifier':
        return this.identifierValue(node, module, depth);
      case 'MemberExpression':
        return this.memberValue(node, module, depth);
      default:
        return unknown(`${node.type} is only known at run time`);
    }
  }

  private objectValue(node: TSESTree.ObjectExpression, module: ParsedModule, depth: number): StaticValue {
    const properties: StaticProperty[] = [];
    let partial = false;
    for (const property of node.properties) {
      if (property.type === 'SpreadElement') {
        const spread = this.resolve(property.argument, module, depth + 1);
        if (spread.kind === 'object') {
          properties.push(...spread.properties);
          partial ||= spread.partial;
        } else partial = true;
        continue;
      }
      const key = propertyKeyName(property);
      if (key === undefined) {
        partial = true;
        continue;
      }
      const valueNode = property.value.type === 'AssignmentPattern' ? property.value.right : property.value;
      properties.push({ key, value: this.resolve(valueNode as Node, module, depth + 1), node: property, file: module.file });
    }
    return { kind: 'object', properties, partial, node, file: module.file };
  }

  private memberValue(node: TSESTree.MemberExpression, module: ParsedModule, depth: number): StaticValue {
    const file = module.file;
    const path = memberPath(node);
    const envMatch = /^process\.env\.(.+)$/.exec(path ?? '');
    if (envMatch) return { kind: 'env', name: envMatch[1], node, file };
    if (path === undefined && node.object.type === 'MemberExpression' && memberPath(node.object) === 'process.env') {
      return { kind: 'env', name: '?', node, file };
    }
    const key = propertyKeyName(node);
    const object = this.resolve(node.object, module, depth + 1);
    if (key !== undefined && object.kind === 'object') {
      const property = this.property(object, key);
      if (property) return property.value;
      return { kind: 'unknown', reason: object.partial ? `${key} may come from a spread` : `${key} is not set`, node, file };
    }
    if (key !== undefined && object.kind === 'array' && /^\d+$/.test(key)) return object.elements[Number(key)] ?? { kind: 'unknown', reason: 'index out of range', node, file };
    if (path !== undefined) return { kind: 'member', path, node, file };
    return { kind: 'unknown', reason: 'computed member', node, file };
  }

  private identifierValue(node: TSESTree.Identifier, module: ParsedModule, depth: number): StaticValue {
    const file = module.file;
    const unknown = (reason: string): StaticValue => ({ kind: 'unknown', reason, node, file });
    if (node.name === 'undefined') return unknown('undefined');
    const variable = module.variableOf(node);
    const definition = variable?.defs[0];
    if (!variable || !definition) return { kind: 'member', path: node.name, node, file };
    switch (definition.type) {
      case 'Variable': {
        const declarator = definition.node as TSESTree.VariableDeclarator;
        const declaration = definition.parent as TSESTree.VariableDeclaration | null;
        // `let`/`var` are followed only when never assigned again: otherwise the value depends on the path taken.
        const reassigned = variable.references.some((reference) => reference.isWrite() && reference.identifier !== definition.name);
        if (!declarator.init || (declaration?.kind !== 'const' && reassigned)) return unknown(`${node.name} is assigned at run time`);
        if (declarator.id.type === 'Identifier') return this.resolve(declarator.init, module, depth + 1);
        return this.destructured(declarator.id, definition.name as TSESTree.Identifier, this.resolve(declarator.init, module, depth + 1), node, file);
      }
      case 'Parameter': {
        // A default parameter is the value a caller gets when it passes nothing — the value a reader sees.
        const parameter = (definition.name as Node & { parent?: Node }).parent;
        if (parameter?.type === 'AssignmentPattern' && parameter.left === definition.name) return this.resolve(parameter.right, module, depth + 1);
        return unknown(`${node.name} is a parameter`);
      }
      case 'FunctionName': {
        const declaration = definition.node as TSESTree.FunctionDeclaration;
        return { kind: 'function', function: declaration, module, node, file };
      }
      case 'ImportBinding':
        return this.importedValue(definition.node as TSESTree.ImportClause, module, depth) ?? { kind: 'member', path: node.name, node, file };
      default:
        return unknown(`${node.name} is a ${definition.type}`);
    }
  }

  /** `const { a, b: { c } } = source` — the part of `source` that `name` binds. */
  private destructured(pattern: TSESTree.ObjectPattern | TSESTree.ArrayPattern, name: TSESTree.Identifier, source: StaticValue, node: Node, file: string): StaticValue {
    const path: string[] = [];
    let current: Node | undefined = name;
    while (current && current !== pattern) {
      const parent: Node | undefined = (current as Node & { parent?: Node }).parent;
      if (parent?.type === 'Property' && parent.value === current) {
        const key = propertyKeyName(parent);
        if (key === undefined) return { kind: 'unknown', reason: 'computed destructuring', node, file };
        path.unshift(key);
      } else if (parent?.type === 'ArrayPattern') {
        path.unshift(String(parent.elements.indexOf(current as TSESTree.DestructuringPattern)));
      }
      current = parent;
    }
    let value: StaticValue = source;
    for (const key of path) {
      const next: StaticValue | undefined = value.kind === 'object' ? this.property(value, key)?.value : value.kind === 'array' ? value.elements[Number(key)] : undefined;
      if (!next) return { kind: 'unknown', reason: `${key} is not known`, node, file };
      value = next;
    }
    return value;
  }

  /** A value imported by a relative path from another module of the run: its exported `const` or default. */
  private importedValue(specifier: TSESTree.ImportClause, module: ParsedModule, depth: number): StaticValue | undefined {
    const declaration = (specifier as Node & { parent?: Node }).parent;
    if (declaration?.type !== 'ImportDeclaration') return undefined;
    const target = this.project.resolveImport(module.file, declaration.source.value);
    const targetModule = target ? this.project.parsed(target) : undefined;
    if (!targetModule) return undefined;
    if (specifier.type === 'ImportNamespaceSpecifier') return undefined;
    const exportedName = specifier.type === 'ImportDefaultSpecifier' ? 'default' : specifier.imported.type === 'Identifier' ? specifier.imported.name : String(specifier.imported.value);
    const exported = exportedExpression(targetModule, exportedName);
    return exported ? this.resolve(exported, targetModule, depth + 1) : undefined;
  }
}

/** The expression a module exports under a name: `export const name = …`, `export { local as name }`, `export default …`. */
function exportedExpression(module: ParsedModule, name: string): Node | undefined {
  for (const statement of module.ast.body) {
    if (name === 'default' && statement.type === 'ExportDefaultDeclaration') {
      const declaration = statement.declaration;
      return declaration.type === 'FunctionDeclaration' || declaration.type === 'ClassDeclaration' ? undefined : (declaration as Node);
    }
    if (statement.type !== 'ExportNamedDeclaration') continue;
    if (statement.declaration?.type === 'VariableDeclaration') {
      for (const declarator of statement.declaration.declarations) {
        if (declarator.id.type === 'Identifier' && declarator.id.name === name) return declarator.init ?? undefined;
      }
    }
    for (const exportSpecifier of statement.specifiers) {
      const exportedName = exportSpecifier.exported.type === 'Identifier' ? exportSpecifier.exported.name : String(exportSpecifier.exported.value);
      if (exportedName === name && !statement.source && exportSpecifier.local.type === 'Identifier') return exportSpecifier.local;
    }
  }
  return undefined;
}
