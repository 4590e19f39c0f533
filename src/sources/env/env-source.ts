// `.env` files: a Kafka broker container's environment kept beside a docker-compose file (`env_file: kafka.env`).
// A file whose variables are a broker's (see hasBrokerEvidence) becomes one BrokerFacts plus the topics of its
// KAFKA_CREATE_TOPICS; any other env file (an app's settings, Compose interpolation variables) yields nothing.
//
// Not read: client-side variables. Apps name them freely (KAFKA_BROKERS, KAFKA_TOPIC, …), so they cannot be mapped
// to client keys without guessing, and an invented client fact would attract default-based findings.
// NODE_TLS_REJECT_UNAUTHORIZED=0 is skipped for the same reason: it would need such a client fact.

import type { FileFacts, SourceLocation } from '../../model/types.js';
import { emptyFileFacts } from '../../model/types.js';
import { looksLikeKafkaText } from '../source-text.js';
import { brokerFactsFromEnvironment, type EnvVariable } from './env-broker-facts.js';
import { conventionOfVariables, hasBrokerEvidence } from './kafka-env-vars.js';
import { parseEnvFile, type EnvAssignment } from './parse-env-file.js';

function variableOf(file: string, assignment: EnvAssignment): EnvVariable {
  const location: SourceLocation = { file, line: assignment.line, column: assignment.column, endLine: assignment.endLine, endColumn: assignment.endColumn };
  const valueLocation: SourceLocation = {
    file,
    line: assignment.valueLine,
    column: assignment.valueColumn,
    endLine: assignment.valueEndLine,
    endColumn: assignment.valueEndColumn,
  };
  return { name: assignment.name, raw: assignment.value, location, valueLocation, verbatim: assignment.verbatim };
}

export function extractEnvFacts(file: string, text: string): FileFacts {
  const facts = emptyFileFacts();
  const parsed = parseEnvFile(text);
  // A broken line is reported only in files about Kafka; unrelated env files are not our business.
  if (looksLikeKafkaText(text)) {
    for (const problem of parsed.problems) facts.problems.push({ file, line: problem.line, column: problem.column, message: problem.message });
  }
  const variables = parsed.assignments.map((assignment) => variableOf(file, assignment));
  const names = variables.map((variable) => variable.name);
  const convention = conventionOfVariables(names);
  if (!hasBrokerEvidence(names, convention)) return facts;
  const first = variables.find((variable) => variable.name.startsWith('KAFKA_')) ?? variables[0];
  const { broker, topics } = brokerFactsFromEnvironment(variables, {
    file,
    convention,
    declaredBy: 'env-file',
    label: `broker environment file ${file}`,
    location: { file, line: first.location.line, column: first.location.column },
  });
  facts.brokers.push(broker);
  facts.topics.push(...topics);
  return facts;
}
