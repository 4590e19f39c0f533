// What the code does with each detected client: handlers, sends, commits, shutdown. Each part is one module of
// code-facts/; this one only puts them together.
// IN PROGRESS: the consumer, producer and lifecycle analyses are being written.

import type { ClientCodeFacts } from '../../../model/types.js';
import type { CodeContext, DetectedClient } from '../code-context.js';
import { locationOfNode } from '../parse-module.js';
import { closedAfterUse, createdPerRequest, isClosedOnShutdown, unhandledConnectPromises } from './lifecycle.js';
import { analyseSends } from './producer-sends.js';
import { analyseConsumerHandlers, consumerCommitCalls } from './consumer-handlers.js';
import { clientEscapesAt, consumerCrashObserved, consumerLifecyclePromises } from './consumer-lifecycle.js';

export function analyseClientCode(client: DetectedClient, context: CodeContext): ClientCodeFacts {
  const handlers = analyseConsumerHandlers(client, context);
  return {
    creation: locationOfNode(context.file, client.creation),
    handlers,
    sends: analyseSends(client, context),
    commitCalls: consumerCommitCalls(client, context, handlers),
    crashObserved: consumerCrashObserved(client, context),
    unhandledLifecyclePromises: [...unhandledConnectPromises(client, context), ...consumerLifecyclePromises(client, context)],
    escapesAt: clientEscapesAt(client, context),
    closedOnShutdown: isClosedOnShutdown(client, context),
    closedAfterUse: closedAfterUse(client, context),
    createdPerRequest: createdPerRequest(client, context),
  };
}
