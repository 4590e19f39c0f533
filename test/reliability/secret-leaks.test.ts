// No secret value reaches any output: a tree with secrets in every place kafkalint reads goes through the CLI in
// every format, with --stats, with --baseline-write (and the baseline file it writes), and through each formatter
// without the CLI's scrubbing; a file that cannot be parsed has its syntax error on a secret line.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { enabledRules, lintSources } from '../../src/engine/lint.js';
import { buildReportInput, FORMAT_NAMES, formatReport } from '../../src/report/index.js';
import { runInTree } from '../support/run-cli.js';

/** Each value distinctive enough that a hit can only be a leak. */
const SECRETS = {
  jaas: 'JaasPw-Q8v1x',
  keystore: 'KeystorePw-Z2m9k',
  keyPassword: 'KeyPw-R5t7w',
  librdkafka: 'RdkPw-H3n6c',
  springJaas: 'SpringJaasPw-P4d8s',
  springKeystore: 'SpringStorePw-L9f2q',
  compose: 'ComposePw-W1b5y',
  strimzi: 'StrimziPw-K7g3j',
  helm: 'HelmPw-T6e4u',
  env: 'EnvPw-C2x8r',
  json: 'JsonPw-M5z1p',
  dotnet: 'DotnetPw-V3k9h',
  typescript: 'TsPw-F8q2n',
  brokenJson: 'BrokenJsonPw-D4w6a',
  brokenYaml: 'BrokenYamlPw-S9c3m',
  brokenProperties: 'BrokenPropsPw-N2v7b',
};

const FILES: Record<string, string> = {
  'clients/producer.properties': [
    'bootstrap.servers=kafka:9093',
    'security.protocol=SASL_PLAINTEXT',
    'sasl.mechanism=PLAIN',
    `sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="orders" password="${SECRETS.jaas}";`,
    `ssl.keystore.password=${SECRETS.keystore}`,
    `ssl.key.password=${SECRETS.keyPassword}`,
    'acks=1',
  ].join('\n'),
  'clients/rdkafka.config': ['metadata.broker.list=kafka:9093', 'security.protocol=sasl_plaintext', 'sasl.username=u', `sasl.password=${SECRETS.librdkafka}`, 'request.required.acks=1'].join('\n'),
  'src/main/resources/application.yml': [
    'spring:',
    '  kafka:',
    '    bootstrap-servers: kafka:9093',
    '    properties:',
    '      security.protocol: SASL_PLAINTEXT',
    `      sasl.jaas.config: org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="${SECRETS.springJaas}";`,
    '    ssl:',
    `      key-store-password: ${SECRETS.springKeystore}`,
    '    producer:',
    '      acks: 1',
  ].join('\n'),
  'docker-compose.yml': [
    'services:',
    '  kafka:',
    '    image: bitnami/kafka:3.7',
    '    environment:',
    '      KAFKA_CFG_MIN_INSYNC_REPLICAS: "1"',
    `      KAFKA_CFG_SSL_KEYSTORE_PASSWORD: ${SECRETS.compose}`,
    `      KAFKA_CLIENT_PASSWORDS: ${SECRETS.compose}`,
  ].join('\n'),
  'deploy/kafka.yaml': [
    'apiVersion: kafka.strimzi.io/v1beta2',
    'kind: Kafka',
    'metadata:',
    '  name: prod',
    'spec:',
    '  kafka:',
    '    replicas: 3',
    '    config:',
    '      min.insync.replicas: 1',
    `      ssl.keystore.password: ${SECRETS.strimzi}`,
  ].join('\n'),
  'charts/kafka/values.yaml': ['image:', '  repository: bitnami/kafka', 'replicaCount: 3', 'minInsyncReplicas: 1', 'config: |-', `  ssl.key.password=${SECRETS.helm}`, '  unclean.leader.election.enable=true'].join('\n'),
  '.env': ['KAFKA_CFG_MIN_INSYNC_REPLICAS=1', `KAFKA_CFG_SSL_KEY_PASSWORD=${SECRETS.env}`, `KAFKA_CFG_SASL_JAAS_CONFIG=org.apache.kafka.common.security.plain.PlainLoginModule required password="${SECRETS.env}";`].join('\n'),
  'config/kafka-client.json': JSON.stringify({ 'bootstrap.servers': 'kafka:9093', 'security.protocol': 'SASL_PLAINTEXT', 'sasl.password': SECRETS.json, acks: '1' }, null, 2),
  'appsettings.json': JSON.stringify({ Kafka: { Producer: { BootstrapServers: 'kafka:9093', SaslPassword: SECRETS.dotnet, SslKeyPassword: SECRETS.dotnet, Acks: 'Leader' } } }, null, 2),
  'src/producer.ts': [
    "import { Kafka } from 'kafkajs';",
    `const kafka = new Kafka({ brokers: ['kafka:9093'], sasl: { mechanism: 'plain', username: 'u', password: '${SECRETS.typescript}' } });`,
    'export const producer = kafka.producer({ idempotent: false });',
  ].join('\n'),
  // Syntax errors on the very line that holds a secret: the parse-error's code frame must not show it.
  'broken/kafka-client.json': `{\n  "bootstrap.servers": "kafka:9093",\n  "sasl.password": "${SECRETS.brokenJson}" "acks": "1"\n}\n`,
  'broken/application.yml': `spring:\n  kafka:\n    properties:\n      sasl.password: "${SECRETS.brokenYaml}\n    producer: [\n`,
  'broken/producer.properties': `bootstrap.servers=kafka:9093\nsasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required password="${SECRETS.brokenProperties}" \\`,
};

let lintOnce: Promise<{ result: Awaited<ReturnType<typeof lintSources>>; rules: Awaited<ReturnType<typeof enabledRules>> }> | undefined;

/** The engine's result for the fixture, computed once for the five formatter cases. */
function linted() {
  lintOnce ??= (async () => ({ result: await lintSources(Object.entries(FILES).map(([path, text]) => ({ path, text }))), rules: await enabledRules({}) }))();
  return lintOnce;
}

function leaksIn(text: string): string[] {
  return Object.entries(SECRETS).filter(([, value]) => text.includes(value)).map(([name]) => name);
}

describe('secret values never reach output', () => {
  it('the search finds a secret in a deliberately leaking text (the check can fail)', () => {
    expect(leaksIn(`producer.properties:4:1 error sasl.jaas.config is ${SECRETS.jaas}`)).toEqual(['jaas']);
  });

  it('the fixture is read: the secret lines produce findings, so a leak would have somewhere to show', async () => {
    const run = await runInTree(['--format', 'json'], FILES);
    const findings = (JSON.parse(run.stdout) as { findings: Array<{ ruleId: string; file: string }> }).findings;
    const credentialFiles = new Set(findings.filter((finding) => finding.ruleId === 'hardcoded-credentials').map((finding) => finding.file));
    for (const file of ['clients/producer.properties', 'clients/rdkafka.config', 'src/main/resources/application.yml', 'config/kafka-client.json']) {
      expect(credentialFiles, file).toContain(file);
    }
    const parseErrors = new Set(findings.filter((finding) => finding.ruleId === 'parse-error').map((finding) => finding.file));
    expect(parseErrors).toContain('broken/kafka-client.json');
    expect(parseErrors).toContain('broken/application.yml');
  });

  for (const format of FORMAT_NAMES) {
    it(`${format}: CLI output, with --stats, holds no secret`, async () => {
      const run = await runInTree(['--format', format, '--stats'], FILES);
      expect(run.exitCode).toBe(1);
      expect(leaksIn(run.stdout)).toEqual([]);
      expect(leaksIn(run.stderr)).toEqual([]);
    });

    it(`${format}: the formatter itself, before the CLI scrubs, holds no secret`, async () => {
      const { result, rules } = await linted();
      const output = formatReport(format, buildReportInput(result, rules, { toolVersion: '0.0.0', color: format === 'stylish' }));
      expect(leaksIn(output)).toEqual([]);
    });
  }

  it('--baseline-write: its messages and the baseline file hold no secret', async () => {
    const run = await runInTree(['--baseline-write', '--format', 'compact'], FILES);
    expect(run.exitCode).toBe(0);
    const baseline = readFileSync(join(run.cwd, '.kafkalint-baseline.json'), 'utf8');
    expect(baseline.length).toBeGreaterThan(10);
    expect(leaksIn(baseline)).toEqual([]);
    expect(leaksIn(run.stdout + run.stderr)).toEqual([]);
    const again = await runInTree(['--format', 'stylish'], {}, '', run.cwd);
    expect(leaksIn(again.stdout + again.stderr)).toEqual([]);
  });

  it('--stdin with a parse error on a secret line holds no secret', async () => {
    for (const [name, text] of [['kafka-client.json', FILES['broken/kafka-client.json']], ['application.yml', FILES['broken/application.yml']]]) {
      const run = await runInTree(['--stdin', '--stdin-filename', name, '--format', 'stylish'], {}, text);
      expect(leaksIn(run.stdout + run.stderr), name).toEqual([]);
    }
  });
});
