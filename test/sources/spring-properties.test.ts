import { describe, expect, it } from 'vitest';
import type { ClientFacts, Role, Setting } from '../../src/model/types.js';
import { lintFiles } from '../support/lint-harness.js';

async function clientsOf(text: string, path = 'application.properties'): Promise<ClientFacts[]> {
  return (await lintFiles({ [path]: text })).model.clients;
}

function only(clients: ClientFacts[], role: Role): ClientFacts {
  const matching = clients.filter((client) => client.role === role);
  expect(matching, `exactly one ${role}`).toHaveLength(1);
  return matching[0];
}

function settingsOf(client: ClientFacts, key: string): Setting[] {
  return client.settings.filter((setting) => setting.key === key);
}

function lastValue(client: ClientFacts, key: string): unknown {
  return settingsOf(client, key).at(-1)?.value;
}

describe('Spring Boot application.properties', () => {
  it('maps spring.kafka.consumer.enable-auto-commit to enable.auto.commit on a Spring consumer, at its line', async () => {
    const clients = await clientsOf('server.port=8080\nspring.kafka.consumer.group-id=orders\nspring.kafka.consumer.enable-auto-commit=true\n');
    const consumer = only(clients, 'consumer');
    expect(consumer.library).toBe('spring');
    expect(consumer.groupId).toBe('orders');
    expect(settingsOf(consumer, 'enable.auto.commit')).toEqual([
      expect.objectContaining({
        key: 'enable.auto.commit',
        writtenAs: 'spring.kafka.consumer.enable-auto-commit',
        value: true,
        raw: 'true',
        location: expect.objectContaining({ file: 'application.properties', line: 3, column: 1 }),
      }),
    ]);
    expect(consumer.label).toBe('Spring consumer in application.properties');
    expect(clients).toHaveLength(1);
  });

  it('gives nothing for a file whose Spring keys are not about Kafka', async () => {
    const result = await lintFiles({
      'application.properties': 'server.port=8080\nspring.datasource.url=jdbc:h2:mem:db\nspring.datasource.password=${DB_PASSWORD}\nspring.application.name=shop\n',
    });
    expect(result.model.clients).toEqual([]);
    expect(result.model.brokers).toEqual([]);
    expect(result.findings).toEqual([]);
  });

  it('reads spring.json.trusted.packages written directly as a consumer setting', async () => {
    const consumer = only(await clientsOf('spring.json.trusted.packages=*\n'), 'consumer');
    expect(settingsOf(consumer, 'spring.json.trusted.packages')).toEqual([
      expect.objectContaining({ value: ['*'], writtenAs: 'spring.json.trusted.packages', location: expect.objectContaining({ line: 1 }) }),
    ]);
    expect(settingsOf(consumer, 'spring.json.trusted.packages')[0].placeholder).toBeUndefined();
  });

  it('reads spring.json.trusted.packages from the consumer pass-through map under its own key', async () => {
    const clients = await clientsOf('spring.kafka.consumer.group-id=g\nspring.kafka.consumer.properties.spring.json.trusted.packages=com.example.events,com.example.common\n');
    const consumer = only(clients, 'consumer');
    expect(settingsOf(consumer, 'spring.json.trusted.packages')).toEqual([
      expect.objectContaining({ value: ['com.example.events', 'com.example.common'], writtenAs: 'spring.kafka.consumer.properties.spring.json.trusted.packages', location: expect.objectContaining({ line: 2 }) }),
    ]);
  });

  it('treats spring.json.* beside plain Kafka keys as a plain Java client config', async () => {
    const clients = await clientsOf('bootstrap.servers=k:9092\ngroup.id=g\nspring.json.trusted.packages=*\n', 'consumer.properties');
    const consumer = only(clients, 'consumer');
    expect(consumer.library).toBe('java');
    expect(lastValue(consumer, 'bootstrap.servers')).toEqual(['k:9092']);
    expect(settingsOf(consumer, 'spring.json.trusted.packages')).toEqual([expect.objectContaining({ value: ['*'] })]);
    // `*` is the wildcard, not a masked secret.
    expect(settingsOf(consumer, 'spring.json.trusted.packages')[0].placeholder).toBeUndefined();
  });

  it.each([
    ['kebab case', 'spring.kafka.producer.compression-type=GZIP'],
    ['camel case', 'spring.kafka.producer.compressionType=GZIP'],
    ['underscores', 'spring.kafka.producer.compression_type=GZIP'],
    ['upper case', 'SPRING.KAFKA.PRODUCER.COMPRESSION-TYPE=GZIP'],
  ])('binds %s names to the canonical key', async (_name, line) => {
    const producer = only(await clientsOf(`${line}\n`), 'producer');
    expect(producer.settings).toEqual([expect.objectContaining({ key: 'compression.type', value: 'gzip', writtenAs: line.split('=')[0] })]);
  });

  it('converts Spring durations to milliseconds for duration properties', async () => {
    const consumer = only(
      await clientsOf(
        [
          'spring.kafka.consumer.heartbeat-interval=10s',
          'spring.kafka.consumer.auto-commit-interval=500ms',
          'spring.kafka.consumer.fetch-max-wait=PT1M',
          'spring.kafka.consumer.max-poll-interval=2m',
          'spring.kafka.listener.monitor-interval=30',
          'spring.kafka.listener.poll-timeout=3000',
        ].join('\n'),
      ),
      'consumer',
    );
    expect(lastValue(consumer, 'heartbeat.interval.ms')).toBe(10000);
    expect(lastValue(consumer, 'auto.commit.interval.ms')).toBe(500);
    expect(lastValue(consumer, 'fetch.max.wait.ms')).toBe(60000);
    expect(lastValue(consumer, 'max.poll.interval.ms')).toBe(120000);
    // monitor-interval is in seconds when no unit is given; poll-timeout in milliseconds.
    expect(lastValue(consumer, 'spring.kafka.listener.monitor-interval')).toBe(30000);
    expect(lastValue(consumer, 'spring.kafka.listener.poll-timeout')).toBe(3000);
    expect(settingsOf(consumer, 'heartbeat.interval.ms')[0].raw).toBe('10s');
  });

  it('converts data sizes to bytes and keeps text that is not a size', async () => {
    const producer = only(
      await clientsOf('spring.kafka.producer.batch-size=16KB\nspring.kafka.producer.buffer-memory=1MB\nspring.kafka.producer.properties.max.request.size=2MB\n'),
      'producer',
    );
    expect(lastValue(producer, 'batch.size')).toBe(16384);
    expect(lastValue(producer, 'buffer.memory')).toBe(1048576);
    // Pass-through values reach Kafka as written: Spring does not convert them.
    expect(lastValue(producer, 'max.request.size')).toBe('2MB');
  });

  it('keeps a placeholder as its text and marks it', async () => {
    const clients = await clientsOf('spring.kafka.bootstrap-servers=${KAFKA_BOOTSTRAP:localhost:9092}\nspring.kafka.consumer.heartbeat-interval=${HEARTBEAT:3s}\n');
    const consumer = only(clients, 'consumer');
    expect(settingsOf(consumer, 'bootstrap.servers')).toEqual([
      expect.objectContaining({ value: '${KAFKA_BOOTSTRAP:localhost:9092}', placeholder: true, writtenAs: 'spring.kafka.bootstrap-servers' }),
    ]);
    expect(settingsOf(consumer, 'heartbeat.interval.ms')).toEqual([expect.objectContaining({ value: '${HEARTBEAT:3s}', placeholder: true })]);
  });

  it('makes one client with role client when only common settings exist', async () => {
    const clients = await clientsOf('spring.kafka.bootstrap-servers=kafka-1:9092,kafka-2:9092\nspring.kafka.security.protocol=sasl_ssl\n');
    expect(clients).toHaveLength(1);
    expect(clients[0]).toMatchObject({ role: 'client', library: 'spring', label: 'Spring Kafka client in application.properties' });
    expect(lastValue(clients[0], 'bootstrap.servers')).toEqual(['kafka-1:9092', 'kafka-2:9092']);
    expect(lastValue(clients[0], 'security.protocol')).toBe('SASL_SSL');
  });

  it('gives the common pass-through map to the producer when its keys are producer keys', async () => {
    const clients = await clientsOf('spring.kafka.properties.acks=1\nspring.kafka.properties.bootstrap.servers=k:9092\n');
    expect(clients.map((client) => client.role)).toEqual(['producer']);
    expect(lastValue(clients[0], 'acks')).toBe('1');
  });

  it('copies common settings into each client and lets a per-client key replace the common one', async () => {
    const clients = await clientsOf(
      [
        'spring.kafka.bootstrap-servers=common:9092',
        'spring.kafka.properties.security.protocol=SSL',
        'spring.kafka.producer.bootstrap-servers=producer:9092',
        'spring.kafka.producer.acks=all',
        'spring.kafka.consumer.group-id=g',
      ].join('\n'),
    );
    const producer = only(clients, 'producer');
    const consumer = only(clients, 'consumer');
    expect(settingsOf(producer, 'bootstrap.servers').map((setting) => setting.value)).toEqual([['producer:9092']]);
    expect(settingsOf(consumer, 'bootstrap.servers').map((setting) => setting.value)).toEqual([['common:9092']]);
    expect(lastValue(producer, 'security.protocol')).toBe('SSL');
    expect(lastValue(consumer, 'security.protocol')).toBe('SSL');
    expect(producer.location.line).toBe(3);
    expect(consumer.location.line).toBe(5);
  });

  it('orders a typed key before the pass-through map at the same level, which Spring lets win', async () => {
    const producer = only(await clientsOf('spring.kafka.producer.properties.acks=all\nspring.kafka.producer.acks=1\n'), 'producer');
    expect(settingsOf(producer, 'acks').map((setting) => [setting.value, setting.location.line])).toEqual([
      ['1', 2],
      ['all', 1],
    ]);
  });

  it('maps SSL and security keys at every level', async () => {
    const consumer = only(
      await clientsOf(
        [
          'spring.kafka.ssl.trust-store-location=file:/etc/kafka/truststore.jks',
          'spring.kafka.ssl.trust-store-password=${TRUSTSTORE_PASSWORD}',
          'spring.kafka.consumer.ssl.key-store-password=changeit',
          'spring.kafka.consumer.ssl.key-password=changeit',
          'spring.kafka.consumer.security.protocol=SSL',
          'spring.kafka.consumer.group-id=g',
        ].join('\n'),
      ),
      'consumer',
    );
    expect(consumer.settings.map((setting) => [setting.key, setting.writtenAs])).toEqual([
      ['ssl.truststore.location', 'spring.kafka.ssl.trust-store-location'],
      ['ssl.truststore.password', 'spring.kafka.ssl.trust-store-password'],
      ['group.id', 'spring.kafka.consumer.group-id'],
      ['ssl.keystore.password', 'spring.kafka.consumer.ssl.key-store-password'],
      ['ssl.key.password', 'spring.kafka.consumer.ssl.key-password'],
      ['security.protocol', 'spring.kafka.consumer.security.protocol'],
    ]);
    expect(settingsOf(consumer, 'ssl.truststore.password')[0].placeholder).toBe(true);
  });

  it('builds producer, consumer, admin and streams clients with their own keys', async () => {
    const clients = await clientsOf(
      [
        'spring.kafka.template.default-topic=orders',
        'spring.kafka.producer.transaction-id-prefix=tx-',
        'spring.kafka.listener.ack-mode=manual-immediate',
        'spring.kafka.consumer.isolation-level=read-committed',
        'spring.kafka.admin.fail-fast=true',
        'spring.kafka.streams.application-id=shop-streams',
        'spring.kafka.streams.properties.processing.guarantee=exactly_once_v2',
      ].join('\n'),
    );
    expect(clients.map((client) => client.role)).toEqual(['producer', 'consumer', 'admin', 'streams']);
    const producer = only(clients, 'producer');
    expect(producer.topics).toEqual([{ name: 'orders', location: expect.objectContaining({ line: 1 }) }]);
    expect(lastValue(producer, 'transactional.id')).toBe('tx-');
    const consumer = only(clients, 'consumer');
    expect(lastValue(consumer, 'spring.kafka.listener.ack-mode')).toBe('MANUAL_IMMEDIATE');
    expect(lastValue(consumer, 'isolation.level')).toBe('read_committed');
    expect(lastValue(only(clients, 'admin'), 'spring.kafka.admin.fail-fast')).toBe(true);
    const streams = only(clients, 'streams');
    expect(lastValue(streams, 'application.id')).toBe('shop-streams');
    expect(lastValue(streams, 'processing.guarantee')).toBe('exactly_once_v2');
  });

  it('does not map names Spring ignores to Kafka keys', async () => {
    const consumer = only(await clientsOf('spring.kafka.consumer.group-id=g\nspring.kafka.consumer.session-timeout-ms=10000\n'), 'consumer');
    expect(settingsOf(consumer, 'session.timeout.ms')).toEqual([]);
    expect(lastValue(consumer, 'spring.kafka.consumer.session-timeout-ms')).toBe('10000');
  });

  it('does not make a client from a name Spring ignores alone', async () => {
    expect(await clientsOf('spring.kafka.topic-name=orders\n')).toEqual([]);
  });

  it('joins indexed list entries and reads bracketed map keys', async () => {
    const client = (await clientsOf('spring.kafka.bootstrap-servers[0]=a:9092\nspring.kafka.bootstrap-servers[1]=b:9092\nspring.kafka.properties[sasl.mechanism]=PLAIN\n'))[0];
    expect(settingsOf(client, 'bootstrap.servers')).toEqual([expect.objectContaining({ value: ['a:9092', 'b:9092'], location: expect.objectContaining({ line: 1 }) })]);
    expect(lastValue(client, 'sasl.mechanism')).toBe('PLAIN');
  });

  it('names the profile of an application-<profile>.properties file', async () => {
    const producer = only(await clientsOf('spring.kafka.producer.acks=all\n', 'config/application-prod.properties'), 'producer');
    expect(producer.label).toBe('Spring producer in config/application-prod.properties (profile prod)');
  });

  it('reports columns of indented entries', async () => {
    const consumer = only(await clientsOf('   spring.kafka.consumer.group-id = g\n'), 'consumer');
    expect(consumer.settings[0].location).toMatchObject({ line: 1, column: 4 });
  });
});

describe('Spring Cloud Stream Kafka binder in application.properties', () => {
  it('reads brokers, configuration and per-client maps of the binder', async () => {
    const clients = await clientsOf(
      [
        'spring.cloud.stream.kafka.binder.brokers=kafka:9092',
        'spring.cloud.stream.kafka.binder.configuration.security.protocol=SASL_SSL',
        'spring.cloud.stream.kafka.binder.producer-properties.acks=1',
        'spring.cloud.stream.kafka.binder.consumer-properties.enable.auto.commit=true',
        'spring.cloud.stream.kafka.binder.auto-create-topics=false',
      ].join('\n'),
    );
    const producer = only(clients, 'producer');
    const consumer = only(clients, 'consumer');
    expect(lastValue(producer, 'acks')).toBe('1');
    expect(lastValue(producer, 'bootstrap.servers')).toEqual(['kafka:9092']);
    expect(lastValue(consumer, 'enable.auto.commit')).toBe(true);
    expect(lastValue(consumer, 'security.protocol')).toBe('SASL_SSL');
    expect(lastValue(consumer, 'spring.cloud.stream.kafka.binder.auto-create-topics')).toBe('false');
  });

  it('lets the binder configuration replace spring.kafka settings of the same key', async () => {
    const client = (await clientsOf('spring.kafka.bootstrap-servers=boot:9092\nspring.cloud.stream.kafka.binder.brokers=binder:9092\n'))[0];
    expect(settingsOf(client, 'bootstrap.servers').map((setting) => setting.value)).toEqual([['binder:9092']]);
  });

  it('gives each named binder its own clients, inheriting the application properties unless told not to', async () => {
    const clients = await clientsOf(
      [
        'spring.cloud.stream.kafka.binder.configuration.security.protocol=SASL_SSL',
        'spring.cloud.stream.binders.east.environment.spring.cloud.stream.kafka.binder.brokers=east:9092',
        'spring.cloud.stream.binders.west.environment.spring.cloud.stream.kafka.binder.brokers=west:9092',
        'spring.cloud.stream.binders.west.inherit-environment=false',
      ].join('\n'),
    );
    expect(clients.map((client) => client.label)).toEqual([
      'Spring Cloud Stream Kafka client (binder east) in application.properties',
      'Spring Cloud Stream Kafka client (binder west) in application.properties',
    ]);
    expect(lastValue(clients[0], 'security.protocol')).toBe('SASL_SSL');
    expect(lastValue(clients[0], 'bootstrap.servers')).toEqual(['east:9092']);
    expect(settingsOf(clients[1], 'security.protocol')).toEqual([]);
  });

  it('makes one consumer per binding with its own configuration, destination and group', async () => {
    const clients = await clientsOf(
      [
        'spring.cloud.stream.bindings.process-in-0.destination=payments',
        'spring.cloud.stream.bindings.process-in-0.group=ledger',
        'spring.cloud.stream.kafka.bindings.process-in-0.consumer.configuration.max.poll.records=50',
      ].join('\n'),
    );
    const consumer = only(clients, 'consumer');
    expect(consumer).toMatchObject({ groupId: 'ledger', label: 'Spring Cloud Stream consumer (binding process-in-0) in application.properties' });
    expect(consumer.topics.map((topic) => topic.name)).toEqual(['payments']);
    expect(lastValue(consumer, 'max.poll.records')).toBe(50);
  });

  it('reads the Kafka Streams binder configuration as a streams client', async () => {
    const clients = await clientsOf('spring.kafka.bootstrap-servers=k:9092\nspring.cloud.stream.kafka.streams.binder.configuration.processing.guarantee=at_least_once\n');
    const streams = only(clients, 'streams');
    expect(lastValue(streams, 'processing.guarantee')).toBe('at_least_once');
    expect(lastValue(streams, 'bootstrap.servers')).toEqual(['k:9092']);
    expect(clients).toHaveLength(1);
  });

  it('ignores Cloud Stream settings that are not about the Kafka binder', async () => {
    expect(await clientsOf('spring.cloud.stream.bindings.input.destination=orders\nspring.cloud.function.definition=process\n')).toEqual([]);
  });
});
