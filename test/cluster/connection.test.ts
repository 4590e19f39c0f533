import { describe, expect, it } from 'vitest';
import { clientSecurityOf, jaasCredentials, kafkaConfigOf } from '../../src/cluster/connection.js';
import { describeConnectionFailure, AuditTimeoutError } from '../../src/cluster/connection-errors.js';

const SCRAM = 'security.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512\nsasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required \\\n  username="audit" password="p@ss word";\n';

describe('connection settings', () => {
  it('reads SASL/SCRAM over TLS from a command-config file, continuation lines included', () => {
    const security = clientSecurityOf(SCRAM, {});
    expect(security).toEqual({ protocol: 'SASL_SSL', mechanism: 'SCRAM-SHA-512', username: 'audit', password: 'p@ss word' });
    const config = kafkaConfigOf(['k:9093'], security, 5000);
    expect(config.ssl).toBe(true);
    expect(config.sasl).toEqual({ mechanism: 'scram-sha-512', username: 'audit', password: 'p@ss word' });
    expect([config.connectionTimeout, config.requestTimeout, config.authenticationTimeout]).toEqual([5000, 5000, 5000]);
    expect(config.logLevel).toBe(0);
  });

  it('takes credentials from KAFKALINT_* variables when there is no file', () => {
    const security = clientSecurityOf(undefined, { KAFKALINT_SECURITY_PROTOCOL: 'sasl_plaintext', KAFKALINT_SASL_USERNAME: 'u', KAFKALINT_SASL_PASSWORD: 'p' });
    expect(kafkaConfigOf(['k:9092'], security, 1000).sasl).toEqual({ mechanism: 'plain', username: 'u', password: 'p' });
  });

  it('defaults to PLAINTEXT without TLS or SASL', () => {
    const config = kafkaConfigOf(['k:9092'], clientSecurityOf('# nothing here\n', {}), 1000);
    expect(config.ssl).toBeUndefined();
    expect(config.sasl).toBeUndefined();
  });

  it('refuses SASL without credentials and unknown mechanisms, naming what is missing', () => {
    expect(() => kafkaConfigOf(['k:9092'], { protocol: 'SASL_SSL', mechanism: 'PLAIN' }, 1000)).toThrow(/KAFKALINT_SASL_USERNAME/);
    expect(() => kafkaConfigOf(['k:9092'], { protocol: 'SASL_SSL', mechanism: 'GSSAPI', username: 'u', password: 'p' }, 1000)).toThrow(/GSSAPI is not supported/);
  });

  it('reads librdkafka spellings (sasl.mechanisms, sasl.username, sasl.password)', () => {
    const security = clientSecurityOf('security.protocol=SASL_SSL\nsasl.mechanisms=PLAIN\nsasl.username=key\nsasl.password=secret\n', {});
    expect(security).toEqual({ protocol: 'SASL_SSL', mechanism: 'PLAIN', username: 'key', password: 'secret' });
  });

  it('names an unsupported mechanism before asking for a password', () => {
    expect(() => kafkaConfigOf(['k:9092'], clientSecurityOf('security.protocol=SASL_SSL\nsasl.mechanism=OAUTHBEARER\n', {}), 1000)).toThrow(/OAUTHBEARER is not supported/);
  });

  it('reads single-quoted and unquoted JAAS options', () => {
    expect(jaasCredentials("x required username='a' password=b;")).toEqual({ username: 'a', password: 'b' });
  });
});

describe('connection failures', () => {
  it('names the cause in a few words', () => {
    expect(describeConnectionFailure(Object.assign(new Error('Connection error: connect ECONNREFUSED 127.0.0.1:1'), { name: 'KafkaJSConnectionError', code: 'ECONNREFUSED' }), 1000)).toMatch(/^connection refused/);
    expect(describeConnectionFailure(Object.assign(new Error('getaddrinfo ENOTFOUND nowhere.invalid'), { code: 'ENOTFOUND' }), 1000)).toMatch(/^host name could not be resolved/);
    expect(describeConnectionFailure(Object.assign(new Error('SASL PLAIN authentication failed: Authentication failed'), { name: 'KafkaJSSASLAuthenticationError' }), 1000)).toMatch(/^authentication failed/);
    expect(describeConnectionFailure(new AuditTimeoutError('x'), 1500)).toBe('timed out after 1500 ms');
  });
});
