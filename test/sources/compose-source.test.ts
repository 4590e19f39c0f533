import { describe, expect, it } from 'vitest';
import type { BrokerFacts } from '../../src/model/types.js';
import { lintFiles } from '../support/lint-harness.js';

async function modelOf(files: Record<string, string>) {
  return (await lintFiles(files)).model;
}

function setting(broker: BrokerFacts, key: string) {
  return broker.settings.find((candidate) => candidate.key === key);
}

const bitnamiListForm = [
  'services:',
  '  broker:',
  '    image: docker.io/bitnami/kafka:3.7',
  '    environment:',
  '      - KAFKA_CFG_NODE_ID=0',
  '      - KAFKA_CFG_UNCLEAN_LEADER_ELECTION_ENABLE=true',
  '      - "KAFKA_CFG_MIN_INSYNC_REPLICAS=2"',
  '      - KAFKA_CLIENT_PASSWORDS=s3cr3t-pw',
  '      - KAFKA_MIN_INSYNC_REPLICAS=1',
  '      - KAFKA_CFG_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM=',
  '      - KAFKA_HEAP_OPTS=-Xmx1g',
  '      - KAFKA_CFG_AUTO_CREATE_TOPICS_ENABLE',
  '      # - KAFKA_CFG_ALLOW_EVERYONE_IF_NO_ACL_FOUND=true',
  '',
].join('\n');

describe('docker-compose services', () => {
  it('reads a Bitnami service in list form, each setting at its own line and column', async () => {
    const model = await modelOf({ 'docker-compose.yml': bitnamiListForm });
    expect(model.brokers).toHaveLength(1);
    const broker = model.brokers[0];
    expect(broker).toMatchObject({ declaredBy: 'compose', label: 'compose service broker', location: { line: 2, column: 3 } });
    expect(setting(broker, 'unclean.leader.election.enable')).toMatchObject({
      value: true,
      writtenAs: 'KAFKA_CFG_UNCLEAN_LEADER_ELECTION_ENABLE',
      location: { file: 'docker-compose.yml', line: 6, column: 9, endLine: 6, endColumn: 54 },
      valueLocation: { line: 6, column: 50, endColumn: 54 },
    });
    expect(setting(broker, 'min.insync.replicas')).toMatchObject({ value: 2, location: { line: 7, column: 10 } });
  });

  it('keeps Bitnami image options under their own name so their secrets are seen, and ignores what the image ignores', async () => {
    const result = await lintFiles({ 'docker-compose.yml': bitnamiListForm });
    const broker = result.model.brokers[0];
    expect(setting(broker, 'KAFKA_CLIENT_PASSWORDS')).toMatchObject({ writtenAs: 'KAFKA_CLIENT_PASSWORDS', raw: 's3cr3t-pw', location: { line: 8 } });
    expect(result.secrets.has('s3cr3t-pw')).toBe(true);
    // Bitnami reads only KAFKA_CFG_*: the plain KAFKA_MIN_INSYNC_REPLICAS=1 on line 9 is not a broker setting.
    expect(broker.settings.filter((candidate) => candidate.key === 'min.insync.replicas').map((candidate) => candidate.value)).toEqual([2]);
    // Empty KAFKA_CFG_* values are skipped by the image, so the broker keeps its default.
    expect(setting(broker, 'ssl.endpoint.identification.algorithm')).toBeUndefined();
    expect(broker.settings.map((candidate) => candidate.writtenAs)).not.toContain('KAFKA_HEAP_OPTS');
    // A name alone takes its value from the shell: unknown here.
    expect(setting(broker, 'auto.create.topics.enable')).toBeUndefined();
    // Commented-out lines are comments.
    expect(setting(broker, 'allow.everyone.if.no.acl.found')).toBeUndefined();
  });

  it('reads map form with numbers and booleans as the container sees them', async () => {
    const model = await modelOf({
      'docker-compose.yml': [
        'services:',
        '  kafka:',
        '    image: confluentinc/cp-kafka:7.6.1',
        '    environment:',
        '      KAFKA_BROKER_ID: 1',
        "      KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false'",
        '      KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE: true',
        '      KAFKA_LOG_RETENTION_HOURS: 168.0',
        '      KAFKA_OPTS: -Dsome=thing',
        '      KAFKA_SSL_KEYSTORE_CREDENTIALS: keystore_creds',
        '      KAFKA_INHERITED:',
        '',
      ].join('\n'),
    });
    const broker = model.brokers[0];
    expect(setting(broker, 'broker.id')).toMatchObject({ raw: '1', location: { line: 5, column: 7, endColumn: 25 } });
    expect(setting(broker, 'auto.create.topics.enable')).toMatchObject({ value: false, raw: 'false', valueLocation: { column: 41, endColumn: 46 } });
    expect(setting(broker, 'unclean.leader.election.enable')).toMatchObject({ value: true, location: { line: 7 } });
    expect(setting(broker, 'log.retention.hours')).toMatchObject({ raw: '168.0' });
    expect(broker.settings.map((candidate) => candidate.writtenAs)).toEqual([
      'KAFKA_BROKER_ID',
      'KAFKA_AUTO_CREATE_TOPICS_ENABLE',
      'KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE',
      'KAFKA_LOG_RETENTION_HOURS',
    ]);
  });

  it('turns KAFKA_CREATE_TOPICS into topics located at their entry', async () => {
    const model = await modelOf({
      'docker-compose.yml': [
        'services:',
        '  kafka:',
        '    image: confluentinc/cp-kafka:7.6.1',
        '    environment:',
        '      KAFKA_NODE_ID: 1',
        '      KAFKA_CREATE_TOPICS: "orders:3:1,audit:1:3:compact"',
        '',
      ].join('\n'),
    });
    expect(model.topics.map((topic) => topic.name)).toEqual(['orders', 'audit']);
    const [orders, audit] = model.topics;
    expect(orders).toMatchObject({ declaredBy: 'compose', file: 'docker-compose.yml', location: { line: 6, column: 29 } });
    expect(orders.replicationFactor).toMatchObject({ key: 'replication.factor', value: 1, writtenAs: 'KAFKA_CREATE_TOPICS', location: { line: 6, column: 38, endColumn: 39 } });
    expect(orders.partitions).toMatchObject({ key: 'partitions', value: 3, location: { line: 6, column: 36 } });
    expect(audit.settings).toMatchObject([{ key: 'cleanup.policy', value: ['compact'], location: { line: 6, column: 50 } }]);
    expect(model.brokers[0].settings.map((candidate) => candidate.writtenAs)).toEqual(['KAFKA_NODE_ID']);
  });

  it('falls back to the variable\'s line when the value spans lines', async () => {
    const model = await modelOf({
      'docker-compose.yml': [
        'services:',
        '  kafka:',
        '    image: wurstmeister/kafka',
        '    environment:',
        '      KAFKA_ZOOKEEPER_CONNECT: zk:2181',
        '      KAFKA_CREATE_TOPICS_SEPARATOR: "$$\'\\n\'"',
        '      KAFKA_CREATE_TOPICS: |',
        '        first:1:1',
        '        second:2:1',
        '',
      ].join('\n'),
    });
    expect(model.topics.map((topic) => [topic.name, topic.location.line, topic.location.column])).toEqual([
      ['first', 7, 7],
      ['second', 7, 7],
    ]);
  });

  it('reads Confluent escaping: __ is an underscore, ___ a dash', async () => {
    const model = await modelOf({
      'docker-compose.yml': [
        'services:',
        '  kafka:',
        '    image: apache/kafka:3.8.0',
        '    environment:',
        '      KAFKA_LISTENER_NAME_SASL__SSL_SASL_ENABLED_MECHANISMS: PLAIN',
        '      KAFKA_SOME___DASHED__NAME: x',
        '',
      ].join('\n'),
    });
    expect(model.brokers[0].settings.map((candidate) => candidate.key)).toEqual(['listener.name.sasl_ssl.sasl.enabled.mechanisms', 'some-dashed_name']);
  });

  it('gives listeners from KAFKA_LISTENER_SECURITY_PROTOCOL_MAP, each at its pair', async () => {
    const model = await modelOf({
      'docker-compose.yml': [
        'services:',
        '  kafka:',
        '    image: confluentinc/cp-kafka:7.6.1',
        '    environment:',
        '      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: CONTROLLER:PLAINTEXT,EXTERNAL:sasl_ssl',
        '',
      ].join('\n'),
    });
    expect(model.brokers[0].listeners).toEqual([
      { name: 'CONTROLLER', protocol: 'PLAINTEXT', location: { file: 'docker-compose.yml', line: 5, column: 45, endLine: 5, endColumn: 65 } },
      { name: 'EXTERNAL', protocol: 'SASL_SSL', location: { file: 'docker-compose.yml', line: 5, column: 66, endLine: 5, endColumn: 83 } },
    ]);
  });
});

describe('which services are brokers', () => {
  it('ignores a compose file without Kafka (postgres only)', async () => {
    const model = await modelOf({
      'docker-compose.yml': [
        'services:',
        '  db:',
        '    image: postgres:16',
        '    environment:',
        '      POSTGRES_PASSWORD: example',
        '      KAFKA_NOTE: not-a-broker',
        '',
      ].join('\n'),
    });
    expect(model.brokers).toEqual([]);
    expect(model.topics).toEqual([]);
    expect(model.problems).toEqual([]);
  });

  it('ignores client services, UIs and init containers that only run Kafka tools', async () => {
    const model = await modelOf({
      'docker-compose.yml': [
        'services:',
        '  kafka:',
        '    image: bitnami/kafka:3.7',
        '  ui:',
        '    image: provectuslabs/kafka-ui',
        '    environment:',
        '      - KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS=kafka:9092',
        '  app:',
        '    build: .',
        '    environment:',
        '      KAFKA_BOOTSTRAP_SERVERS: kafka:9092',
        '      KAFKA_TOPIC: orders',
        '  init-topics:',
        '    image: confluentinc/cp-kafka:7.6.1',
        '    command: kafka-topics --bootstrap-server kafka:9092 --create --topic orders',
        '',
      ].join('\n'),
    });
    expect(model.brokers.map((broker) => broker.label)).toEqual(['compose service kafka']);
  });

  it('takes a custom image for a broker when its variables are a broker\'s', async () => {
    const model = await modelOf({
      'docker-compose.yml': [
        'services:',
        '  kafka:',
        '    image: registry.example.com/platform/broker:1.2',
        '    environment:',
        '      KAFKA_PROCESS_ROLES: broker,controller',
        '      KAFKA_NODE_ID: 1',
        '',
      ].join('\n'),
    });
    expect(model.brokers.map((broker) => broker.label)).toEqual(['compose service kafka']);
  });

  it('follows YAML anchors and merge keys shared by several brokers', async () => {
    const model = await modelOf({
      'docker-compose.yml': [
        'x-kafka-env: &kafka-env',
        '  KAFKA_DEFAULT_REPLICATION_FACTOR: 3',
        '  KAFKA_MIN_INSYNC_REPLICAS: 2',
        'x-kafka: &kafka',
        '  image: confluentinc/cp-kafka:7.6.1',
        'services:',
        '  kafka-1:',
        '    <<: *kafka',
        '    environment:',
        '      <<: *kafka-env',
        '      KAFKA_NODE_ID: 1',
        '      KAFKA_MIN_INSYNC_REPLICAS: 1',
        '  kafka-2:',
        '    <<: *kafka',
        '    environment: *kafka-env',
        '',
      ].join('\n'),
    });
    expect(model.brokers.map((broker) => [broker.label, broker.settings.map((candidate) => `${candidate.key}=${String(candidate.value)}@${candidate.location.line}`)])).toEqual([
      ['compose service kafka-1', ['default.replication.factor=3@2', 'min.insync.replicas=2@3', 'node.id=1@11', 'min.insync.replicas=1@12']],
      ['compose service kafka-2', ['default.replication.factor=3@2', 'min.insync.replicas=2@3']],
    ]);
  });
});

describe('development stacks', () => {
  const single = [
    'services:',
    '  zookeeper:',
    '    image: confluentinc/cp-zookeeper:7.6.1',
    '  kafka:',
    '    image: confluentinc/cp-kafka:7.6.1',
    '    environment:',
    '      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: 1',
    '      KAFKA_CREATE_TOPICS: events:1:1',
    '',
  ].join('\n');

  it('marks the broker and topics of a single-broker stack as a development stack', async () => {
    const model = await modelOf({ 'dev/docker-compose.yml': single });
    const environment = { name: 'dev', reason: 'single-broker docker-compose stack dev/docker-compose.yml, treated as a local development stack' };
    expect(model.brokers.map((broker) => [broker.brokerCount, broker.environment])).toEqual([[1, environment]]);
    expect(model.topics.map((topic) => topic.environment)).toEqual([environment]);
  });

  it('lowers a durability finding on a single-broker stack to info and says why', async () => {
    const result = await lintFiles({ 'docker-compose.yml': single });
    const durability = result.findings.filter((finding) => finding.ruleId === 'replication-factor-too-low' && finding.line === 8);
    expect(durability).toHaveLength(1);
    for (const finding of durability) {
      expect(finding.severity).toBe('info');
      expect(finding.message).toContain('single-broker docker-compose stack docker-compose.yml');
    }
  });

  it('does not call a three-broker stack a development stack', async () => {
    const broker = (id: number) => [`  kafka-${id}:`, '    image: confluentinc/cp-kafka:7.6.1', '    environment:', `      KAFKA_NODE_ID: ${id}`];
    const model = await modelOf({ 'docker-compose.yml': ['services:', ...broker(1), ...broker(2), ...broker(3), ''].join('\n') });
    expect(model.brokers.map((candidate) => [candidate.brokerCount, candidate.environment])).toEqual([
      [3, undefined],
      [3, undefined],
      [3, undefined],
    ]);
  });

  it('counts deploy.replicas: one service with three replicas is not a single-broker stack', async () => {
    const model = await modelOf({
      'docker-compose.yml': ['services:', '  kafka:', '    image: bitnami/kafka:3.7', '    deploy:', '      replicas: 3', ''].join('\n'),
    });
    expect(model.brokers.map((candidate) => [candidate.brokerCount, candidate.environment])).toEqual([[3, undefined]]);
  });

  it('near miss: a file named for production is not treated as a development stack', async () => {
    const model = await modelOf({ 'deploy/compose-prod.yml': single });
    expect(model.brokers.map((candidate) => [candidate.brokerCount, candidate.environment])).toEqual([[1, undefined]]);
  });
});

describe('robustness', () => {
  it('never fails to read mutated compose files', async () => {
    const seedText = 'x-env: &x\n  KAFKA_NODE_ID: 1\n' + bitnamiListForm + '  other:\n    image: wurstmeister/kafka\n    environment:\n      KAFKA_CREATE_TOPICS: "a:1:1,b"\n      <<: *x\n';
    const alphabet = [':', '-', '"', "'", ' ', '\n', '&', '*', '<<', '=', '#', '[', '{'];
    let state = 7;
    const next = (limit: number) => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state % limit;
    };
    for (let round = 0; round < 150; round++) {
      let text = seedText;
      for (let edit = 0; edit < 1 + next(4); edit++) {
        const at = next(text.length + 1);
        text = next(2) === 0 ? text.slice(0, at) + alphabet[next(alphabet.length)] + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
      }
      const model = await modelOf({ 'docker-compose.yml': text });
      // An extractor exception would surface as a "could not read this file" problem.
      expect(model.problems.filter((problem) => problem.message.startsWith('kafkalint could not read'))).toEqual([]);
    }
  });
});
