import { describe, expect, it } from 'vitest';
import { isPlaceholder, isSecretKey, literalSecretsOf } from '../../src/model/secrets.js';

describe('secret-bearing keys', () => {
  it.each(['sasl.jaas.config', 'sasl.password', 'ssl.keystore.password', 'ssl.key.password', 'KAFKA_CLIENT_PASSWORDS', 'ssl.key.pem'])('%s is secret', (key) => {
    expect(isSecretKey(key)).toBe(true);
  });

  it.each(['basic.auth.credentials.source', 'KAFKA_SSL_KEYSTORE_CREDENTIALS', 'ssl.keystore.location', 'sasl.mechanism'])('%s names no secret', (key) => {
    expect(isSecretKey(key)).toBe(false);
  });
});

describe('placeholders', () => {
  it.each(['${KAFKA_PASSWORD}', '{{ .Values.pw }}', '<PASSWORD>', '$KAFKA_PASSWORD', 'KAFKA_PASSWORD'])('%s is a placeholder', (value) => {
    expect(isPlaceholder(value)).toBe(true);
  });

  it('counts masks as placeholders only for secret keys', () => {
    expect(isPlaceholder('****', 'sasl.password')).toBe(true);
    expect(isPlaceholder('XXXX', 'ssl.key.password')).toBe(true);
    expect(isPlaceholder('*', 'spring.json.trusted.packages')).toBe(false);
  });

  it('real values are not placeholders', () => {
    expect(isPlaceholder('s3cret')).toBe(false);
    expect(isPlaceholder('changeit')).toBe(false);
  });
});

describe('literal secrets of a setting', () => {
  it('takes the password options out of a JAAS config and leaves placeholders', () => {
    const jaas = 'org.apache.kafka.common.security.scram.ScramLoginModule required username="app" password="s3cret";';
    expect(literalSecretsOf('sasl.jaas.config', jaas)).toEqual(['s3cret']);
    expect(literalSecretsOf('sasl.jaas.config', jaas.replace('s3cret', '${PW}'))).toEqual([]);
  });

  it('gives nothing for keys that are not secret', () => {
    expect(literalSecretsOf('bootstrap.servers', 'kafka:9092')).toEqual([]);
  });
});
