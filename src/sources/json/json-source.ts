// JSON files: Kafka client configs with dotted keys, Kafka Connect connector configs, and Confluent.Kafka sections of
// .NET appsettings.json. Every other JSON file (package.json is read by the manifests source, tsconfig.json, data)
// gives nothing: it is not parsed unless its text mentions Kafka, and its syntax errors are not ours to report.

import type { FileFacts, Library } from '../../model/types.js';
import { emptyFileFacts } from '../../model/types.js';
import { looksLikeKafkaText, mergeFacts } from '../source-text.js';
import { dottedKafkaSections, factsFromDottedSection, mentionsDottedKafkaKey } from './client-config.js';
import { connectorOf, factsFromConnector } from './connect-connector.js';
import { factsFromDotnetSections } from './dotnet-appsettings.js';
import { isObject, type JsonContext } from './json-nodes.js';
import { LineIndex, parseJson, type JsonObject, type JsonValue } from './parse-json.js';

/** JSON-with-comments files by convention (TypeScript, VS Code, dev containers): never Kafka config. */
function isCommentedJsonTooling(file: string): boolean {
  const base = file.split('/').pop()!.toLowerCase();
  return /^(tsconfig|jsconfig)(\..*)?\.json$/.test(base) || base === 'devcontainer.json' || base === '.devcontainer.json' || /(^|\/)\.vscode\//.test(file);
}

/**
 * .NET reads appsettings*.json with comments skipped and trailing commas allowed, so those are not errors there;
 * and a Kafka section in it configures Confluent.Kafka, that is librdkafka.
 */
function isDotnetAppSettings(file: string): boolean {
  return /^appsettings(\..*)?\.json$/i.test(file.split('/').pop()!);
}

/**
 * Worth parsing, and worth a parse-error when broken: the text mentions Kafka, names a dotted Kafka key, or is a
 * Connect connector config (whose plugin keys may mention neither).
 */
function mayHoldKafkaConfig(text: string): boolean {
  return looksLikeKafkaText(text) || text.includes('connector.class') || mentionsDottedKafkaKey(text);
}

export function extractJsonFacts(file: string, text: string): FileFacts {
  const facts = emptyFileFacts();
  if (isCommentedJsonTooling(file) || !mayHoldKafkaConfig(text)) return facts;
  const dotnet = isDotnetAppSettings(file);
  const parsed = parseJson(text, { lenient: dotnet });
  const context: JsonContext = { file, lines: new LineIndex(text) };
  if (!parsed.ok) {
    const { line, column } = context.lines.position(parsed.error.offset);
    facts.problems.push({ file, line, column, message: `JSON syntax error: ${parsed.error.message}` });
    return facts;
  }
  const library: Library | undefined = dotnet ? 'librdkafka' : undefined;
  for (const root of objectRoots(parsed.value)) mergeFacts(facts, factsFromRoot(context, root, library));
  return facts;
}

/** The object a file holds, or each object of a top-level array (a list of connector or client configs). */
function objectRoots(value: JsonValue): JsonObject[] {
  if (isObject(value)) return [value];
  if (value.kind === 'array') return value.items.filter(isObject);
  return [];
}

function factsFromRoot(context: JsonContext, root: JsonObject, library: Library | undefined): FileFacts {
  const connector = connectorOf(root);
  if (connector) return factsFromConnector(context, connector);
  const facts = emptyFileFacts();
  const sections = dottedKafkaSections(root);
  for (const section of sections) mergeFacts(facts, factsFromDottedSection(context, section, library));
  mergeFacts(facts, factsFromDotnetSections(context, root, new Set(sections.map((section) => section.object))));
  return facts;
}
