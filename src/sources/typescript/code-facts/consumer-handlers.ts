// What a consumer's message handlers do: the side effects they start (and whether those finish before the handler
// does), the errors they catch and drop, how an eachBatch handler processes its batch, and where offsets are
// committed or stored.
//
// Handlers are found per library:
//   kafkajs / KafkaJS API of @confluentinc/kafka-javascript   consumer.run({ eachMessage | eachBatch, eachBatchAutoResolve })
//   node-rdkafka / callback API of @confluentinc/kafka-javascript   consumer.on('data', fn), consumer.consume(n, cb), consume(cb),
//                                                               for await (const m of createReadStream(…))
//   @platformatic/kafka                                        stream = await consumer.consume({…}); stream.on('data', fn),
//                                                               for await (const m of stream)
// A handler passed by name is followed to its function (a const, a function declaration, an imported function, a
// class method through `this.x` or `this.x.bind(this)`), and so are the helpers a handler calls, a few levels deep:
// `await saveOrder(m)` is a side effect when `saveOrder` writes to a database.

import type { TSESTree } from '@typescript-eslint/types';
import type { CodeSite, ConsumerHandlerFacts } from '../../../model/types.js';
import { bindingOf, clientReferences, methodCalls } from '../client-uses.js';
import type { CodeContext, DetectedClient } from '../code-context.js';
import { locationOfNode, type Node, type ParsedModule, type Variable } from '../parse-module.js';
import { memberPath, propertyKeyName, type StaticProperty } from '../values.js';
import { CompletionAnalysis } from './consumer-completion.js';
import { calleeName, calleePath, callTakingArgument, contains, isFunction, isTransparentWrapper as isTransparentWrapperNode, parentOf, type FunctionNode } from './enclosing.js';
import { callText, isSynchronousSideEffect, isTelemetryReceiver, sideEffectOf } from './side-effects.js';

/** How deep the analysis follows helpers a handler calls (`handler → process → save → db.insert`). */
const MAX_HELPER_DEPTH = 3;

/**
 * Calls that commit or store offsets. `resolveOffset` and `commitOffsetsIfNecessary` are kafkajs eachBatch payload
 * functions; `offsetsStore`/`storeOffsets` store for librdkafka's auto-commit; the rest commit.
 * A `heartbeat()` is not a commit.
 */
const COMMIT_METHODS = new Set(['commitOffsets', 'commitOffsetsIfNecessary', 'resolveOffset', 'commit', 'commitSync', 'commitMessage', 'commitMessageSync', 'offsetsStore', 'storeOffsets']);
/** Generic names that only count on the consumer itself or on the message the handler got (`message.commit()`). */
const GENERIC_COMMIT_METHODS = new Set(['commit', 'commitSync']);

const LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);

/** Catch bodies that call these hand the failure on: pause or rewind the partition, or end the process. */
const RECOVERY_METHODS = new Set(['pause', 'seek']);
const PROCESS_EXITS = new Set(['process.exit', 'process.kill', 'process.abort']);
/** Helpers named like a dead-letter or retry hand-off: `sendToDlq(m)`, `this.deadLetter(m, e)`, `scheduleRetry(m)`. */
const HAND_OFF_NAME = /dlq|dead.?letter|retry|requeue|park|quarantine/i;

type HandlerKind = ConsumerHandlerFacts['kind'];

interface FoundHandler {
  kind: HandlerKind;
  /** Where the handler is given to the library: the `eachMessage` property, the `.on('data', …)` call, the loop. */
  at: Node;
  atFile: string;
  /** The handler's code: a function, or the body of a `for await` loop; undefined when we cannot see it. */
  root?: Node;
  module: ParsedModule;
  autoResolve?: boolean;
  /** Variables that hold what the library hands the handler (the payload, the message). */
  payload: Set<Variable>;
}

interface BodyFacts {
  sideEffects: CodeSite[];
  unawaitedSideEffects: CodeSite[];
  swallowingCatches: CodeSite[];
  unsafeBatchProcessing: CodeSite[];
  commitCalls: CodeSite[];
}

const emptyBody = (): BodyFacts => ({ sideEffects: [], unawaitedSideEffects: [], swallowingCatches: [], unsafeBatchProcessing: [], commitCalls: [] });

function site(module: ParsedModule, node: Node, description: string): CodeSite {
  return { location: locationOfNode(module.file, node), description };
}

function distinctSites(sites: CodeSite[]): CodeSite[] {
  const seen = new Set<string>();
  return sites.filter((entry) => {
    const key = `${entry.location.file}:${entry.location.line}:${entry.location.column}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

function unwrap(node: Node): Node {
  let current = node;
  while (current.type === 'TSAsExpression' || current.type === 'TSNonNullExpression' || current.type === 'TSSatisfiesExpression' || current.type === 'ChainExpression') current = current.expression;
  return current;
}

// ---------------------------------------------------------------------------------------------------------------
// Following a function: a handler given by name, or a helper a handler calls.

interface FunctionAt {
  fn: FunctionNode;
  module: ParsedModule;
}

/** The class method `this.name` refers to, from inside the class. */
function classMethod(from: Node, name: string, module: ParsedModule): FunctionAt | undefined {
  for (let current = parentOf(from); current; current = parentOf(current)) {
    if (current.type !== 'ClassBody') continue;
    for (const member of current.body) {
      if ((member.type === 'MethodDefinition' || member.type === 'PropertyDefinition') && member.key.type === 'Identifier' && member.key.name === name && member.value && isFunction(member.value)) {
        return { fn: member.value, module };
      }
    }
    return undefined;
  }
  return undefined;
}

/** `export function name() {}`, `export default function () {}`, `export { local as name }` of a function declaration. */
function exportedFunction(module: ParsedModule, name: string): FunctionNode | undefined {
  for (const statement of module.ast.body) {
    if (name === 'default' && statement.type === 'ExportDefaultDeclaration' && isFunction(statement.declaration)) return statement.declaration;
    if (statement.type !== 'ExportNamedDeclaration') continue;
    if (statement.declaration?.type === 'FunctionDeclaration' && statement.declaration.id?.name === name) return statement.declaration;
    for (const specifier of statement.specifiers) {
      const exported = specifier.exported.type === 'Identifier' ? specifier.exported.name : String(specifier.exported.value);
      if (exported !== name || statement.source || specifier.local.type !== 'Identifier') continue;
      const localName = specifier.local.name;
      for (const candidate of module.ast.body) {
        if (candidate.type === 'FunctionDeclaration' && candidate.id?.name === localName) return candidate;
      }
    }
  }
  return undefined;
}

function functionOf(expression: Node, module: ParsedModule, context: CodeContext): FunctionAt | undefined {
  let node = unwrap(expression);
  // `this.handle.bind(this)` is `this.handle`.
  if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && propertyKeyName(node.callee) === 'bind') node = unwrap(node.callee.object);
  if (isFunction(node)) return { fn: node, module };
  if (node.type === 'MemberExpression' && node.object.type === 'ThisExpression') {
    const name = propertyKeyName(node);
    return name === undefined ? undefined : classMethod(node, name, module);
  }
  if (node.type !== 'Identifier') return undefined;
  const value = context.values.resolve(node, module);
  if (value.kind === 'function') return { fn: value.function, module: value.module };
  // An imported function declaration (the value resolver follows exported consts and objects).
  const definition = module.variableOf(node)?.defs[0];
  if (definition?.type !== 'ImportBinding') return undefined;
  const specifier = definition.node as TSESTree.ImportClause;
  const declaration = parentOf(specifier);
  if (declaration?.type !== 'ImportDeclaration' || specifier.type === 'ImportNamespaceSpecifier') return undefined;
  const target = context.project.resolveImport(module.file, declaration.source.value);
  const targetModule = target ? context.project.parsed(target) : undefined;
  if (!targetModule) return undefined;
  const name = specifier.type === 'ImportDefaultSpecifier' ? 'default' : specifier.imported.type === 'Identifier' ? specifier.imported.name : String(specifier.imported.value);
  const fn = exportedFunction(targetModule, name);
  return fn ? { fn, module: targetModule } : undefined;
}

/** The function a property's value is, wherever the property is written. */
function functionOfProperty(property: StaticProperty, context: CodeContext): FunctionAt | undefined {
  if (property.value.kind === 'function') return { fn: property.value.function, module: property.value.module };
  const module = property.file === context.file ? context.module : context.project.parsed(property.file);
  if (!module || property.node.type !== 'Property') return undefined;
  return functionOf(property.node.value as Node, module, context);
}

/** The variables a pattern declares: `{ batch, resolveOffset }`, `message`, `[a, b]`. */
function patternVariables(pattern: Node, module: ParsedModule, into: Set<Variable>): void {
  module.walk(pattern, (node) => {
    if (node.type !== 'Identifier') return;
    const variable = module.declaredVariable(node);
    if (variable) into.add(variable);
  });
}

function parameterVariables(fn: FunctionNode, module: ParsedModule): Set<Variable> {
  const variables = new Set<Variable>();
  for (const parameter of fn.params) patternVariables(parameter, module, variables);
  return variables;
}

// ---------------------------------------------------------------------------------------------------------------
// Finding the handlers of one consumer.

function booleanOption(property: StaticProperty | undefined, absent: boolean): boolean | undefined {
  if (!property) return absent;
  return property.value.kind === 'literal' && typeof property.value.value === 'boolean' ? property.value.value : undefined;
}

function runHandlers(client: DetectedClient, context: CodeContext): FoundHandler[] {
  const found: FoundHandler[] = [];
  for (const { method, call } of methodCalls(client, context)) {
    if (method !== 'run' || !call.arguments[0]) continue;
    const options = context.values.resolve(call.arguments[0], context.module);
    if (options.kind !== 'object') continue;
    for (const kind of ['eachMessage', 'eachBatch'] as const) {
      const property = context.values.property(options, kind);
      if (!property) continue;
      const target = functionOfProperty(property, context);
      found.push({
        kind,
        at: property.node,
        atFile: property.file,
        root: target?.fn,
        module: target?.module ?? context.module,
        autoResolve: kind === 'eachBatch' ? booleanOption(context.values.property(options, 'eachBatchAutoResolve'), true) : undefined,
        payload: target ? parameterVariables(target.fn, target.module) : new Set(),
      });
    }
  }
  return found;
}

/** `for await (const message of <reference>)` loops over a stream. */
function streamLoops(references: Node[], context: CodeContext): FoundHandler[] {
  const found: FoundHandler[] = [];
  for (const reference of references) {
    let node: Node = reference;
    while (parentOf(node)?.type === 'AwaitExpression' || parentOf(node)?.type === 'TSAsExpression') node = parentOf(node)!;
    const loop = parentOf(node);
    if (loop?.type !== 'ForOfStatement' || loop.right !== node || !loop.await) continue;
    const payload = new Set<Variable>();
    patternVariables(loop.left, context.module, payload);
    found.push({ kind: 'stream', at: loop, atFile: context.file, root: loop.body, module: context.module, payload });
  }
  return found;
}

/** `.on('data', fn)` calls on a client or stream. */
function dataListeners(target: DetectedClient, kind: HandlerKind, context: CodeContext): FoundHandler[] {
  const found: FoundHandler[] = [];
  for (const { method, call } of methodCalls(target, context)) {
    if (!LISTENER_METHODS.has(method)) continue;
    const event = call.arguments[0];
    if (event?.type !== 'Literal' || event.value !== 'data' || !call.arguments[1]) continue;
    const handler = functionOf(call.arguments[1], context.module, context);
    found.push({ kind, at: call, atFile: context.file, root: handler?.fn, module: handler?.module ?? context.module, payload: handler ? parameterVariables(handler.fn, handler.module) : new Set() });
  }
  return found;
}

function librdkafkaHandlers(client: DetectedClient, context: CodeContext): FoundHandler[] {
  const found = dataListeners(client, 'data-event', context);
  for (const { method, call } of methodCalls(client, context)) {
    if (method !== 'consume') continue;
    const callback = call.arguments[call.arguments.length - 1];
    const handler = callback ? functionOf(callback, context.module, context) : undefined;
    if (!handler) continue;
    found.push({ kind: 'consume-callback', at: call, atFile: context.file, root: handler.fn, module: handler.module, payload: parameterVariables(handler.fn, handler.module) });
  }
  return [...found, ...streamLoops(clientReferences(client, context), context)];
}

function platformaticHandlers(client: DetectedClient, context: CodeContext): FoundHandler[] {
  const found: FoundHandler[] = [];
  for (const { method, call } of methodCalls(client, context)) {
    if (method !== 'consume') continue;
    // `for await (const m of await consumer.consume({…}))`
    found.push(...streamLoops([call], context));
    const stream: DetectedClient = { facts: client.facts, creation: call, ...bindingOf(call, context) };
    if (!stream.variable && !stream.memberPath) continue;
    found.push(...dataListeners(stream, 'stream', context));
    found.push(...streamLoops(clientReferences(stream, context).filter((reference) => reference !== call), context));
  }
  return found;
}

function findHandlers(client: DetectedClient, context: CodeContext): FoundHandler[] {
  switch (client.facts.library) {
    case 'kafkajs':
    case 'confluent-kafka-javascript':
      return runHandlers(client, context);
    case 'node-rdkafka':
    case 'librdkafka':
      return librdkafkaHandlers(client, context);
    case 'platformatic':
      return platformaticHandlers(client, context);
    default:
      return [];
  }
}

// ---------------------------------------------------------------------------------------------------------------
// What one handler body does.

interface BodyOptions {
  handler: FoundHandler;
  clientReferences: Set<Node>;
  context: CodeContext;
  /** Functions already being analysed on this path (recursion guard). */
  visiting: Set<FunctionNode>;
}

/** Own nodes of a body: not inside a function nested in it. */
function walkOwn(module: ParsedModule, body: Node, visit: (node: Node) => void): void {
  module.walk(body, (node) => {
    for (let current = parentOf(node); current && current !== body; current = parentOf(current)) {
      if (isFunction(current)) return;
    }
    visit(node);
  });
}

function mentionsBatchMessages(node: Node, module: ParsedModule): boolean {
  let found = false;
  module.walk(node, (inner) => {
    if (inner.type === 'MemberExpression' && propertyKeyName(inner) === 'messages') found = true;
    if (inner.type === 'Identifier' && inner.name === 'messages') found = true;
  });
  return found;
}

class HandlerBody {
  private readonly completion: CompletionAnalysis;
  private readonly facts = emptyBody();

  constructor(
    private readonly root: Node,
    private readonly module: ParsedModule,
    private readonly options: BodyOptions,
    private readonly depth: number,
  ) {
    this.completion = new CompletionAnalysis(root, module);
  }

  analyse(): BodyFacts {
    this.module.walk(this.root, (node) => {
      if (node.type === 'CallExpression') this.visitCall(node);
      if (node.type === 'TryStatement' && node.handler) this.visitTry(node, node.handler);
    });
    return this.facts;
  }

  /** Whether the code at `node` runs as part of the handler (not in a timer, listener or `.forEach` callback). */
  private runsWithinHandler(node: Node): boolean {
    return this.completion.runsWithinRoot(node);
  }

  private isClientReference(node: Node): boolean {
    return this.options.clientReferences.has(unwrap(node));
  }

  /** What the library handed the handler (its parameters, the loop's message), or a helper's parameters. */
  private isPayload(node: Node): boolean {
    const target = unwrap(node);
    const base = target.type === 'MemberExpression' ? unwrap(target.object) : target;
    if (base.type !== 'Identifier') return false;
    const variable = this.module.variableOf(base);
    if (variable === undefined) return false;
    if (this.depth === 0) return this.options.handler.payload.has(variable);
    return isFunction(this.root) && parameterVariables(this.root, this.module).has(variable);
  }

  private isCommitCall(call: TSESTree.CallExpression): boolean {
    const callee = unwrap(call.callee);
    if (callee.type === 'Identifier') return (callee.name === 'resolveOffset' || callee.name === 'commitOffsetsIfNecessary') && this.depth === 0;
    if (callee.type !== 'MemberExpression') return false;
    const method = propertyKeyName(callee);
    if (method === undefined || !COMMIT_METHODS.has(method)) return false;
    if (!GENERIC_COMMIT_METHODS.has(method)) return true;
    return this.isClientReference(callee.object) || this.isPayload(callee.object);
  }

  private visitCall(call: TSESTree.CallExpression): void {
    const options = this.options;
    if (this.isCommitCall(call)) {
      this.facts.commitCalls.push(site(this.module, call, callText(call)));
      this.checkParallelResolve(call);
      return;
    }
    this.checkSettledCombinator(call);
    if (call.callee.type === 'MemberExpression' && propertyKeyName(call.callee) === 'catch') this.visitPromiseCatch(call);
    const sideEffect = sideEffectOf(call, this.module, (receiver) => this.isClientReference(receiver));
    if (sideEffect) {
      const entry = site(this.module, call, sideEffect);
      this.facts.sideEffects.push(entry);
      if (!isSynchronousSideEffect(call) && !this.completion.completesWithinRoot(call)) this.facts.unawaitedSideEffects.push(entry);
      return;
    }
    const helper = this.depth < MAX_HELPER_DEPTH ? this.helperOf(call) : undefined;
    // A function written inside this body is walked with it (its own calls are visited where they are).
    if (!helper || options.visiting.has(helper.fn) || (helper.module === this.module && contains(this.root, helper.fn))) return;
    options.visiting.add(helper.fn);
    const inner = new HandlerBody(helper.fn, helper.module, options, this.depth + 1).analyse();
    options.visiting.delete(helper.fn);
    const completes = this.completion.completesWithinRoot(call);
    if (inner.sideEffects.length > 0) {
      const entry = site(this.module, call, `${callText(call)} → ${inner.sideEffects[0].description}`);
      this.facts.sideEffects.push(entry);
      if (!completes) this.facts.unawaitedSideEffects.push(entry);
    }
    this.facts.unawaitedSideEffects.push(...inner.unawaitedSideEffects);
    this.facts.commitCalls.push(...inner.commitCalls);
    // A helper's errors reach the handler only when the handler waits for it.
    if (completes) this.facts.swallowingCatches.push(...inner.swallowingCatches);
  }

  /** A local or imported function, or a method of the same class, that the handler calls by name. */
  private helperOf(call: TSESTree.CallExpression): FunctionAt | undefined {
    const callee = unwrap(call.callee);
    if (callee.type !== 'Identifier' && !(callee.type === 'MemberExpression' && callee.object.type === 'ThisExpression')) return undefined;
    return functionOf(callee, this.module, this.options.context);
  }

  // -- eachBatch ----------------------------------------------------------------------------------------------

  private get autoResolves(): boolean {
    return this.options.handler.kind === 'eachBatch' && this.options.handler.autoResolve === true && this.depth === 0;
  }

  /** `Promise.allSettled(batch.messages.map(…))` never throws, so the batch is resolved whatever failed. */
  private checkSettledCombinator(call: TSESTree.CallExpression): void {
    if (!this.autoResolves || calleePath(call) !== 'Promise.allSettled') return;
    if (!call.arguments.some((argument) => mentionsBatchMessages(argument, this.module))) return;
    this.facts.unsafeBatchProcessing.push(site(this.module, call, 'Promise.allSettled(…) over batch.messages'));
  }

  /** `resolveOffset()` in a callback run for all messages at once: a later offset can be resolved before an earlier one is done. */
  private checkParallelResolve(call: TSESTree.CallExpression): void {
    if (this.options.handler.kind !== 'eachBatch' || this.depth !== 0 || calleeName(call) !== 'resolveOffset') return;
    for (let current = parentOf(call); current && current !== this.root; current = parentOf(current)) {
      if (!isFunction(current)) continue;
      const taker = callTakingArgument(current);
      const method = taker ? calleeName(taker.call) : undefined;
      if (taker && (method === 'map' || method === 'forEach' || method === 'flatMap') && mentionsBatchMessages(taker.call.callee, this.module)) {
        this.facts.unsafeBatchProcessing.push(site(this.module, call, `${callText(call)} inside ${callText(taker.call as TSESTree.CallExpression)}`));
      }
      return;
    }
  }

  // -- catches ------------------------------------------------------------------------------------------------

  private visitTry(statement: TSESTree.TryStatement, clause: TSESTree.CatchClause): void {
    if (!this.runsWithinHandler(statement)) return;
    if (!this.processes(statement.block)) return;
    if (this.isRetryLoop(statement)) return;
    if (this.handsFailureOn(clause.body, clause.param ?? undefined, 0)) return;
    this.facts.swallowingCatches.push(site(this.module, clause, clause.param?.type === 'Identifier' ? `catch (${clause.param.name}) { … }` : 'catch { … }'));
  }

  /** `promise.catch(handler)` whose chain the handler waits for: the same judgement as a `catch` clause. */
  private visitPromiseCatch(call: TSESTree.CallExpression): void {
    const handler = call.arguments[0];
    if (!handler || !this.completion.completesWithinRoot(call) || !this.runsWithinHandler(call) || this.resultIsUsed(call)) return;
    const where = (call.callee as TSESTree.MemberExpression).property;
    const target = unwrap(handler);
    if (isFunction(target)) {
      const parameter = target.params[0];
      if (!this.handsFailureOn(target.body, parameter, 0)) this.facts.swallowingCatches.push(site(this.module, where, '.catch(…)'));
      return;
    }
    const path = memberPath(target);
    if (path !== undefined && path.includes('.') && isTelemetryReceiver(path.slice(0, path.lastIndexOf('.')))) {
      this.facts.swallowingCatches.push(site(this.module, where, `.catch(${path})`));
      return;
    }
    const resolved = functionOf(target, this.module, this.options.context);
    if (resolved && !this.handsFailureOn(resolved.fn.body, resolved.fn.params[0], 1, resolved.module)) this.facts.swallowingCatches.push(site(this.module, where, '.catch(…)'));
  }

  /** `const price = await lookup().catch(() => 0)`: the caught chain gives a fallback value the handler goes on with. */
  private resultIsUsed(call: Node): boolean {
    let node = call;
    for (let parent = parentOf(node); parent; node = parent, parent = parentOf(node)) {
      if (parent.type === 'AwaitExpression' || isTransparentWrapperNode(parent)) continue;
      if (parent.type === 'MemberExpression' && parent.object === node) {
        const chained = parentOf(parent);
        if (chained?.type === 'CallExpression' && chained.callee === parent) {
          parent = chained;
          continue;
        }
      }
      return parent.type !== 'ExpressionStatement' && parent.type !== 'ReturnStatement' && !(parent.type === 'ArrowFunctionExpression' && parent.body === node);
    }
    return false;
  }

  /**
   * Whether a `try` block does processing: it awaits something, or calls a side effect directly or through a helper
   * we can see. A `try` around synchronous decoding only (`JSON.parse`, `deserializeBinary`) is a poison-message
   * filter, whose failures retrying would not fix.
   */
  private processes(block: Node, module: ParsedModule = this.module, depth = 0): boolean {
    let found = false;
    module.walk(block, (node) => {
      if (found) return;
      if (node.type === 'AwaitExpression' || (node.type === 'ForOfStatement' && node.await)) found = true;
      else if (node.type === 'CallExpression') {
        if (sideEffectOf(node, module)) found = true;
        else if (depth < MAX_HELPER_DEPTH) {
          const callee = unwrap(node.callee);
          const followable = callee.type === 'Identifier' || (callee.type === 'MemberExpression' && callee.object.type === 'ThisExpression');
          const helper = followable ? functionOf(callee, module, this.options.context) : undefined;
          if (helper && !this.options.visiting.has(helper.fn)) {
            this.options.visiting.add(helper.fn);
            found = this.processes(helper.fn.body, helper.module, depth + 1);
            this.options.visiting.delete(helper.fn);
          }
        }
      }
    });
    return found;
  }

  /** `while (…) { try { await work(); break } catch { await sleep() } }` retries until the work succeeds. */
  private isRetryLoop(statement: TSESTree.TryStatement): boolean {
    let insideLoop = false;
    for (let current = parentOf(statement); current && current !== this.root && !isFunction(current); current = parentOf(current)) {
      if (current.type === 'WhileStatement' || current.type === 'DoWhileStatement' || current.type === 'ForStatement') insideLoop = true;
    }
    if (!insideLoop) return false;
    let exits = false;
    walkOwn(this.module, statement.block, (node) => {
      if (node.type === 'BreakStatement' || node.type === 'ReturnStatement') exits = true;
    });
    return exits;
  }

  /**
   * Whether a catch body (or `.catch` handler body) passes the failure on: rethrows, rejects, pauses or seeks the
   * consumer, sends or writes somewhere (a dead-letter topic, a failures table), exits the process, or hands the
   * error to a helper we cannot see into. In an eachBatch handler without auto-resolve, stopping the batch
   * (`break`/`return`) also leaves the failed offset unresolved.
   */
  private handsFailureOn(body: Node, parameter: Node | undefined, depth: number, module: ParsedModule = this.module): boolean {
    const errorVariable = parameter?.type === 'Identifier' ? module.declaredVariable(parameter) : undefined;
    const stopsBatch = this.options.handler.kind === 'eachBatch' && this.options.handler.autoResolve === false;
    let handled = false;
    walkOwn(module, body, (node) => {
      if (handled) return;
      if (node.type === 'ThrowStatement') handled = true;
      else if (node.type === 'AssignmentExpression' && this.assignsOuterVariable(node, body, module)) handled = true;
      else if (stopsBatch && (node.type === 'BreakStatement' || node.type === 'ReturnStatement')) handled = true;
      else if (node.type === 'ReturnStatement' && node.argument?.type === 'CallExpression' && calleePath(node.argument) === 'Promise.reject') handled = true;
      else if (node.type === 'CallExpression') handled = this.callHandsFailureOn(node, errorVariable, depth, module);
    });
    return handled;
  }

  /** `catch { price = 0 }`, `catch { failed = true }`: a fallback or a flag that code after the catch reads. */
  private assignsOuterVariable(assignment: TSESTree.AssignmentExpression, body: Node, module: ParsedModule): boolean {
    if (assignment.left.type !== 'Identifier') return false;
    const declaration = module.variableOf(assignment.left)?.defs[0]?.name as Node | undefined;
    return declaration !== undefined && !(declaration.range[0] >= body.range[0] && declaration.range[1] <= body.range[1]);
  }

  private callHandsFailureOn(call: TSESTree.CallExpression, errorVariable: Variable | undefined, depth: number, module: ParsedModule): boolean {
    const path = calleePath(call);
    const name = calleeName(call);
    if (path !== undefined && PROCESS_EXITS.has(path)) return true;
    if (name !== undefined && (RECOVERY_METHODS.has(name) || HAND_OFF_NAME.test(name) || name === 'reject')) return true;
    if (sideEffectOf(call, module)) return true;
    const passesError = errorVariable !== undefined && call.arguments.some((argument) => {
      let mentions = false;
      module.walk(argument, (node) => {
        if (node.type === 'Identifier' && module.variableOf(node) === errorVariable) mentions = true;
      });
      return mentions;
    });
    if (!passesError) return false;
    const callee = unwrap(call.callee);
    const receiver = callee.type === 'MemberExpression' ? memberPath(callee.object) : undefined;
    if (receiver !== undefined && isTelemetryReceiver(receiver)) return false;
    if (callee.type === 'Identifier' && /^(log|debug|warn|error|info)$/i.test(callee.name)) return false;
    // A helper that gets the error: judge it when we can see it, else assume it acts on it.
    const helper = depth < MAX_HELPER_DEPTH ? functionOf(callee, module, this.options.context) : undefined;
    if (!helper) return true;
    return this.handsFailureOn(helper.fn.body, helper.fn.params[0], depth + 1, helper.module);
  }
}

// ---------------------------------------------------------------------------------------------------------------

/** The message handlers of a consumer client and what each of them does. Other roles have none. */
export function analyseConsumerHandlers(client: DetectedClient, context: CodeContext): ConsumerHandlerFacts[] {
  if (client.facts.role !== 'consumer') return [];
  const references = new Set(clientReferences(client, context).map(unwrap));
  const handlers: ConsumerHandlerFacts[] = [];
  for (const handler of findHandlers(client, context)) {
    const visiting = new Set<FunctionNode>(handler.root && isFunction(handler.root) ? [handler.root] : []);
    const body = handler.root ? new HandlerBody(handler.root, handler.module, { handler, clientReferences: references, context, visiting }, 0).analyse() : emptyBody();
    const facts: ConsumerHandlerFacts = {
      kind: handler.kind,
      location: locationOfNode(handler.atFile, handler.at),
      sideEffects: distinctSites(body.sideEffects),
      unawaitedSideEffects: distinctSites(body.unawaitedSideEffects),
      swallowingCatches: distinctSites(body.swallowingCatches),
      unsafeBatchProcessing: distinctSites(body.unsafeBatchProcessing),
      commitCalls: distinctSites(body.commitCalls),
    };
    if (handler.kind === 'eachBatch') facts.autoResolve = handler.autoResolve;
    handlers.push(facts);
  }
  return handlers;
}

/** Commit and offset-store calls on the consumer anywhere in its module, and those its handlers make. */
export function consumerCommitCalls(client: DetectedClient, context: CodeContext, handlers: ConsumerHandlerFacts[]): CodeSite[] {
  if (client.facts.role !== 'consumer') return [];
  const calls: CodeSite[] = [];
  for (const { method, call } of methodCalls(client, context)) {
    if (COMMIT_METHODS.has(method)) calls.push(site(context.module, call, callText(call)));
  }
  for (const handler of handlers) calls.push(...handler.commitCalls);
  const order = (entry: CodeSite) => [entry.location.file, entry.location.line, entry.location.column] as const;
  return distinctSites(calls).sort((left, right) => {
    const [a, b] = [order(left), order(right)];
    return a[0] === b[0] ? a[1] - b[1] || a[2] - b[2] : a[0] < b[0] ? -1 : 1;
  });
}
