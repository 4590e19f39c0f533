// docker-compose files: each service that runs a Kafka broker becomes one BrokerFacts (its `environment`, read with
// the image's own env-var convention) plus the topics of its KAFKA_CREATE_TOPICS.
//
// A service is a broker when its variables are a broker's (hasBrokerEvidence), or when its image is a Kafka broker
// image (kafkaImageConvention) and it keeps the image's command: a cp-kafka container whose `command` runs
// kafka-topics is an init job, not a broker. A file with exactly one broker is a local development stack (DESIGN.md §3 "Environment"): its facts carry
// that environment, and durability findings on them are reported as info — unless the file's name calls it
// production (`compose-prod.yml`, `docker-compose.production.yml`), where the author has told us otherwise.
//
// Not read here: `env_file:` (the env source reads those files itself), `extends:`, client services.

import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Scalar, type YAMLMap } from 'yaml';
import type { EnvironmentInfo, FileFacts, SourceLocation } from '../../model/types.js';
import { emptyFileFacts } from '../../model/types.js';
import { brokerFactsFromEnvironment, type EnvVariable } from '../env/env-broker-facts.js';
import { conventionOfVariables, hasBrokerEvidence, kafkaImageConvention, type ImageConvention } from '../env/kafka-env-vars.js';
import { documentRoot, locationOf, type YamlContext } from '../yaml/yaml-nodes.js';

interface ComposeService {
  name: string;
  location: SourceLocation;
  variables: EnvVariable[];
  convention: ImageConvention;
  /** How many containers the service runs (`deploy.replicas`, legacy `scale`). */
  replicas: number;
}

/** Follow an alias to the node it names; any other node is returned as is. */
function resolved(document: Document.Parsed, node: unknown): unknown {
  return isAlias(node) ? node.resolve(document) : node;
}

/** A key's value in a map, looking through YAML merge keys (`<<: *base`) when the map does not set it itself. */
function valueOf(document: Document.Parsed, map: YAMLMap, key: string, depth = 0): unknown {
  for (const pair of map.items) {
    if (isScalar(pair.key) && pair.key.value === key) return resolved(document, pair.value);
  }
  if (depth > 8) return undefined;
  for (const base of mergedMaps(document, map)) {
    const value = valueOf(document, base, key, depth + 1);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** The maps a `<<` key merges into this one, in order. */
function mergedMaps(document: Document.Parsed, map: YAMLMap): YAMLMap[] {
  const maps: YAMLMap[] = [];
  for (const pair of map.items) {
    if (!isScalar(pair.key) || pair.key.value !== '<<') continue;
    const value = resolved(document, pair.value);
    const candidates = isSeq(value) ? value.items.map((item) => resolved(document, item)) : [value];
    for (const candidate of candidates) if (isMap(candidate)) maps.push(candidate);
  }
  return maps;
}

/** Offsets of a scalar's text without its quotes. */
function innerRange(scalar: Scalar): [number, number] | undefined {
  const range = scalar.range;
  if (!range) return undefined;
  const quoted = scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE';
  return quoted ? [range[0] + 1, range[1] - 1] : [range[0], range[1]];
}

function locationAt(context: YamlContext, start: number, end: number): SourceLocation {
  const from = context.lineCounter.linePos(start);
  const to = context.lineCounter.linePos(end);
  return { file: context.file, line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
}

/** The text Compose hands the container: numbers and booleans as written, `null` for "take it from the shell". */
function scalarText(scalar: Scalar): string | undefined {
  if (scalar.value === null || scalar.value === undefined) return undefined;
  return typeof scalar.source === 'string' ? scalar.source : String(scalar.value);
}

function isBlockScalar(scalar: Scalar): boolean {
  return scalar.type === 'BLOCK_LITERAL' || scalar.type === 'BLOCK_FOLDED';
}

/** `KEY: value` in the map form of `environment`. */
function variableFromPair(context: YamlContext, keyNode: unknown, valueNode: unknown): EnvVariable | undefined {
  if (!isScalar(keyNode) || !isScalar(valueNode)) return undefined;
  const raw = scalarText(valueNode);
  if (raw === undefined) return undefined;
  const keyLocation = locationOf(context, keyNode as Node);
  const inner = innerRange(valueNode);
  if (!inner) return { name: String(keyNode.value), raw, location: keyLocation, verbatim: false };
  const valueLocation = locationAt(context, inner[0], inner[1]);
  const location = { ...keyLocation, endLine: valueLocation.endLine, endColumn: valueLocation.endColumn };
  const verbatim = !isBlockScalar(valueNode) && valueLocation.line === valueLocation.endLine && inner[1] - inner[0] === raw.length;
  return { name: String(keyNode.value), raw, location, valueLocation, verbatim };
}

/** `- KEY=value` (plain or quoted) in the list form of `environment`; `- KEY` alone takes the shell's value. */
function variableFromItem(context: YamlContext, item: unknown): EnvVariable | undefined {
  if (!isScalar(item)) return undefined;
  const text = scalarText(item);
  const equals = text?.indexOf('=') ?? -1;
  if (text === undefined || equals <= 0) return undefined;
  const name = text.slice(0, equals).trim();
  const raw = text.slice(equals + 1);
  const inner = innerRange(item);
  if (!inner) return { name, raw, location: locationOf(context, item as Node), verbatim: false };
  const whole = locationAt(context, inner[0], inner[1]);
  const exact = !isBlockScalar(item) && whole.line === whole.endLine && inner[1] - inner[0] === text.length;
  if (!exact) return { name, raw, location: whole, verbatim: false };
  const valueStart = inner[0] + equals + 1;
  return { name, raw, location: whole, valueLocation: locationAt(context, valueStart, inner[1]), verbatim: true };
}

function environmentVariables(context: YamlContext, document: Document.Parsed, environment: unknown, depth = 0): EnvVariable[] {
  const variables: EnvVariable[] = [];
  if (isMap(environment)) {
    // Merged maps first: the map's own keys override them, and the last occurrence of a key wins.
    if (depth < 8) for (const base of mergedMaps(document, environment)) variables.push(...environmentVariables(context, document, base, depth + 1));
    for (const pair of environment.items) {
      if (isScalar(pair.key) && pair.key.value === '<<') continue;
      const variable = variableFromPair(context, pair.key, resolved(document, pair.value));
      if (variable) variables.push(variable);
    }
  } else if (isSeq(environment)) {
    for (const item of environment.items) {
      const variable = variableFromItem(context, resolved(document, item));
      if (variable) variables.push(variable);
    }
  }
  return variables;
}

function replicasOf(document: Document.Parsed, service: YAMLMap): number {
  const deploy = valueOf(document, service, 'deploy');
  const replicas = isMap(deploy) ? resolved(document, deploy.get('replicas', true)) : valueOf(document, service, 'scale');
  const count = isScalar(replicas) ? Number(replicas.value) : NaN;
  return Number.isInteger(count) && count > 1 ? count : 1;
}

/** The broker services of one document, or nothing when the document is not a compose file. */
function brokerServices(context: YamlContext, document: Document.Parsed): ComposeService[] {
  const root = documentRoot(document);
  if (!isMap(root)) return [];
  const services = valueOf(document, root, 'services');
  if (!isMap(services)) return [];
  const brokers: ComposeService[] = [];
  for (const pair of services.items) {
    const service = resolved(document, pair.value);
    if (!isScalar(pair.key) || !isMap(service)) continue;
    const image = valueOf(document, service, 'image');
    const imageConvention = kafkaImageConvention(isScalar(image) && typeof image.value === 'string' ? image.value : undefined);
    const variables = environmentVariables(context, document, valueOf(document, service, 'environment'));
    const names = variables.map((variable) => variable.name);
    const convention = imageConvention ?? conventionOfVariables(names);
    const overridesCommand = valueOf(document, service, 'command') !== undefined || valueOf(document, service, 'entrypoint') !== undefined;
    const isBroker = hasBrokerEvidence(names, convention) || (imageConvention !== undefined && !overridesCommand);
    if (!isBroker) continue;
    const keyLocation = locationOf(context, pair.key as Node);
    brokers.push({
      name: String(pair.key.value),
      location: { file: context.file, line: keyLocation.line, column: keyLocation.column },
      variables,
      convention,
      replicas: replicasOf(document, service),
    });
  }
  return brokers;
}

function isNamedProduction(file: string): boolean {
  const base = file.split('/').pop() ?? file;
  return /(^|[^a-z])prod(uction)?([^a-z]|$)/i.test(base);
}

export function factsFromComposeDocuments(context: YamlContext, documents: Document.Parsed[]): FileFacts {
  const facts = emptyFileFacts();
  const services = documents.flatMap((document) => brokerServices(context, document));
  if (services.length === 0) return facts;
  const brokerCount = services.reduce((sum, service) => sum + service.replicas, 0);
  const environment: EnvironmentInfo | undefined = brokerCount === 1 && !isNamedProduction(context.file)
    ? { name: 'dev', reason: `single-broker docker-compose stack ${context.file}, treated as a local development stack` }
    : undefined;
  for (const service of services) {
    const { broker, topics } = brokerFactsFromEnvironment(service.variables, {
      file: context.file,
      convention: service.convention,
      declaredBy: 'compose',
      label: `compose service ${service.name}`,
      location: service.location,
      brokerCount,
      ...(environment ? { environment } : {}),
    });
    facts.brokers.push(broker);
    facts.topics.push(...topics);
  }
  return facts;
}
