// TS/JS modules that use a Kafka client library: client facts with settings from the code's option objects, and
// what the code around each client does (code-facts/), for the same rules as configuration files.

import type { FileFacts } from '../../model/types.js';
import { emptyFileFacts } from '../../model/types.js';
import type { SourceContext } from '../source-context.js';
import { mergeFacts } from '../source-text.js';
import type { CodeContext, DetectionResult } from './code-context.js';
import { analyseClientCode } from './code-facts/analyse-client.js';
import { codecRegistrations } from './code-facts/codecs.js';
import { LibraryImports } from './library-imports.js';
import { detectKafkajsClients } from './libraries/kafkajs.js';
import { detectNodeRdkafkaClients } from './libraries/node-rdkafka.js';
import { detectPlatformaticClients } from './libraries/platformatic.js';
import { CodeParseError } from './parse-module.js';
import { CodeProject } from './project.js';
import { ValueResolver } from './values.js';

type Detector = (context: CodeContext) => DetectionResult;

const DETECTORS: Detector[] = [detectKafkajsClients, detectNodeRdkafkaClients, detectPlatformaticClients];

export async function extractCodeFacts(file: string, sourceContext: SourceContext): Promise<FileFacts> {
  const facts = emptyFileFacts();
  const project = CodeProject.of(sourceContext);
  let module;
  try {
    module = await project.load(file);
  } catch (error) {
    if (error instanceof CodeParseError) {
      facts.problems.push({ file, line: error.line, column: error.column, message: `TypeScript/JavaScript syntax error: ${error.message}` });
      return facts;
    }
    throw error;
  }
  const context: CodeContext = { file, module, project, values: new ValueResolver(project), imports: new LibraryImports(module) };
  facts.registeredCodecs.push(...codecRegistrations(context));
  for (const detect of DETECTORS) {
    const detection = detect(context);
    mergeFacts(facts, detection.facts);
    for (const client of detection.clients) {
      client.facts.code = analyseClientCode(client, context);
      facts.clients.push(client.facts);
    }
  }
  return facts;
}
