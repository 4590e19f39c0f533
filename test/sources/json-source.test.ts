import { describe, expect, it } from 'vitest';
import type { ClientFacts, Setting } from '../../src/model/types.js';
import { lintFiles } from '../support/lint-harness.js';

const lines = (...text: string[]) => `${text.join('\n')}\n`;

async function modelOf(files: Record<string, string>) {
  return (await lintFiles(files)).model;
}

function setting(client: { settings: Setting[] }, key: string): Setting {
  const found = client.settings.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no setting ${key} among ${client.settings.map((item) => item.key).join(', ')}`);
  return found;
}

function where(setting: Setting) {
  const { line, column, endLine, endColumn } = setting.location;
  return { line, column, endLine, endColumn };
}

function clientWithRole(clients: ClientFacts[], role: string): ClientFacts {
  const client = clients.find((candidate) => candidate.role === role);
  if (!client) throw new Error(`no ${role} among ${clients.map((candidate) => candidate.role).join(', ')}`);
  return client;
}

describe('JSON client configs with dotted Kafka keys', () => {
  it('reads a top-level config with JSON-typed values and the location of each key and value', async () => {
    const model = await modelOf({
      'config/producer.json': lines(
        '{',
        '  "bootstrap.servers": "kafka-1:9092,kafka-2:9092",',
        '  "acks": 1,',
        '  "enable.idempotence": false,',
        '  "linger.ms": 10',
        '}',
      ),
    });
    expect(model.clients).toHaveLength(1);
    const [producer] = model.clients;
    expect(producer).toMatchObject({ role: 'producer', library: 'java', file: 'config/producer.json' });
    expect(producer.settings.map((item) => [item.key, item.value])).toEqual([
      ['bootstrap.servers', ['kafka-1:9092', 'kafka-2:9092']],
      ['acks', '1'],
      ['enable.idempotence', false],
      ['linger.ms', 10],
    ]);
    expect(where(setting(producer, 'acks'))).toEqual({ line: 3, column: 3, endLine: 3, endColumn: 12 });
    expect(setting(producer, 'acks').valueLocation).toMatchObject({ line: 3, column: 11, endColumn: 12 });
    expect(where(setting(producer, 'linger.ms'))).toEqual({ line: 5, column: 3, endLine: 5, endColumn: 18 });
  });

  it('reports a finding at the JSON key through the real rules', async () => {
    const result = await lintFiles({ 'producer.json': lines('{', '  "bootstrap.servers": "k:9092",', '  "acks": "1"', '}') });
    const findings = result.findings.filter((finding) => finding.ruleId === 'producer-acks-one');
    expect(findings.map((finding) => [finding.line, finding.column])).toEqual([[3, 3]]);
  });

  it('reads a nested `kafka` section and takes the role from the section name', async () => {
    const model = await modelOf({
      'settings.json': lines(
        '{',
        '  "service": "orders",',
        '  "kafka": {',
        '    "producer": {',
        '      "bootstrap.servers": "k:9092",',
        '      "client.id": "orders-writer"',
        '    },',
        '    "consumer": {',
        '      "bootstrap.servers": "k:9092",',
        '      "group.id": "orders",',
        '      "enable.auto.commit": true',
        '    }',
        '  }',
        '}',
      ),
    });
    expect(model.clients.map((client) => client.role)).toEqual(['producer', 'consumer']);
    const producer = clientWithRole(model.clients, 'producer');
    expect(producer.label).toBe('"kafka.producer" section of settings.json');
    expect(where(setting(producer, 'client.id'))).toEqual({ line: 6, column: 7, endLine: 6, endColumn: 35 });
    const consumer = clientWithRole(model.clients, 'consumer');
    expect(consumer.groupId).toBe('orders');
    expect(setting(consumer, 'enable.auto.commit')).toMatchObject({ value: true, location: { line: 11, column: 7 } });
  });

  it('reads a section one level down whose keys decide the role', async () => {
    const model = await modelOf({
      'app.json': lines('{', '  "Kafka": {', '    "bootstrap.servers": "k:9092",', '    "group.id": "billing"', '  }', '}'),
    });
    expect(model.clients.map((client) => [client.role, client.groupId])).toEqual([['consumer', 'billing']]);
    expect(model.clients[0].location).toMatchObject({ line: 3, column: 5 });
  });

  it('takes librdkafka spellings as a librdkafka config, and a list of brokers as a list', async () => {
    const model = await modelOf({
      'rdkafka.json': lines('{', '  "metadata.broker.list": ["a:9092", "b:9092"],', '  "request.required.acks": -1', '}'),
    });
    expect(model.clients).toHaveLength(1);
    expect(model.clients[0].library).toBe('librdkafka');
    expect(setting(model.clients[0], 'bootstrap.servers')).toMatchObject({ writtenAs: 'metadata.broker.list', value: ['a:9092', 'b:9092'] });
    expect(setting(model.clients[0], 'acks').value).toBe('all');
  });

  it('keeps both copies of a repeated key, in file order', async () => {
    const model = await modelOf({ 'producer.json': lines('{', '  "acks": "all",', '  "bootstrap.servers": "k:9092",', '  "acks": "1"', '}') });
    expect(model.clients[0].settings.filter((item) => item.key === 'acks').map((item) => [item.value, item.location.line])).toEqual([
      ['all', 2],
      ['1', 4],
    ]);
  });

  it('skips a byte order mark when counting columns', async () => {
    const model = await modelOf({ 'producer.json': '\ufeff{"bootstrap.servers": "k:9092", "acks": 0}\n' });
    expect(where(setting(model.clients[0], 'bootstrap.servers'))).toEqual({ line: 1, column: 2, endLine: 1, endColumn: 31 });
  });
});

describe('Kafka Connect connector configs', () => {
  const sinkWithDeadLetterQueue = lines(
    '{',
    '  "name": "orders-sink",',
    '  "config": {',
    '    "connector.class": "com.example.OrdersSinkConnector",',
    '    "topics": "orders,refunds",',
    '    "errors.tolerance": "all",',
    '    "errors.deadletterqueue.topic.name": "orders-dlq",',
    '    "errors.deadletterqueue.topic.replication.factor": 1,',
    '    "connection.password": "not-a-kafka-setting",',
    '    "key.converter": "org.apache.kafka.connect.storage.StringConverter"',
    '  }',
    '}',
  );

  it('declares the dead letter queue topic with its replication factor', async () => {
    const model = await modelOf({ 'connectors/orders-sink.json': sinkWithDeadLetterQueue });
    expect(model.topics).toHaveLength(1);
    const [topic] = model.topics;
    expect(topic).toMatchObject({ name: 'orders-dlq', declaredBy: 'connect', location: { line: 7, column: 5 } });
    expect(topic.replicationFactor).toMatchObject({
      key: 'replication.factor',
      writtenAs: 'errors.deadletterqueue.topic.replication.factor',
      value: 1,
      location: { line: 8, column: 5, endLine: 8, endColumn: 57 },
    });
  });

  it('reports DLQ replication factor 1 at the setting', async () => {
    const result = await lintFiles({ 'connectors/orders-sink.json': sinkWithDeadLetterQueue });
    const findings = result.findings.filter((finding) => finding.ruleId === 'replication-factor-too-low');
    expect(findings.map((finding) => [finding.line, finding.column])).toEqual([[8, 5]]);
  });

  it('makes no client and no setting of connector plugin keys', async () => {
    const model = await modelOf({ 'connectors/orders-sink.json': sinkWithDeadLetterQueue });
    expect(model.clients).toEqual([]);
    expect(model.brokers).toEqual([]);
    expect(model.topics.flatMap((topic) => topic.settings.map((item) => item.writtenAs))).toEqual(['errors.deadletterqueue.topic.replication.factor']);
  });

  it('declares no DLQ topic when its replication factor is left to Connect (default 3)', async () => {
    const result = await lintFiles({
      'sink.json': lines('{', '  "connector.class": "com.example.Sink",', '  "errors.deadletterqueue.topic.name": "dlq"', '}'),
    });
    expect(result.model.topics).toEqual([]);
    expect(result.findings.filter((finding) => finding.ruleId === 'topic-rf-defaults-to-broker')).toEqual([]);
  });

  it('declares one topic per topic.creation group, default and listed groups only', async () => {
    const model = await modelOf({
      'source.json': lines(
        '{',
        '  "connector.class": "com.example.SourceConnector",',
        '  "topic.creation.groups": "compacted",',
        '  "topic.creation.default.replication.factor": 3,',
        '  "topic.creation.default.partitions": 6,',
        '  "topic.creation.default.min.insync.replicas": "1",',
        '  "topic.creation.compacted.include": "state-.*",',
        '  "topic.creation.compacted.replication.factor": "1",',
        '  "topic.creation.compacted.partitions": 1,',
        '  "topic.creation.compacted.cleanup.policy": "compact",',
        '  "topic.creation.unlisted.replication.factor": 1',
        '}',
      ),
    });
    expect(model.topics.map((topic) => [topic.name, topic.replicationFactor?.value, topic.partitions?.value])).toEqual([
      ['topic.creation.default', 3, 6],
      ['topic.creation.compacted', 1, 1],
    ]);
    const [defaults, compacted] = model.topics;
    expect(defaults.declaredBy).toBe('connect');
    expect(defaults.location).toMatchObject({ line: 4, column: 3 });
    expect(setting(defaults, 'min.insync.replicas')).toMatchObject({ value: 1, writtenAs: 'topic.creation.default.min.insync.replicas', location: { line: 6 } });
    expect(compacted.settings.map((item) => item.key)).toEqual(['replication.factor', 'partitions', 'cleanup.policy']);
    expect(compacted.replicationFactor?.location).toMatchObject({ line: 8, column: 3 });
  });

  it('makes producer and consumer clients of override keys, with the group Connect gives the sink', async () => {
    const model = await modelOf({
      'sink.json': lines(
        '{',
        '  "name": "audit",',
        '  "config": {',
        '    "connector.class": "com.example.AuditSink",',
        '    "topics": "audit-events",',
        '    "consumer.override.auto.offset.reset": "latest",',
        '    "producer.override.acks": "1",',
        '    "producer.override.compression.type": "zstd"',
        '  }',
        '}',
      ),
    });
    expect(model.clients.map((client) => [client.role, client.library])).toEqual([
      ['producer', 'kafka-connect'],
      ['consumer', 'kafka-connect'],
    ]);
    const producer = clientWithRole(model.clients, 'producer');
    expect(producer.settings.map((item) => [item.key, item.writtenAs, item.value])).toEqual([
      ['acks', 'producer.override.acks', '1'],
      ['compression.type', 'producer.override.compression.type', 'zstd'],
    ]);
    expect(producer.location).toMatchObject({ line: 7, column: 5 });
    const consumer = clientWithRole(model.clients, 'consumer');
    expect(consumer.groupId).toBe('connect-audit');
    expect(consumer.topics).toEqual([{ name: 'audit-events', location: expect.objectContaining({ line: 5, column: 15 }) }]);
    expect(where(setting(consumer, 'auto.offset.reset'))).toEqual({ line: 6, column: 5, endLine: 6, endColumn: 52 });
  });
});

describe('.NET appsettings.json sections for Confluent.Kafka', () => {
  it('maps the PascalCase properties of a Kafka section to librdkafka keys, keeping the spelling as written', async () => {
    const model = await modelOf({
      'src/Api/appsettings.json': lines(
        '{',
        '  "Logging": { "LogLevel": { "Default": "Information" } },',
        '  "KafkaSettings": {',
        '    "BootstrapServers": "localhost:9092",',
        '    "GroupId": "risk",',
        '    "AutoOffsetReset": "Earliest",',
        '    "EnableAutoCommit": true,',
        '    "Topic": "orders"',
        '  }',
        '}',
      ),
    });
    expect(model.clients).toHaveLength(1);
    const [consumer] = model.clients;
    expect(consumer).toMatchObject({ role: 'consumer', library: 'librdkafka', groupId: 'risk', label: '"KafkaSettings" section of src/Api/appsettings.json' });
    expect(consumer.settings.map((item) => [item.writtenAs, item.key, item.value, item.raw])).toEqual([
      ['BootstrapServers', 'bootstrap.servers', ['localhost:9092'], 'localhost:9092'],
      ['GroupId', 'group.id', 'risk', 'risk'],
      ['AutoOffsetReset', 'auto.offset.reset', 'earliest', 'Earliest'],
      ['EnableAutoCommit', 'enable.auto.commit', true, 'true'],
    ]);
    expect(where(setting(consumer, 'enable.auto.commit'))).toEqual({ line: 7, column: 5, endLine: 7, endColumn: 29 });
  });

  it('turns Producer and Consumer subsections into clients that inherit the shared section, and reads enum names', async () => {
    const model = await modelOf({
      'appsettings.Production.json': lines(
        '{',
        '  // .NET allows comments here',
        '  "Messaging": {',
        '    "Kafka": {',
        '      "BootstrapServers": "broker.example.com:9093",',
        '      "SecurityProtocol": "SaslSsl",',
        '      "SaslMechanism": "ScramSha512",',
        '      "SaslPassword": "${KAFKA_PASSWORD}",',
        '      "Producer": { "Acks": "Leader", "EnableIdempotence": false },',
        '      "Consumer": { "GroupId": "billing", "IsolationLevel": "ReadCommitted", },',
        '    }',
        '  }',
        '}',
      ),
    });
    expect(model.problems).toEqual([]);
    expect(model.clients.map((client) => [client.role, client.library])).toEqual([
      ['producer', 'librdkafka'],
      ['consumer', 'librdkafka'],
    ]);
    const producer = clientWithRole(model.clients, 'producer');
    expect(producer.settings.map((item) => [item.key, item.value])).toEqual([
      ['bootstrap.servers', ['broker.example.com:9093']],
      ['security.protocol', 'SASL_SSL'],
      ['sasl.mechanism', 'SCRAM-SHA-512'],
      ['sasl.password', '${KAFKA_PASSWORD}'],
      ['acks', '1'],
      ['enable.idempotence', false],
    ]);
    expect(setting(producer, 'security.protocol')).toMatchObject({ writtenAs: 'SecurityProtocol', raw: 'SaslSsl', location: { line: 6, column: 7 } });
    expect(setting(producer, 'sasl.password').placeholder).toBe(true);
    expect(setting(producer, 'acks').location).toMatchObject({ line: 9, column: 21 });
    const consumer = clientWithRole(model.clients, 'consumer');
    expect(consumer.groupId).toBe('billing');
    expect(setting(consumer, 'isolation.level').value).toBe('read_committed');
  });

  it('reads nothing from sections that are not clearly Kafka', async () => {
    const model = await modelOf({
      'appsettings.json': lines(
        '{',
        '  "Kafka": { "Topic": "orders", "GroupId": "not-enough-without-brokers" },',
        '  "EventBus": { "BootstrapServers": "bus:9092", "GroupId": "not-named-kafka" }',
        '}',
      ),
    });
    expect(model.clients).toEqual([]);
    expect(model.problems).toEqual([]);
  });
});

describe('JSON that is not Kafka config', () => {
  const cases: Record<string, string> = {
    'tsconfig.json': lines('{', '  // kafka client types', '  "compilerOptions": { "strict": true, },', '}'),
    '.vscode/settings.json': lines('{ "kafka.clusters": [], // comment', '}'),
    'data/records.json': lines('[', '  { "id": 1, "retries": 3, "acks": "all", "topic": "kafka-demo" }', ']'),
    'editor.json': lines('{ "editor.fontSize": 12, "files.exclude": { "**/kafka": true } }'),
    'topic-config.json': lines('{ "cleanup.policy": "compact", "retention.ms": 604800000, "min.insync.replicas": 2 }'),
    'broken-unrelated.json': lines('{ "name": "shop", }'),
    'deeply/nested.json': lines('{ "a": { "b": { "c": { "bootstrap.servers": "k:9092", "acks": 1 } } } }'),
  };
  for (const [file, text] of Object.entries(cases)) {
    it(`${file} gives no facts and no problems`, async () => {
      const result = await lintFiles({ [file]: text });
      expect(result.model.clients).toEqual([]);
      expect(result.model.topics).toEqual([]);
      expect(result.model.brokers).toEqual([]);
      expect(result.model.problems).toEqual([]);
      expect(result.findings).toEqual([]);
    });
  }
});

describe('malformed JSON', () => {
  it('reports a trailing comma in a Kafka config at the comma', async () => {
    const result = await lintFiles({ 'producer.json': lines('{', '  "bootstrap.servers": "k:9092",', '  "acks": "all",', '}') });
    expect(result.model.clients).toEqual([]);
    const findings = result.findings.filter((finding) => finding.ruleId === 'parse-error');
    expect(findings.map((finding) => [finding.line, finding.column])).toEqual([[3, 16]]);
    expect(findings[0].message).toContain("trailing comma before '}'");
  });

  it('reports a comment in a Kafka config (JSON has none)', async () => {
    const result = await lintFiles({ 'consumer.json': lines('{', '  // consumer for orders', '  "group.id": "orders"', '}') });
    expect(result.model.problems).toEqual([{ file: 'consumer.json', line: 2, column: 3, message: 'JSON syntax error: comments are not allowed in JSON' }]);
  });

  it('reports a missing comma at the place the next key starts', async () => {
    const result = await lintFiles({ 'client.json': lines('{', '  "bootstrap.servers": "k:9092"', '  "security.protocol": "SSL"', '}') });
    expect(result.model.problems).toMatchObject([{ line: 3, column: 3, message: expect.stringContaining("expected ',' or '}'") }]);
  });

  it('reports a broken connector config, and never quotes the text around the error', async () => {
    const result = await lintFiles({
      'sink.json': lines('{', '  "connector.class": "com.example.Sink",', '  "connection.password": s3cret-value', '}'),
    });
    expect(result.model.problems).toMatchObject([{ line: 3, column: 26 }]);
    expect(result.model.problems[0].message).not.toContain('s3cret');
  });

  it('reports an unterminated string at its opening quote', async () => {
    const result = await lintFiles({ 'client.json': lines('{', '  "bootstrap.servers": "k:9092', '}') });
    expect(result.model.problems).toMatchObject([{ line: 2, column: 24, message: expect.stringContaining('unterminated string') }]);
  });
});
