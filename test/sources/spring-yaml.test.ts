import { describe, expect, it } from 'vitest';
import type { ClientFacts, Role, Setting } from '../../src/model/types.js';
import { lintFiles } from '../support/lint-harness.js';

async function clientsOf(text: string, path = 'application.yml'): Promise<ClientFacts[]> {
  return (await lintFiles({ [path]: text })).model.clients;
}

function only(clients: ClientFacts[], role: Role): ClientFacts {
  const matching = clients.filter((client) => client.role === role);
  expect(matching, `exactly one ${role}`).toHaveLength(1);
  return matching[0];
}

function settingOf(client: ClientFacts, key: string): Setting | undefined {
  return client.settings.filter((setting) => setting.key === key).at(-1);
}

describe('Spring Boot application.yml', () => {
  it('maps enable-auto-commit to enable.auto.commit=true on the consumer, at its line and column', async () => {
    const yaml = ['spring:', '  kafka:', '    consumer:', '      group-id: billing', '      enable-auto-commit: true', ''].join('\n');
    const consumer = only(await clientsOf(yaml), 'consumer');
    expect(consumer).toMatchObject({ library: 'spring', groupId: 'billing', label: 'Spring consumer in application.yml' });
    expect(settingOf(consumer, 'enable.auto.commit')).toMatchObject({
      value: true,
      writtenAs: 'spring.kafka.consumer.enable-auto-commit',
      location: { file: 'application.yml', line: 5, column: 7 },
      valueLocation: { line: 5, column: 27 },
    });
  });

  it('gives nothing for a document without Kafka settings', async () => {
    const yaml = ['server:', '  port: 8080', 'spring:', '  profiles:', '    active: local', '  datasource:', '    url: jdbc:h2:mem:db', '    password: secret', ''].join('\n');
    const result = await lintFiles({ 'application.yml': yaml });
    expect(result.model.clients).toEqual([]);
  });

  it('reads each document of a multi-document file as its own profile', async () => {
    const yaml = [
      'spring:',
      '  profiles:',
      '    active: dev',
      '---',
      'spring:',
      '  config:',
      '    activate:',
      '      on-profile: dev',
      '  kafka:',
      '    producer:',
      '      acks: 1',
      '---',
      'spring:',
      '  profiles: prod',
      '  kafka:',
      '    producer:',
      '      acks: all',
      '',
    ].join('\n');
    const clients = await clientsOf(yaml);
    expect(clients.map((client) => [client.label, settingOf(client, 'acks')?.value, settingOf(client, 'acks')?.location.line])).toEqual([
      ['Spring producer in application.yml (profile dev)', '1', 11],
      ['Spring producer in application.yml (profile prod)', 'all', 17],
    ]);
  });

  it('reads bootstrap-servers written as a YAML list', async () => {
    const yaml = ['spring:', '  kafka:', '    bootstrap-servers:', '      - kafka-1:9092', '      - kafka-2:9092', '    consumer:', '      group-id: g', ''].join('\n');
    const consumer = only(await clientsOf(yaml), 'consumer');
    expect(settingOf(consumer, 'bootstrap.servers')).toMatchObject({ value: ['kafka-1:9092', 'kafka-2:9092'], location: { line: 3, column: 5 } });
  });

  it('reads nested maps inside pass-through properties as dotted Kafka keys', async () => {
    const yaml = [
      'spring:',
      '  kafka:',
      '    consumer:',
      '      group-id: g',
      '      properties:',
      '        spring:',
      '          json:',
      '            trusted:',
      '              packages: "*"',
      '        security:',
      '          protocol: SSL',
      '',
    ].join('\n');
    const consumer = only(await clientsOf(yaml), 'consumer');
    expect(settingOf(consumer, 'spring.json.trusted.packages')).toMatchObject({
      value: ['*'],
      writtenAs: 'spring.kafka.consumer.properties.spring.json.trusted.packages',
      location: { line: 9, column: 15 },
    });
    expect(settingOf(consumer, 'spring.json.trusted.packages')?.placeholder).toBeUndefined();
    expect(settingOf(consumer, 'security.protocol')).toMatchObject({ value: 'SSL', location: { line: 11 } });
  });

  it('reads bracketed keys and spring.json written at the top', async () => {
    const yaml = ['spring:', '  json:', '    trusted.packages: "*"', '  kafka:', '    consumer:', '      properties:', '        "[max.poll.records]": 20', ''].join('\n');
    const consumer = only(await clientsOf(yaml), 'consumer');
    expect(settingOf(consumer, 'spring.json.trusted.packages')).toMatchObject({ value: ['*'], location: { line: 3 } });
    expect(settingOf(consumer, 'max.poll.records')).toMatchObject({ value: 20, location: { line: 7 } });
  });

  it('converts durations and data sizes, whether YAML numbers or strings', async () => {
    const yaml = [
      'spring:',
      '  kafka:',
      '    consumer:',
      '      heartbeat-interval: 3000',
      '      auto-commit-interval: 2s',
      '      fetch-max-wait: PT0.5S',
      '      fetch-min-size: 1KB',
      '    producer:',
      '      batch-size: 32KB',
      '      buffer-memory: 33554432',
      '',
    ].join('\n');
    const clients = await clientsOf(yaml);
    const consumer = only(clients, 'consumer');
    const producer = only(clients, 'producer');
    expect(settingOf(consumer, 'heartbeat.interval.ms')?.value).toBe(3000);
    expect(settingOf(consumer, 'auto.commit.interval.ms')?.value).toBe(2000);
    expect(settingOf(consumer, 'fetch.max.wait.ms')?.value).toBe(500);
    expect(settingOf(consumer, 'fetch.min.bytes')?.value).toBe(1024);
    expect(settingOf(producer, 'batch.size')?.value).toBe(32768);
    expect(settingOf(producer, 'buffer.memory')?.value).toBe(33554432);
  });

  it('binds camelCase names and maps Spring SSL names to Kafka keys', async () => {
    const yaml = [
      'spring:',
      '  kafka:',
      '    consumer:',
      '      enableAutoCommit: false',
      '      isolationLevel: READ_COMMITTED',
      '      ssl:',
      '        keyStorePassword: ${KEYSTORE_PASSWORD}',
      '        trust-store-password: changeit',
      '',
    ].join('\n');
    const consumer = only(await clientsOf(yaml), 'consumer');
    expect(settingOf(consumer, 'enable.auto.commit')).toMatchObject({ value: false, writtenAs: 'spring.kafka.consumer.enableAutoCommit' });
    expect(settingOf(consumer, 'isolation.level')?.value).toBe('read_committed');
    expect(settingOf(consumer, 'ssl.keystore.password')).toMatchObject({ value: '${KEYSTORE_PASSWORD}', placeholder: true, location: { line: 7 } });
    expect(settingOf(consumer, 'ssl.truststore.password')).toMatchObject({ value: 'changeit', location: { line: 8 } });
  });

  it('keeps a placeholder bootstrap address as text', async () => {
    const yaml = ['spring:', '  kafka:', '    bootstrap-servers: ${KAFKA_BOOTSTRAP:localhost:9092}', ''].join('\n');
    const [client] = await clientsOf(yaml);
    expect(client.role).toBe('client');
    expect(settingOf(client, 'bootstrap.servers')).toMatchObject({ value: '${KAFKA_BOOTSTRAP:localhost:9092}', placeholder: true });
  });

  it('reads a dotted root key and a named binder environment', async () => {
    const yaml = [
      'spring.cloud.stream:',
      '  binders:',
      '    main:',
      '      type: kafka',
      '      environment:',
      '        spring:',
      '          cloud:',
      '            stream:',
      '              kafka:',
      '                binder:',
      '                  brokers: broker-1:9092',
      '  kafka.binder:',
      '    configuration:',
      '      security.protocol: SASL_SSL',
      '',
    ].join('\n');
    const [client, ...rest] = await clientsOf(yaml);
    expect(rest).toEqual([]);
    expect(client).toMatchObject({ role: 'client', label: 'Spring Cloud Stream Kafka client (binder main) in application.yml', location: { line: 11 } });
    expect(settingOf(client, 'bootstrap.servers')?.value).toEqual(['broker-1:9092']);
    expect(settingOf(client, 'security.protocol')).toMatchObject({ value: 'SASL_SSL', location: { line: 14 } });
  });

  it('leaves Strimzi and other Kafka YAML to their own readers', async () => {
    const yaml = ['apiVersion: kafka.strimzi.io/v1beta2', 'kind: KafkaTopic', 'metadata:', '  name: orders', 'spec:', '  partitions: 3', ''].join('\n');
    expect((await clientsOf(yaml, 'topic.yaml')).filter((client) => client.library === 'spring')).toEqual([]);
  });
});
