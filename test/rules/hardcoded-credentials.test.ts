import { describe, expect, it } from 'vitest';
import { lintFiles, ruleTester } from '../support/lint-harness.js';

const jaas = (password: string) =>
  `sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="orders" password="${password}";`;

ruleTester('hardcoded-credentials', {
  valid: [
    { name: 'JAAS password from an environment placeholder', files: { 'consumer.properties': `group.id=g\n${jaas('${KAFKA_PASSWORD}')}\n` } },
    { name: 'JAAS password from a Kafka config provider', files: { 'consumer.properties': `group.id=g\n${jaas('${file:/etc/kafka/secrets.properties:password}')}\n` } },
    { name: 'JAAS password as a Helm template', files: { 'consumer.properties': `group.id=g\n${jaas('{{ .Values.kafka.password }}')}\n` } },
    { name: 'JAAS password <PASSWORD>', files: { 'consumer.properties': `group.id=g\n${jaas('<PASSWORD>')}\n` } },
    { name: 'JAAS password XXXX', files: { 'consumer.properties': `group.id=g\n${jaas('XXXX')}\n` } },
    { name: 'a token a script replaces', files: { 'consumer.properties': `group.id=g\n${jaas('KAFKA_PASSWORD')}\n` } },
    { name: 'a keytab JAAS config holds no password', files: { 'consumer.properties': 'group.id=g\nsasl.jaas.config=com.sun.security.auth.module.Krb5LoginModule required useKeyTab=true keyTab="/etc/kafka/app.keytab" principal="app@EXAMPLE.COM";\n' } },
    { name: 'an empty JAAS config', files: { 'producer.properties': 'acks=all\nsasl.jaas.config=\n' } },
    { name: 'an empty store password', files: { 'producer.properties': 'acks=all\nssl.truststore.password=\n' } },
    { name: 'a store location is not a secret', files: { 'producer.properties': 'acks=all\nssl.keystore.location=/etc/kafka/secrets/client.p12\n' } },
    { name: 'sasl.username alone is not a secret', files: { 'client.config': 'metadata.broker.list=k:9093\nsasl.username=orders\nsasl.password=${SASL_PASSWORD}\n' } },
    { name: 'Schema Registry credentials source names a mechanism', files: { 'producer.properties': 'acks=all\nbasic.auth.credentials.source=USER_INFO\nbasic.auth.user.info=${SR_USER}:${SR_PASSWORD}\n' } },
    { name: 'a commented-out password', files: { 'producer.properties': 'acks=all\n# ssl.key.password=changeit\n' } },
    {
      name: 'Spring YAML with a ${} placeholder',
      files: { 'application.yml': 'spring:\n  kafka:\n    properties:\n      sasl.jaas.config: org.apache.kafka.common.security.scram.ScramLoginModule required username="app" password="${KAFKA_PW}";\n    consumer:\n      group-id: g\n' },
    },
    {
      name: 'docker-compose password taken from the shell',
      files: { 'docker-compose.yml': 'services:\n  kafka:\n    image: confluentinc/cp-kafka:7.6.0\n    environment:\n      KAFKA_BROKER_ID: 1\n      KAFKA_SSL_KEY_PASSWORD: ${SSL_KEY_PASSWORD}\n' },
    },
    {
      name: 'cp-kafka *_CREDENTIALS name a file that holds the password',
      files: { 'docker-compose.yml': 'services:\n  kafka:\n    image: confluentinc/cp-kafka:7.6.0\n    environment:\n      KAFKA_BROKER_ID: 1\n      KAFKA_SSL_KEYSTORE_CREDENTIALS: keystore_creds\n' },
    },
  ],
  invalid: [
    {
      name: 'consumer JAAS config with a literal password (acceptance)',
      files: { 'consumer.properties': `bootstrap.servers=kafka:9093\ngroup.id=orders\nsecurity.protocol=SASL_SSL\n${jaas('s3cret')}\n` },
      findings: [{ line: 4, column: 1, messageId: 'literalJaasSecret', severity: 'error', message: 'sasl.jaas.config holds a literal password or secret in its JAAS options (set at line 4)' }],
    },
    {
      name: 'a JAAS config continued over lines is reported at its first line',
      files: { 'producer.properties': 'acks=all\nsasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required \\\n  username="orders" \\\n  password="pa55";\n' },
      findings: [{ line: 2, messageId: 'literalJaasSecret' }],
    },
    {
      name: 'broker JAAS with user_* definitions counts each secret, one finding',
      files: { 'server.properties': 'broker.id=1\nlistener.name.sasl_ssl.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="adm1n" user_admin="adm1n" user_app="app-pw";\n' },
      findings: [{ line: 2, message: 'holds 3 literal passwords or secrets' }],
    },
    {
      name: 'librdkafka sasl.password and the store passwords, one finding per setting',
      files: { 'client.config': 'metadata.broker.list=k:9093\nsasl.username=orders\nsasl.password=hunter2\nssl.key.password=k3y\n' },
      findings: [
        { line: 3, messageId: 'literalSecret', message: 'sasl.password holds a literal secret' },
        { line: 4, messageId: 'literalSecret', message: 'ssl.key.password holds a literal secret' },
      ],
    },
    {
      name: 'a shared client file gives one finding per setting, not one per role',
      files: { 'client.properties': 'acks=all\ngroup.id=g\nssl.keystore.password=changeit\n' },
      findings: [{ line: 3 }],
    },
    {
      name: 'Spring YAML: typed SSL password and a pass-through JAAS config',
      files: {
        'application.yml': [
          'spring:',
          '  kafka:',
          '    ssl:',
          '      key-store-password: changeit',
          '    properties:',
          '      sasl.jaas.config: org.apache.kafka.common.security.scram.ScramLoginModule required username="app" password="app-secret";',
          '    consumer:',
          '      group-id: orders',
          '',
        ].join('\n'),
      },
      findings: [
        { line: 4, column: 7, messageId: 'literalSecret', message: 'ssl.keystore.password (written as spring.kafka.ssl.key-store-password)' },
        { line: 6, column: 7, messageId: 'literalJaasSecret' },
      ],
    },
    {
      name: 'docker-compose KAFKA_*PASSWORD* and Bitnami KAFKA_CLIENT_PASSWORDS',
      files: {
        'docker-compose.yml': [
          'services:',
          '  kafka:',
          '    image: bitnami/kafka:3.7',
          '    environment:',
          '      - KAFKA_CFG_NODE_ID=0',
          '      - KAFKA_CLIENT_USERS=app',
          '      - KAFKA_CLIENT_PASSWORDS=app-pw',
          '      - KAFKA_CFG_SSL_KEYSTORE_PASSWORD=changeit',
          '',
        ].join('\n'),
      },
      findings: [
        { line: 7, messageId: 'literalSecret', message: 'KAFKA_CLIENT_PASSWORDS holds a literal secret' },
        { line: 8, messageId: 'literalSecret', message: 'ssl.keystore.password (written as KAFKA_CFG_SSL_KEYSTORE_PASSWORD)' },
      ],
    },
  ],
});

describe('hardcoded-credentials never shows the secret', () => {
  it('names the key and not the value in any part of the finding', async () => {
    const result = await lintFiles({ 'consumer.properties': `bootstrap.servers=kafka:9093\ngroup.id=orders\n${jaas('s3cret')}\nssl.key.password=k3y-pa55\n` });
    const findings = result.findings.filter((finding) => finding.ruleId === 'hardcoded-credentials');
    expect(findings.map((finding) => finding.line)).toEqual([3, 4]);
    const text = JSON.stringify(findings);
    expect(text).not.toContain('s3cret');
    expect(text).not.toContain('k3y-pa55');
    expect(result.secrets).toEqual(new Set(['s3cret', 'k3y-pa55']));
  });
});
