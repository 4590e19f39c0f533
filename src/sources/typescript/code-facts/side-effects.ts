// THE list of calls that count as side effects in a consumer's message handler: calls whose work leaves the process
// (a database, an HTTP service, a queue, another Kafka producer, the file system), so that a crash after the offset
// is committed but before that work is done loses it. The page of auto-commit-with-side-effects documents this list;
// change both together.
//
// Precision first: a call counts only when its name says what it does. Unknown helpers are followed by the handler
// analysis (consumer-handlers.ts), not guessed here. Local calls (logging, JSON, Math, collections, hashing,
// `emit` on an in-process EventEmitter) never count.

import type { TSESTree } from '@typescript-eslint/types';
import type { Node, ParsedModule } from '../parse-module.js';
import { memberPath, propertyKeyName } from '../values.js';

/** Functions called by name that perform an HTTP request: `fetch(url)`, `axios(config)`, `got(url)`. */
const HTTP_FUNCTIONS = new Set(['fetch', 'axios', 'got', 'request', 'superagent', 'needle', 'ky']);

/** Receivers that are HTTP clients: any HTTP verb on them is a request (`axios.get`, `https.request`, `this.http.get`). */
const HTTP_CLIENT_RECEIVER = /^(axios|got|superagent|needle|ky|request|undici|\w*https?(client|service)?)$/i;
const HTTP_VERBS = new Set(['get', 'head', 'options', 'post', 'put', 'patch', 'delete', 'request', 'fetch']);

/**
 * Method names that write to a database, a store, a queue or another service whatever the receiver is called
 * (`db.insert`, `pool.query`, `prisma.order.create`, `repo.save`, `redis.hset`, `producer.send`, `sns.publish`).
 */
const REMOTE_METHODS = new Set([
  // SQL and query builders, ORMs
  'query', 'execute', 'save', 'insert', 'update', 'upsert', 'delete', 'remove', 'destroy', 'create', 'persist',
  'insertOne', 'insertMany', 'updateOne', 'updateMany', 'deleteOne', 'deleteMany', 'replaceOne', 'bulkWrite',
  'findOneAndUpdate', 'findOneAndReplace', 'findOneAndDelete', 'findByIdAndUpdate', 'findByIdAndDelete', 'findByIdAndRemove',
  'createMany', 'bulkCreate', 'bulkInsert', 'bulkUpdate', 'saveAll',
  '$executeRaw', '$executeRawUnsafe', '$queryRaw', '$queryRawUnsafe', '$transaction',
  // key-value stores and document stores
  'put', 'putItem', 'putObject', 'batchWrite', 'transactWrite', 'hset', 'hmset', 'setex', 'setnx', 'lpush', 'rpush',
  'sadd', 'zadd', 'incr', 'incrby', 'hincrby', 'expire', 'del', 'xadd',
  // HTTP verbs on any client object
  'post', 'patch',
  // messaging: another Kafka producer, queues, pub/sub, mail
  'send', 'sendBatch', 'sendMessage', 'sendMessageBatch', 'sendToQueue', 'publish', 'publishMessage', 'produce',
  'sendMail', 'sendEmail',
]);

/** The subset of REMOTE_METHODS that still counts when called as a plain function (an imported helper). */
const REMOTE_FUNCTIONS = new Set(['query', 'execute', 'save', 'insert', 'upsert', 'publish', 'produce', 'sendMessage', 'sendMail', 'sendEmail', 'sendToQueue']);

/** File writes: on any receiver or as an imported function (`fs.writeFile`, `writeFile` from `fs/promises`). */
const FILE_WRITES = new Set(['writeFile', 'appendFile', 'writeFileSync', 'appendFileSync', 'outputFile', 'outputJson', 'writeJson', 'writeJSON']);
/** File-system calls that only count on a file-system module (`fs.rename`, `fsp.unlink`), being generic words. */
const FILE_SYSTEM_RECEIVER = /^(fs|fsp|fse|fsExtra|promises)$/;
const FILE_SYSTEM_METHODS = new Set(['unlink', 'unlinkSync', 'rm', 'rmSync', 'rename', 'renameSync', 'copyFile', 'copyFileSync', 'mkdir', 'write', 'writeSync', 'truncate']);

/** Receivers whose methods never leave the process: language built-ins, path and text helpers, hashing. */
const LOCAL_RECEIVERS = new Set([
  'console', 'JSON', 'Math', 'Object', 'Array', 'Reflect', 'Promise', 'Number', 'String', 'Boolean', 'Date', 'Symbol',
  'BigInt', 'Intl', 'Buffer', 'URL', 'URLSearchParams', 'Atomics', 'path', 'util', 'assert', 'crypto', 'querystring',
  'qs', '_', 'lodash', 'process.stdout', 'process.stderr',
]);

/** Receivers named like a logger, a tracer or a metrics client: `logger.info`, `this.log.warn`, `span.end`. */
const TELEMETRY_RECEIVER = /^(log|logger|logging|winston|pino|bunyan|debug|tracer|span|metrics|meter|counter|histogram|gauge|statsd|sentry)$|logger$/i;

/** Receivers named like an in-memory collection: `seen.delete(id)`, `this.pending.remove(x)`, `cache.delete(k)`. */
const COLLECTION_RECEIVER = /(map|set|cache|seen|pending|inflight|inFlight|buffer|queue|list|ids|keys|params|headers|searchParams|formData)$/i;

/** Constructors of in-process collections and builders: a variable holding one is local. */
const LOCAL_CONSTRUCTORS = new Set(['Map', 'Set', 'WeakMap', 'WeakSet', 'Array', 'URLSearchParams', 'Headers', 'FormData', 'Date', 'URL']);

/** Calls that make an in-process object whose `update`/`write` stays in the process (`createHash(…).update(…)`). */
const LOCAL_FACTORY = /^(createHash|createHmac|createCipheriv|createDecipheriv|createSign|createVerify|createGzip|createGunzip|createDeflate|createInflate)$/;

/** `console.error`, `this.logger.info`: calls that write a log line. Used by the catch analysis as well. */
export function isTelemetryReceiver(path: string): boolean {
  const last = path.split('.').pop() ?? path;
  return LOCAL_RECEIVERS.has(path) || path === 'console' || TELEMETRY_RECEIVER.test(last);
}

/** A short, value-free rendering of a callee for messages: `db.collection(…).insertOne`, `this.repo.save`. */
export function calleeText(node: Node, depth = 0): string {
  if (depth > 4) return '…';
  switch (node.type) {
    case 'Identifier':
      return node.name;
    case 'ThisExpression':
      return 'this';
    case 'Super':
      return 'super';
    case 'MemberExpression': {
      const name = propertyKeyName(node);
      return `${calleeText(node.object, depth + 1)}${name === undefined ? '[…]' : `.${name}`}`;
    }
    case 'CallExpression':
      return `${calleeText(node.callee, depth + 1)}(…)`;
    case 'AwaitExpression':
      return `(await ${calleeText(node.argument, depth + 1)})`;
    case 'ChainExpression':
    case 'TSNonNullExpression':
    case 'TSAsExpression':
      return calleeText(node.expression, depth + 1);
    default:
      return '…';
  }
}

export function callText(call: TSESTree.CallExpression): string {
  return `${calleeText(call.callee)}(${call.arguments.length === 0 ? '' : '…'})`;
}

function unwrapExpression(node: Node): Node {
  let current = node;
  while (current.type === 'ChainExpression' || current.type === 'TSNonNullExpression' || current.type === 'TSAsExpression' || current.type === 'AwaitExpression') {
    current = current.type === 'AwaitExpression' ? current.argument : current.expression;
  }
  return current;
}

function typeNameOf(annotation: TSESTree.TypeNode | undefined): string | undefined {
  if (!annotation) return undefined;
  if (annotation.type === 'TSArrayType') return 'Array';
  if (annotation.type === 'TSTypeReference' && annotation.typeName.type === 'Identifier') return annotation.typeName.name;
  return undefined;
}

/** What an expression that holds an object was initialised with or declared as, when the module says. */
function isLocalObject(initialiser: Node | undefined | null, annotation?: TSESTree.TypeNode): boolean {
  const typeName = typeNameOf(annotation);
  if (typeName && (LOCAL_CONSTRUCTORS.has(typeName) || typeName === 'Record' || typeName === 'ReadonlyArray')) return true;
  if (!initialiser) return false;
  const value = unwrapExpression(initialiser);
  if (value.type === 'ArrayExpression' || value.type === 'ObjectExpression') return true;
  if (value.type === 'NewExpression' && value.callee.type === 'Identifier') return LOCAL_CONSTRUCTORS.has(value.callee.name);
  if (value.type === 'CallExpression') {
    const name = value.callee.type === 'MemberExpression' ? propertyKeyName(value.callee) : value.callee.type === 'Identifier' ? value.callee.name : undefined;
    return name !== undefined && LOCAL_FACTORY.test(name);
  }
  return false;
}

/** Whether the receiver of a method call is an in-process object: a Map/Set/array, a hash, a builder. */
function isLocalReceiver(receiver: Node, module: ParsedModule): boolean {
  const target = unwrapExpression(receiver);
  if (isLocalObject(target)) return true;
  if (target.type === 'Identifier') {
    const definition = module.variableOf(target)?.defs[0];
    if (definition?.type === 'Variable') {
      const declarator = definition.node as TSESTree.VariableDeclarator;
      const annotation = declarator.id.type === 'Identifier' ? declarator.id.typeAnnotation?.typeAnnotation : undefined;
      return isLocalObject(declarator.init, annotation);
    }
    if (definition?.type === 'Parameter' && definition.name.type === 'Identifier') {
      return isLocalObject(undefined, (definition.name as TSESTree.Identifier).typeAnnotation?.typeAnnotation);
    }
    return false;
  }
  // `this.seen` declared in the class as `private seen = new Set<string>()` or `seen: Map<…>`.
  if (target.type === 'MemberExpression' && target.object.type === 'ThisExpression') {
    const name = propertyKeyName(target);
    for (let current = (target as Node & { parent?: Node }).parent; current; current = (current as Node & { parent?: Node }).parent) {
      if (current.type !== 'ClassBody') continue;
      for (const member of current.body) {
        if (member.type === 'PropertyDefinition' && member.key.type === 'Identifier' && member.key.name === name) {
          return isLocalObject(member.value, member.typeAnnotation?.typeAnnotation);
        }
      }
      return false;
    }
  }
  return false;
}

/**
 * Whether a call is a side effect, and how to name it in a message (`db.insert(…)`). `isExcludedReceiver` says which
 * receivers are the consumer itself (its `commit`, `pause`, `seek` are not side effects of the handler).
 */
export function sideEffectOf(call: TSESTree.CallExpression, module: ParsedModule, isExcludedReceiver: (receiver: Node) => boolean = () => false): string | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type === 'Identifier') {
    const name = callee.name;
    if (HTTP_FUNCTIONS.has(name) || REMOTE_FUNCTIONS.has(name) || FILE_WRITES.has(name)) return callText(call);
    return undefined;
  }
  if (callee.type !== 'MemberExpression') return undefined;
  const method = propertyKeyName(callee);
  if (method === undefined) return undefined;
  const receiver = callee.object;
  if (isExcludedReceiver(unwrapExpression(receiver))) return undefined;
  const receiverPath = memberPath(receiver);
  const receiverName = receiverPath?.split('.').pop();
  if (receiverPath !== undefined && isTelemetryReceiver(receiverPath)) return undefined;
  if (FILE_WRITES.has(method)) return callText(call);
  if (receiverName !== undefined && FILE_SYSTEM_RECEIVER.test(receiverName) && FILE_SYSTEM_METHODS.has(method)) return callText(call);
  if (receiverName !== undefined && HTTP_CLIENT_RECEIVER.test(receiverName)) {
    if (HTTP_VERBS.has(method)) return callText(call);
    if (method === 'create' || method === 'extend') return undefined; // `axios.create()` builds a client locally
  }
  if (!REMOTE_METHODS.has(method)) return undefined;
  if (isLocalReceiver(receiver, module)) return undefined;
  if ((method === 'delete' || method === 'remove' || method === 'put' || method === 'update') && receiverName !== undefined && COLLECTION_RECEIVER.test(receiverName)) return undefined;
  return callText(call);
}

/** Side effects whose work is complete when the call returns (`fs.writeFileSync`): they cannot be left un-awaited. */
export function isSynchronousSideEffect(call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? propertyKeyName(callee) : undefined;
  return name !== undefined && name.endsWith('Sync');
}
