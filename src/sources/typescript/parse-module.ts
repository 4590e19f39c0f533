// Parsing one JS/TS module: the AST with parent links, and which variable each identifier refers to. The parser
// and the scope analyser are imported here, lazily: a run that reads no Kafka code never loads TypeScript.

import type { TSESTree } from '@typescript-eslint/types';
import type { Variable as ScopeVariable } from '@typescript-eslint/scope-manager';
import type { SourceLocation } from '../../model/types.js';

export type Node = TSESTree.Node;
export type Variable = ScopeVariable;

export interface ParsedModule {
  file: string;
  ast: TSESTree.Program;
  /** The variable an identifier (a use, not a declaration) refers to, when it is declared in this module. */
  variableOf(identifier: TSESTree.Identifier): Variable | undefined;
  /** The variable a declaring identifier (an import specifier, a declarator's name) declares. */
  declaredVariable(identifier: TSESTree.Identifier): Variable | undefined;
  /** Visit every node below `root` in source order; `parent` links lead back up. */
  walk(root: Node, visit: (node: Node) => void): void;
}

export interface ParserModules {
  parse: typeof import('@typescript-eslint/typescript-estree').parse;
  analyze: typeof import('@typescript-eslint/scope-manager').analyze;
  visitorKeys: Record<string, readonly string[] | undefined>;
}

let parserModules: Promise<ParserModules> | undefined;

/** Load the parser once per process, on first need. */
export function loadParser(): Promise<ParserModules> {
  parserModules ??= (async () => {
    const [estree, scopeManager, visitorKeys] = await Promise.all([
      import('@typescript-eslint/typescript-estree'),
      import('@typescript-eslint/scope-manager'),
      import('@typescript-eslint/visitor-keys'),
    ]);
    return { parse: estree.parse, analyze: scopeManager.analyze, visitorKeys: visitorKeys.visitorKeys as Record<string, readonly string[] | undefined> };
  })();
  return parserModules;
}

export class CodeParseError extends Error {
  constructor(message: string, readonly line: number, readonly column: number) {
    super(message);
  }
}

/** Set `parent` on every node (typescript-estree leaves it unset), so analyses can walk outwards. */
function linkParents(root: Node, visitorKeys: ParserModules['visitorKeys']): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const first = stack.length;
    pushChildren(node, stack, visitorKeys);
    for (let index = first; index < stack.length; index++) (stack[index] as { parent?: Node }).parent = node;
  }
}

/**
 * Push a node's children onto `stack` last-to-first, so popping visits them in source order. It allocates nothing:
 * walks run many times per module (every analysis walks function bodies), and a temporary array per visited node was
 * ~240 MB of garbage on a 5,000-file monorepo, half of all the run allocated, and more scavenges to pay for.
 */
function pushChildren(node: Node, stack: Node[], visitorKeys: ParserModules['visitorKeys']): void {
  const keys = visitorKeys[node.type];
  if (!keys) return;
  for (let keyIndex = keys.length - 1; keyIndex >= 0; keyIndex--) {
    const child = (node as unknown as Record<string, unknown>)[keys[keyIndex]];
    if (Array.isArray(child)) {
      for (let index = child.length - 1; index >= 0; index--) if (isNode(child[index])) stack.push(child[index] as Node);
    } else if (isNode(child)) {
      stack.push(child as Node);
    }
  }
}

function isNode(value: unknown): boolean {
  return value !== null && typeof value === 'object' && typeof (value as Node).type === 'string';
}

export async function parseModule(file: string, text: string): Promise<ParsedModule> {
  return parseModuleWith(await loadParser(), file, text);
}

/** parseModule once the parser is loaded: synchronous, so CodeProject can parse again a module it let go. */
export function parseModuleWith(parser: ParserModules, file: string, text: string): ParsedModule {
  const { parse, analyze, visitorKeys } = parser;
  const jsx = /\.(tsx|jsx|js|mjs|cjs)$/.test(file);
  let ast: TSESTree.Program;
  try {
    // No comments, tokens or JSDoc: nothing reads them (suppression comments are read from the file text), and each
    // would add time and memory to every parsed module (TypeScript builds nodes for every doc comment).
    ast = parse(text, { loc: true, range: true, jsx, allowInvalidAST: false, errorOnUnknownASTType: false, jsDocParsingMode: 'none' });
  } catch (error) {
    const details = error as { message: string; lineNumber?: number; column?: number; location?: { start: { line: number; column: number } } };
    const line = details.location?.start.line ?? details.lineNumber ?? 1;
    const column = (details.location?.start.column ?? details.column ?? 0) + 1;
    throw new CodeParseError(details.message.split('\n')[0], line, column);
  }
  linkParents(ast, visitorKeys);
  // `lib: []`: no implicit variables for the ECMAScript globals (Map, Promise, JSON…). The analyses treat a global
  // as a name without a declaration either way, and the default lib adds hundreds of variables to every module's
  // global scope, which on a monorepo run is memory and time spent on nothing.
  const scopeManager = analyze(ast, { sourceType: ast.sourceType, jsxPragma: null, lib: [] });
  const references = new Map<TSESTree.Identifier, Variable>();
  const declarations = new Map<TSESTree.Identifier, Variable>();
  for (const scope of scopeManager.scopes) {
    for (const variable of scope.variables) for (const identifier of variable.identifiers) declarations.set(identifier as TSESTree.Identifier, variable);
    for (const reference of scope.references) {
      if (reference.resolved) references.set(reference.identifier as TSESTree.Identifier, reference.resolved);
    }
  }
  return {
    file,
    ast,
    variableOf: (identifier) => references.get(identifier) ?? declarations.get(identifier),
    declaredVariable: (identifier) => declarations.get(identifier),
    walk: (root, visit) => forEachNode(root, visit, visitorKeys),
  };
}

/** estree locations are 0-based in columns; ours are 1-based everywhere. */
export function locationOfNode(file: string, node: Node): SourceLocation {
  return {
    file,
    line: node.loc.start.line,
    column: node.loc.start.column + 1,
    endLine: node.loc.end.line,
    endColumn: node.loc.end.column + 1,
  };
}

/** Visit every node below `root` (depth first, in source order), with its ancestors available through `parent`. */
function forEachNode(root: Node, visit: (node: Node) => void, visitorKeys: ParserModules['visitorKeys']): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    pushChildren(node, stack, visitorKeys);
  }
}
