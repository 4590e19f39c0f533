import { describe, expect, it } from 'vitest';
import {
  bitnamiPropertyName,
  confluentPropertyName,
  conventionOfVariables,
  createTopicsSeparator,
  hasBrokerEvidence,
  kafkaImageConvention,
  meaningOfEnvVar,
  parseCreateTopics,
} from '../../src/sources/env/kafka-env-vars.js';

describe('Confluent and apache/kafka names', () => {
  it.each([
    ['MIN_INSYNC_REPLICAS', 'min.insync.replicas'],
    ['LISTENER_SECURITY_PROTOCOL_MAP', 'listener.security.protocol.map'],
    ['LISTENER_NAME_SASL__SSL_SASL_ENABLED_MECHANISMS', 'listener.name.sasl_ssl.sasl.enabled.mechanisms'],
    ['CONFLUENT___SUPPORT__X', 'confluent-support_x'],
    ['A____B', 'a-.b'],
  ])('%s → %s', (suffix, key) => {
    expect(confluentPropertyName(suffix)).toBe(key);
  });

  it('leaves JVM, logging and image file inputs out of the broker properties', () => {
    for (const name of ['KAFKA_HEAP_OPTS', 'KAFKA_OPTS', 'KAFKA_JMX_PORT', 'KAFKA_LOG4J_LOGGERS', 'KAFKA_SSL_KEYSTORE_CREDENTIALS', 'KAFKA_SSL_TRUSTSTORE_FILENAME', 'CLUSTER_ID', 'KAFKA_']) {
      expect(meaningOfEnvVar(name, 'confluent'), name).toEqual({ kind: 'not-config' });
    }
  });

  it('near miss: KAFKA_LOG_DIRS and KAFKA_SSL_KEYSTORE_PASSWORD are properties', () => {
    expect(meaningOfEnvVar('KAFKA_LOG_DIRS', 'confluent')).toEqual({ kind: 'property', key: 'log.dirs' });
    expect(meaningOfEnvVar('KAFKA_SSL_KEYSTORE_PASSWORD', 'confluent')).toEqual({ kind: 'property', key: 'ssl.keystore.password' });
    expect(meaningOfEnvVar('KAFKA_ZOOKEEPER_CONNECT', 'confluent')).toEqual({ kind: 'property', key: 'zookeeper.connect' });
  });
});

describe('Bitnami names', () => {
  it('maps KAFKA_CFG_* with every underscore a dot, keeping the sasl_ssl and sasl_plaintext protocol names', () => {
    expect(bitnamiPropertyName('UNCLEAN_LEADER_ELECTION_ENABLE')).toBe('unclean.leader.election.enable');
    expect(bitnamiPropertyName('LISTENER_NAME_SASL_SSL_PLAIN_SASL_JAAS_CONFIG')).toBe('listener.name.sasl_ssl.plain.sasl.jaas.config');
    expect(meaningOfEnvVar('KAFKA_CFG_MIN_INSYNC_REPLICAS', 'bitnami')).toEqual({ kind: 'property', key: 'min.insync.replicas' });
  });

  it('keeps image options under their own name and ignores other KAFKA_* variables', () => {
    expect(meaningOfEnvVar('KAFKA_CLIENT_PASSWORDS', 'bitnami')).toEqual({ kind: 'image-option' });
    expect(meaningOfEnvVar('ALLOW_PLAINTEXT_LISTENER', 'bitnami')).toEqual({ kind: 'image-option' });
    expect(meaningOfEnvVar('KAFKA_MIN_INSYNC_REPLICAS', 'bitnami')).toEqual({ kind: 'not-config' });
    expect(meaningOfEnvVar('KAFKA_HEAP_OPTS', 'bitnami')).toEqual({ kind: 'not-config' });
  });
});

describe('wurstmeister names', () => {
  it('maps every underscore to a dot and keeps its own options out', () => {
    expect(meaningOfEnvVar('KAFKA_ADVERTISED_HOST_NAME', 'wurstmeister')).toEqual({ kind: 'property', key: 'advertised.host.name' });
    expect(meaningOfEnvVar('KAFKA_CREATE_TOPICS', 'wurstmeister')).toEqual({ kind: 'create-topics' });
    expect(meaningOfEnvVar('KAFKA_CREATE_TOPICS_SEPARATOR', 'wurstmeister')).toEqual({ kind: 'not-config' });
  });
});

describe('images', () => {
  it.each([
    ['confluentinc/cp-kafka:7.6.0', 'confluent'],
    ['confluentinc/cp-server', 'confluent'],
    ['apache/kafka:3.8.0', 'confluent'],
    ['apache/kafka-native:3.8.0', 'confluent'],
    ['docker.io/bitnami/kafka:3.7', 'bitnami'],
    ['bitnami/kafka@sha256:abc', 'bitnami'],
    ['wurstmeister/kafka:2.13-2.8.1', 'wurstmeister'],
    ['localhost:5000/kafka', 'confluent'],
  ])('%s is a broker image (%s)', (image, convention) => {
    expect(kafkaImageConvention(image)).toBe(convention);
  });

  it.each(['confluentinc/cp-kafka-connect:7.6.0', 'provectuslabs/kafka-ui', 'confluentinc/cp-kafka-rest', 'obsidiandynamics/kafdrop', 'postgres:16', 'bitnami/zookeeper'])(
    'near miss: %s is not a broker image',
    (image) => {
      expect(kafkaImageConvention(image)).toBeUndefined();
    },
  );

  it('guesses Bitnami from KAFKA_CFG_* variables, Confluent otherwise', () => {
    expect(conventionOfVariables(['KAFKA_CFG_NODE_ID'])).toBe('bitnami');
    expect(conventionOfVariables(['KAFKA_BROKER_ID'])).toBe('confluent');
  });

  it('tells broker variables from client variables', () => {
    expect(hasBrokerEvidence(['KAFKA_BROKER_ID'], 'confluent')).toBe(true);
    expect(hasBrokerEvidence(['KAFKA_CFG_NUM_PARTITIONS'], 'bitnami')).toBe(true);
    expect(hasBrokerEvidence(['KAFKA_CREATE_TOPICS'], 'confluent')).toBe(true);
    expect(hasBrokerEvidence(['KAFKA_BOOTSTRAP_SERVERS', 'KAFKA_TOPIC', 'KAFKA_GROUP_ID'], 'confluent')).toBe(false);
    expect(hasBrokerEvidence(['KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS'], 'confluent')).toBe(false);
  });
});

describe('KAFKA_CREATE_TOPICS', () => {
  it('reads name:partitions:replicas[:cleanup.policy] entries with their offsets', () => {
    const entries = parseCreateTopics('orders:3:1, audit:1:3:compact');
    expect(entries.map((entry) => [entry.name.text, entry.partitions?.text, entry.replicas?.text, entry.cleanupPolicy?.text])).toEqual([
      ['orders', '3', '1', undefined],
      ['audit', '1', '3', 'compact'],
    ]);
    expect(entries[1].entry.offset).toBe(12);
    expect(entries[1].replicas?.offset).toBe(20);
  });

  it('skips empty entries and keeps a topic without counts', () => {
    expect(parseCreateTopics(',,solo,').map((entry) => [entry.name.text, entry.partitions])).toEqual([['solo', undefined]]);
  });

  it('honours KAFKA_CREATE_TOPICS_SEPARATOR', () => {
    expect(createTopicsSeparator(undefined)).toBe(',');
    expect(createTopicsSeparator(';')).toBe(';');
    expect(createTopicsSeparator("$$'\\n'")).toBe('\n');
    expect(parseCreateTopics('a:1:1\nb:2:2', '\n').map((entry) => entry.name.text)).toEqual(['a', 'b']);
  });
});
