// What the code does with each detected client: handlers, sends, commits, shutdown. Each part is one module of
// code-facts/; this one only puts them together.
// IN PROGRESS: the consumer, producer and lifecycle analyses are being written.

import type { ClientCodeFacts } from '../../../model/types.js';
import type { CodeContext, DetectedClient } from '../code-context.js';
import { locationOfNode } from '../parse-module.js';

export function analyseClientCode(client: DetectedClient, context: CodeContext): ClientCodeFacts {
  return {
    creation: locationOfNode(context.file, client.creation),
    handlers: [],
    sends: [],
    commitCalls: [],
    crashObserved: false,
    unhandledLifecyclePromises: [],
    closedOnShutdown: false,
  };
}
