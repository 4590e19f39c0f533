// How kafkalint connects: bootstrap servers from the command line, security from a Kafka client .properties file
// (`--command-config`, the convention of Kafka's own CLI tools) or KAFKALINT_* environment variables. A password is
// never taken from argv, where `ps` and shell history would show it.

import type { KafkaConfig, SASLOptions } from 'kafkajs';
import { parseProperties } from '../sources/properties/parse-properties.js';

export interface ClientSecurity {
  protocol: string;
  mechanism?: string;
  username?: string;
  password?: string;
}

export class ConnectionSetupError extends Error {}

/** username/password options of a JAAS config (`…PlainLoginModule required username="u" password="p";`). */
export function jaasCredentials(jaas: string): { username?: string; password?: string } {
  const option = (name: string) => {
    const match = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s;]+))`).exec(jaas);
    return match ? match[1] ?? match[2] ?? match[3] : undefined;
  };
  return { username: option('username'), password: option('password') };
}

/** Security settings from a command-config text, then the environment for anything the file leaves out. */
export function clientSecurityOf(commandConfig: string | undefined, env: Record<string, string | undefined>): ClientSecurity {
  const properties = new Map<string, string>();
  for (const entry of commandConfig ? parseProperties(commandConfig).entries : []) properties.set(entry.key.trim(), entry.value.trim());
  const jaas = jaasCredentials(properties.get('sasl.jaas.config') ?? '');
  // librdkafka spells the same settings sasl.mechanisms, sasl.username and sasl.password (CONFIGURATION.md).
  return {
    protocol: (properties.get('security.protocol') ?? env.KAFKALINT_SECURITY_PROTOCOL ?? 'PLAINTEXT').toUpperCase(),
    mechanism: (properties.get('sasl.mechanism') ?? properties.get('sasl.mechanisms') ?? env.KAFKALINT_SASL_MECHANISM)?.toUpperCase(),
    username: jaas.username ?? properties.get('sasl.username') ?? env.KAFKALINT_SASL_USERNAME,
    password: jaas.password ?? properties.get('sasl.password') ?? env.KAFKALINT_SASL_PASSWORD,
  };
}

const MECHANISMS = ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'];

function saslOf(security: ClientSecurity): SASLOptions {
  const mechanism = security.mechanism ?? 'PLAIN';
  if (!MECHANISMS.includes(mechanism)) {
    throw new ConnectionSetupError(`sasl.mechanism ${mechanism} is not supported by kafkalint cluster (use PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512)`);
  }
  if (!security.username || security.password === undefined) {
    throw new ConnectionSetupError(`security.protocol ${security.protocol} needs a user name and password: set sasl.jaas.config in --command-config, or KAFKALINT_SASL_USERNAME and KAFKALINT_SASL_PASSWORD`);
  }
  const credentials = { username: security.username, password: security.password };
  switch (mechanism) {
    case 'PLAIN':
      return { mechanism: 'plain', ...credentials };
    case 'SCRAM-SHA-256':
      return { mechanism: 'scram-sha-256', ...credentials };
    case 'SCRAM-SHA-512':
      return { mechanism: 'scram-sha-512', ...credentials };
    default:
      throw new ConnectionSetupError(`sasl.mechanism ${mechanism} is not supported by kafkalint cluster (use PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512)`);
  }
}

export function kafkaConfigOf(bootstrap: string[], security: ClientSecurity, timeoutMs: number): KafkaConfig {
  const config: KafkaConfig = {
    clientId: 'kafkalint',
    brokers: bootstrap,
    connectionTimeout: timeoutMs,
    authenticationTimeout: timeoutMs,
    requestTimeout: timeoutMs,
    // One attempt per call: the audit must answer within --timeout, and a failed call is reported, not retried.
    retry: { retries: 0 },
    logLevel: 0, // logLevel.NOTHING: kafkajs' own log lines would interleave with the report.
  };
  switch (security.protocol) {
    case 'PLAINTEXT':
      break;
    case 'SSL':
      config.ssl = true;
      break;
    case 'SASL_PLAINTEXT':
      config.sasl = saslOf(security);
      break;
    case 'SASL_SSL':
      config.ssl = true;
      config.sasl = saslOf(security);
      break;
    default:
      throw new ConnectionSetupError(`security.protocol ${security.protocol} is not one of PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL`);
  }
  return config;
}
