// YAML files: every document is parsed once with positions, then offered to each YAML reader (Spring Boot,
// Strimzi custom resources, docker-compose, Helm values). A reader takes only the documents that are its kind.

import { LineCounter, parseAllDocuments, type Document } from 'yaml';
import type { FileFacts } from '../../model/types.js';
import { emptyFileFacts } from '../../model/types.js';
import { factsFromComposeDocuments } from '../compose/compose-source.js';
import { factsFromHelmValues } from '../helm/helm-values.js';
import { factsFromSpringYamlDocuments } from '../spring/spring-yaml.js';
import { factsFromStrimziDocuments } from '../strimzi/strimzi-source.js';
import { looksLikeKafkaText, mergeFacts } from '../source-text.js';
import type { YamlContext } from './yaml-nodes.js';

export type YamlReader = (context: YamlContext, documents: Document.Parsed[]) => FileFacts;

const READERS: YamlReader[] = [factsFromSpringYamlDocuments, factsFromStrimziDocuments, factsFromComposeDocuments, factsFromHelmValues];

export function extractYamlFacts(file: string, text: string): FileFacts {
  const parsed = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: false });
  const lineCounter = lineCounterOf(text);
  const documents = Array.isArray(parsed) ? parsed : [];
  const facts = emptyFileFacts();
  const readable: Document.Parsed[] = [];
  for (const document of documents) {
    if (document.errors.length === 0) {
      readable.push(document);
      continue;
    }
    // A broken document is reported only when the file is about Kafka; unrelated broken YAML is not our business.
    if (!looksLikeKafkaText(text)) continue;
    const error = document.errors[0];
    const position = error.pos ? lineCounter.linePos(error.pos[0]) : { line: 1, col: 1 };
    facts.problems.push({ file, line: position.line, column: position.col, message: `YAML syntax error: ${firstLine(error.message)}` });
  }
  const context: YamlContext = { file, lineCounter, text };
  for (const read of READERS) mergeFacts(facts, read(context, readable));
  return facts;
}

/**
 * Line starts taken from the text itself. The yaml lexer's own LineCounter misses the line breaks inside a token it
 * recovers from after a syntax error (a stray `*` at the top of a document), which shifted every later position,
 * even in the valid documents after it. `\n` ends a line, as in the yaml lexer (a lone `\r` does not).
 */
function lineCounterOf(text: string): LineCounter {
  const counter = new LineCounter();
  counter.addNewLine(0);
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) counter.addNewLine(index + 1);
  return counter;
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
