// Secret values are never printed, in any format: a fixture full of them goes through every formatter, with the
// CLI's scrubbing and without it (findings never carry them; stylish code frames mask them).

import { describe, expect, it } from 'vitest';
import { FORMAT_NAMES, formatReport, scrubSecrets } from '../../src/report/index.js';
import { handMadeFinding, reportInputFor } from '../support/report-input-for.js';

const SECRETS = {
  jaas: 'Jaas-Pw-4471',
  keystore: 'Keystore-Pw-9902',
  key: 'Key-Pw-3318',
  librdkafka: 'Rdkafka-Pw-6605',
  compose: 'Compose-Pw-1287',
  spring: 'Spring-Pw-5530',
  unparsed: 'Unparsed-Pw-7741',
};

const FILES: Record<string, string> = {
  'services/orders/client.properties': [
    'bootstrap.servers=kafka-1.internal:9093',
    'security.protocol=SASL_SSL',
    'sasl.mechanism=PLAIN',
    `sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="orders" password="${SECRETS.jaas}";`,
    'ssl.keystore.location=/etc/kafka/orders.jks',
    `ssl.keystore.password=${SECRETS.keystore}`,
    `ssl.key.password=${SECRETS.key}`,
    'acks=1',
    '',
  ].join('\n'),
  'services/billing/producer.config': [
    'metadata.broker.list=kafka-1.internal:9093',
    'security.protocol=sasl_ssl',
    'sasl.mechanisms=PLAIN',
    'sasl.username=billing',
    `sasl.password=${SECRETS.librdkafka}`,
    'request.required.acks=1',
    '',
  ].join('\n'),
  'deploy/docker-compose.yml': [
    'services:',
    '  kafka:',
    '    image: bitnami/kafka:3.7',
    '    environment:',
    '      KAFKA_CFG_PROCESS_ROLES: broker,controller',
    '      KAFKA_CLIENT_USERS: orders',
    `      KAFKA_CLIENT_PASSWORDS: ${SECRETS.compose}`,
    '',
  ].join('\n'),
  'services/api/application.yml': [
    'spring:',
    '  kafka:',
    '    bootstrap-servers: kafka-1.internal:9093',
    '    properties:',
    '      security.protocol: SASL_SSL',
    `      sasl.jaas.config: org.apache.kafka.common.security.plain.PlainLoginModule required username="api" password="${SECRETS.spring}";`,
    '',
  ].join('\n'),
  // Fails to parse on the secret's own line: the model learns no secret from it, the code frame must still mask it.
  'services/legacy/application.yaml': ['spring:', '  kafka:', '    properties:', `      sasl.password: ${SECRETS.unparsed}: x`, ''].join('\n'),
};

function secretLineOf(file: string, secret: string): number {
  return FILES[file].split('\n').findIndex((line) => line.includes(secret)) + 1;
}

async function secretFixture() {
  const fixture = await reportInputFor(FILES);
  // Point a finding at every line that holds a secret, so every code frame and location in every format is
  // exercised on exactly those lines, whichever rules exist today.
  for (const [file, text] of Object.entries(FILES)) {
    for (const secret of Object.values(SECRETS)) {
      if (!text.includes(secret)) continue;
      const line = secretLineOf(file, secret);
      fixture.input.findings.push(
        handMadeFinding({ ruleId: 'hardcoded-credentials', file, line, column: 1, endColumn: 12, severity: 'error', message: 'A literal secret is written here.' }),
      );
    }
  }
  return fixture;
}

describe('secrets never reach output', () => {
  it('the engine knows the literal secrets of every file it could read, for the CLI to scrub', async () => {
    const { result } = await secretFixture();
    for (const secret of [SECRETS.jaas, SECRETS.keystore, SECRETS.key, SECRETS.librdkafka, SECRETS.spring]) {
      expect([...result.secrets], secret).toContain(secret);
    }
  });

  for (const format of FORMAT_NAMES) {
    it(`${format}: no secret in the output, before and after scrubbing`, async () => {
      const { input, result } = await secretFixture();
      const raw = formatReport(format, input);
      expect(raw.length).toBeGreaterThan(0);
      const scrubbed = scrubSecrets(raw, result.secrets);
      for (const secret of Object.values(SECRETS)) {
        expect(raw, `${format} printed ${secret}`).not.toContain(secret);
        expect(scrubbed, `${format} printed ${secret} after scrubbing`).not.toContain(secret);
      }
    });

    it(`${format}: scrubbing catches a secret that a faulty rule put into a message`, async () => {
      const { input, result } = await secretFixture();
      const secret = SECRETS.keystore;
      input.findings.push(
        handMadeFinding({
          ruleId: 'faulty-rule',
          file: 'services/orders/client.properties',
          line: 6,
          message: `ssl.keystore.password is ${secret}\n(and again: "${secret}")`,
          help: `Never print ${secret}.`,
        }),
      );
      const raw = formatReport(format, input);
      expect(raw, 'the faulty message reaches the formatter output').toContain(secret);
      const scrubbed = scrubSecrets(raw, result.secrets);
      expect(scrubbed).not.toContain(secret);
      expect(scrubbed).toContain('****');
    });
  }

  it('stylish masks each secret line in its code frame, keeping the key', async () => {
    const { input } = await secretFixture();
    const output = formatReport('stylish', input);
    expect(output).toContain('| ssl.keystore.password=****\n');
    expect(output).toContain('| sasl.password=****\n');
    expect(output).toContain('|       KAFKA_CLIENT_PASSWORDS: ****\n');
    expect(output).toContain('|       sasl.jaas.config: ****\n');
    expect(output).toContain('|       sasl.password: ****\n');
  });
});
