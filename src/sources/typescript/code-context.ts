// What every detector and analysis of one code module shares.

import type { ClientFacts, FileFacts } from '../../model/types.js';
import type { LibraryImports } from './library-imports.js';
import type { Node, ParsedModule, Variable } from './parse-module.js';
import type { CodeProject } from './project.js';
import type { ValueResolver } from './values.js';

export interface CodeContext {
  file: string;
  module: ParsedModule;
  project: CodeProject;
  values: ValueResolver;
  imports: LibraryImports;
}

/** A client object the code creates, and where the code keeps it. */
export interface DetectedClient {
  facts: ClientFacts;
  /** The expression that creates the client: `kafka.consumer({…})`, `new Kafka.KafkaConsumer(…)`. */
  creation: Node;
  /** The variable the client is stored in (`const consumer = …`), when it is. */
  variable?: Variable;
  /** The member path it is stored in (`this.consumer = …`), when it is. */
  memberPath?: string;
}

/** What a library's detector finds in one module. */
export interface DetectionResult {
  clients: DetectedClient[];
  facts: FileFacts;
}
