// Which local names stand for which Kafka client library export: ESM imports (named, renamed, default,
// namespace), `require` (whole module, destructured, member), and the `KafkaJS` namespace of
// @confluentinc/kafka-javascript.

import type { TSESTree } from '@typescript-eslint/types';
import type { Node, ParsedModule, Variable } from './parse-module.js';
import { KAFKA_CLIENT_MODULES, type KafkaClientModule } from './prefilter.js';
import { propertyKeyName } from './values.js';

/** An export of a client library: `exported` is the dotted path inside the module ('' = the module itself). */
export interface LibraryExport {
  library: KafkaClientModule;
  exported: string;
}

const isClientModule = (name: unknown): name is KafkaClientModule => typeof name === 'string' && (KAFKA_CLIENT_MODULES as readonly string[]).includes(name);

const join = (base: string, name: string) => (base === '' ? name : `${base}.${name}`);

/** `require('kafkajs')` → the module name; anything else → undefined. */
function requiredModule(node: Node): KafkaClientModule | undefined {
  if (node.type !== 'CallExpression' || node.callee.type !== 'Identifier' || node.callee.name !== 'require') return undefined;
  const argument = node.arguments[0];
  return argument?.type === 'Literal' && isClientModule(argument.value) ? argument.value : undefined;
}

export class LibraryImports {
  private readonly bindings = new Map<Variable, LibraryExport>();

  constructor(private readonly module: ParsedModule) {
    for (const statement of module.ast.body) {
      if (statement.type === 'ImportDeclaration' && isClientModule(statement.source.value)) {
        for (const specifier of statement.specifiers) {
          const variable = module.declaredVariable(specifier.local);
          if (!variable) continue;
          const exported =
            specifier.type === 'ImportSpecifier'
              ? specifier.imported.type === 'Identifier' ? specifier.imported.name : String(specifier.imported.value)
              : ''; // default and namespace imports of these CommonJS packages are the module object
          this.bindings.set(variable, { library: statement.source.value, exported });
        }
      }
    }
  }

  /** What library export an expression stands for, following `const` aliases and member access. */
  exportOf(expression: Node, depth = 0): LibraryExport | undefined {
    if (depth > 10) return undefined;
    const node = expression.type === 'TSAsExpression' || expression.type === 'TSNonNullExpression' ? expression.expression : expression;
    const required = requiredModule(node);
    if (required) return { library: required, exported: '' };
    if (node.type === 'AwaitExpression' && node.argument.type === 'ImportExpression' && node.argument.source.type === 'Literal' && isClientModule(node.argument.source.value)) {
      return { library: node.argument.source.value, exported: '' };
    }
    if (node.type === 'MemberExpression') {
      const base = this.exportOf(node.object, depth + 1);
      const name = propertyKeyName(node);
      return base && name !== undefined ? { library: base.library, exported: join(base.exported, name) } : undefined;
    }
    if (node.type !== 'Identifier') return undefined;
    const variable = this.module.variableOf(node);
    if (!variable) return undefined;
    const direct = this.bindings.get(variable);
    if (direct) return direct;
    const definition = variable.defs[0];
    if (definition?.type !== 'Variable') return undefined;
    const declarator = definition.node as TSESTree.VariableDeclarator;
    if (!declarator.init) return undefined;
    const source = this.exportOf(declarator.init, depth + 1);
    if (!source) return undefined;
    if (declarator.id.type === 'Identifier') return source;
    if (declarator.id.type === 'ObjectPattern') {
      // const { Kafka } = require('kafkajs') / const { Kafka: K } = require('@confluentinc/kafka-javascript').KafkaJS
      for (const property of declarator.id.properties) {
        if (property.type === 'Property' && property.value === definition.name) {
          const name = propertyKeyName(property);
          return name !== undefined ? { library: source.library, exported: join(source.exported, name) } : undefined;
        }
      }
    }
    return undefined;
  }
}
