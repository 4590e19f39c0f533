// The policy evaluator over models the real sources build: matching, effective values, the four requirement forms,
// forbid, and what is not a violation (placeholders, unknown clusters, keys with no value where no resource is named).

import { describe, expect, it } from 'vitest';
import type { Policy } from '../../src/policy/policy-types.js';
import { evaluatePolicies, InvalidPolicyError, policyProblems, type PolicyViolation } from '../../src/policy/evaluate.js';
import { lintFiles } from '../support/lint-harness.js';

interface Summary {
  policy: string;
  subject: string;
  key: string;
  kind: string;
  value?: unknown;
  line: number;
}

function summary(violation: PolicyViolation): Summary {
  const fact = violation.fact;
  const subject = fact.kind === 'topic' ? `topic ${fact.name}` : fact.kind === 'client' ? `${fact.role} ${fact.file}` : `broker ${fact.file}`;
  return {
    policy: violation.policy.id,
    subject,
    key: violation.key,
    kind: violation.kind,
    ...(violation.effective ? { value: violation.effective.value } : {}),
    line: violation.location.line,
  };
}

async function violations(files: Record<string, string>, policies: Policy[], configBase?: string): Promise<Summary[]> {
  const { model } = await lintFiles(files);
  return evaluatePolicies(model, policies, { configBase }).map(summary);
}

const policy = (fields: Partial<Policy>): Policy => ({ id: 'p', severity: 'error', match: {}, ...fields });

describe('requirement forms', () => {
  const producer = { 'producer.properties': 'bootstrap.servers=k:9092\nacks=-1\nenable.idempotence=true\ncompression.type=LZ4\nlinger.ms=20\nclient.id=svc-orders\n' };

  it('scalar requirements compare normalised values: all is -1, true is "true", lz4 is LZ4', async () => {
    expect(await violations(producer, [policy({ match: { role: 'producer' }, require: { acks: 'all', 'enable.idempotence': 'true', 'compression.type': 'lz4', 'linger.ms': '20' } })])).toEqual([]);
    expect(await violations(producer, [policy({ match: { role: 'producer' }, require: { acks: -1, 'compression.type': 'LZ4', 'linger.ms': 20 } })])).toEqual([]);
  });

  it('a scalar that differs is unmet, with the value judged', async () => {
    expect(await violations(producer, [policy({ match: { role: 'producer' }, require: { 'linger.ms': 5 } })])).toEqual([
      { policy: 'p', subject: 'producer producer.properties', key: 'linger.ms', kind: 'unmet', value: 20, line: 5 },
    ]);
  });

  it('{ min, max } bounds the number, inclusively', async () => {
    expect(await violations(producer, [policy({ match: { role: 'producer' }, require: { 'linger.ms': { min: 20, max: 20 } } })])).toEqual([]);
    expect(await violations(producer, [policy({ match: { role: 'producer' }, require: { 'linger.ms': { min: 21 } } })])).toHaveLength(1);
    expect(await violations(producer, [policy({ match: { role: 'producer' }, require: { 'linger.ms': { max: 19 } } })])).toHaveLength(1);
  });

  it('{ min } is unmet by text that is not a number, and by an unlimited default above max', async () => {
    const files = { 'producer.properties': 'acks=all\nlinger.ms=soon\n' };
    expect(await violations(files, [policy({ match: { role: 'producer' }, require: { 'linger.ms': { min: 0 } } })])).toEqual([
      { policy: 'p', subject: 'producer producer.properties', key: 'linger.ms', kind: 'unmet', value: 'soon', line: 2 },
    ]);
    // kafkajs allows unlimited requests in flight by default.
    const code = { 'src/p.ts': "import { Kafka } from 'kafkajs';\nconst kafka = new Kafka({ clientId: 'a', brokers: ['k:9092'] });\nexport const producer = kafka.producer();\n" };
    expect(await violations(code, [policy({ match: { role: 'producer' }, require: { 'max.in.flight.requests.per.connection': { max: 5 } } })])).toEqual([
      { policy: 'p', subject: 'producer src/p.ts', key: 'max.in.flight.requests.per.connection', kind: 'unmet', value: Number.POSITIVE_INFINITY, line: 3 },
    ]);
  });

  it('{ in } accepts any listed value, normalised', async () => {
    expect(await violations(producer, [policy({ match: { role: 'producer' }, require: { 'compression.type': { in: ['ZSTD', 'LZ4'] } } })])).toEqual([]);
    expect(await violations(producer, [policy({ match: { role: 'producer' }, require: { 'compression.type': { in: ['zstd', 'snappy'] } } })])).toHaveLength(1);
  });

  it('{ pattern } is an unanchored regular expression over the value', async () => {
    expect(await violations(producer, [policy({ match: { role: 'producer' }, require: { 'client.id': { pattern: '^svc-' } } })])).toEqual([]);
    expect(await violations(producer, [policy({ match: { role: 'producer' }, require: { 'client.id': { pattern: '^app-' } } })])).toHaveLength(1);
  });

  it('policy keys may be written as librdkafka aliases', async () => {
    const files = { 'client.config': 'metadata.broker.list=k:9092\nrequest.required.acks=1\n' };
    expect(await violations(files, [policy({ match: { role: 'producer' }, require: { 'request.required.acks': 'all' } })])).toEqual([
      { policy: 'p', subject: 'producer client.config', key: 'acks', kind: 'unmet', value: '1', line: 2 },
    ]);
  });
});

describe('list-valued keys', () => {
  const consumer = { 'consumer.properties': 'group.id=g\npartition.assignment.strategy=org.apache.kafka.clients.consumer.RangeAssignor,org.apache.kafka.clients.consumer.CooperativeStickyAssignor\n' };
  const range = 'org.apache.kafka.clients.consumer.RangeAssignor';
  const cooperative = 'org.apache.kafka.clients.consumer.CooperativeStickyAssignor';

  it('forbid hits a list that contains the value', async () => {
    expect(await violations(consumer, [policy({ match: { role: 'consumer' }, forbid: { 'partition.assignment.strategy': range } })])).toHaveLength(1);
    expect(await violations(consumer, [policy({ match: { role: 'consumer' }, forbid: { 'partition.assignment.strategy': 'org.apache.kafka.clients.consumer.RoundRobinAssignor' } })])).toEqual([]);
  });

  it('a required list has the same items in any order', async () => {
    expect(await violations(consumer, [policy({ match: { role: 'consumer' }, require: { 'partition.assignment.strategy': `${cooperative},${range}` } })])).toEqual([]);
    expect(await violations(consumer, [policy({ match: { role: 'consumer' }, require: { 'partition.assignment.strategy': cooperative } })])).toHaveLength(1);
  });

  it('{ in } must hold for every item', async () => {
    expect(await violations(consumer, [policy({ match: { role: 'consumer' }, require: { 'partition.assignment.strategy': { in: [cooperative, range] } } })])).toEqual([]);
    expect(await violations(consumer, [policy({ match: { role: 'consumer' }, require: { 'partition.assignment.strategy': { in: [cooperative] } } })])).toHaveLength(1);
  });
});

describe('forbid', () => {
  it('hits one value or any of a list, including a library default', async () => {
    const files = {
      'a/producer.properties': 'bootstrap.servers=k:9093\nsecurity.protocol=SASL_PLAINTEXT\n',
      'b/producer.properties': 'bootstrap.servers=k:9093\nsecurity.protocol=SASL_SSL\n',
      'c/producer.properties': 'bootstrap.servers=k:9093\n',
    };
    expect(await violations(files, [policy({ id: 'no-plaintext', forbid: { 'security.protocol': ['PLAINTEXT', 'sasl_plaintext'] } })])).toEqual([
      { policy: 'no-plaintext', subject: 'producer a/producer.properties', key: 'security.protocol', kind: 'forbidden', value: 'SASL_PLAINTEXT', line: 2 },
      { policy: 'no-plaintext', subject: 'producer c/producer.properties', key: 'security.protocol', kind: 'forbidden', value: 'PLAINTEXT', line: 1 },
    ]);
  });

  it('a key that nothing sets and that has no default is never forbidden', async () => {
    const files = { 'producer.properties': 'acks=all\n' };
    expect(await violations(files, [policy({ match: { resource: 'client' }, forbid: { 'transactional.id': 'tx' } })])).toEqual([]);
  });
});

describe('unset, unknown and defaulted values', () => {
  const files = { 'producer.properties': 'bootstrap.servers=k:9092\nacks=all\n' };

  it('a required key that nothing sets and that has no default is "not set" when the policy names its resource', async () => {
    expect(await violations(files, [policy({ match: { role: 'producer' }, require: { 'ssl.truststore.location': { pattern: '^/etc/' } } })])).toEqual([
      { policy: 'p', subject: 'producer producer.properties', key: 'ssl.truststore.location', kind: 'not-set', line: 1 },
    ]);
  });

  it('a policy that names no resource judges only facts that have a value for the key', async () => {
    const repo = { ...files, 'config/server.properties': 'broker.id=1\nmin.insync.replicas=2\n' };
    expect(await violations(repo, [policy({ require: { 'ssl.truststore.location': { pattern: '^/etc/' }, 'min.insync.replicas': { min: 2 } } })])).toEqual([]);
    expect(await violations(repo, [policy({ require: { 'min.insync.replicas': { min: 3 } } })])).toEqual([
      { policy: 'p', subject: 'broker config/server.properties', key: 'min.insync.replicas', kind: 'unmet', value: 2, line: 2 },
    ]);
  });

  it('a missing key is judged by its library default', async () => {
    expect(await violations(files, [policy({ match: { role: 'producer' }, require: { 'enable.idempotence': true, 'compression.type': { in: ['lz4', 'zstd'] } } })])).toEqual([
      { policy: 'p', subject: 'producer producer.properties', key: 'compression.type', kind: 'unmet', value: 'none', line: 1 },
    ]);
  });

  it('placeholders are decided elsewhere, so they are not judged', async () => {
    const repo = { 'producer.properties': 'acks=${ACKS}\ncompression.type=${CODEC}\n' };
    expect(await violations(repo, [policy({ match: { role: 'producer' }, require: { acks: 'all' }, forbid: { 'compression.type': 'none' } })])).toEqual([]);
  });
});

describe('producer idempotence as the client ends up with it', () => {
  it('a Spring producer with acks=1 and no enable.idempotence is not idempotent', async () => {
    const files = { 'application.yml': 'spring:\n  kafka:\n    producer:\n      acks: 1\n' };
    expect(await violations(files, [policy({ match: { role: 'producer' }, require: { 'enable.idempotence': true } })])).toEqual([
      { policy: 'p', subject: 'producer application.yml', key: 'enable.idempotence', kind: 'unmet', value: false, line: 4 },
    ]);
  });

  it('a transactional.id makes a librdkafka producer idempotent', async () => {
    const files = { 'producer.config': 'metadata.broker.list=k:9092\ntransactional.id=orders-tx\n' };
    expect(await violations(files, [policy({ match: { role: 'producer' }, require: { 'enable.idempotence': true } })])).toEqual([]);
  });
});

describe('topics', () => {
  const topic = (name: string, config = '', replicas = '') =>
    `apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nmetadata:\n  name: ${name}\n  labels:\n    strimzi.io/cluster: main\nspec:\n  partitions: 3\n${replicas}${config ? `  config:\n${config}` : ''}`;
  const minIsr: Policy = policy({ id: 'topic-min-isr', match: { resource: 'topic' }, require: { 'min.insync.replicas': { min: 2 } } });

  it('a topic without min.insync.replicas takes the broker default when the repository\'s broker config leaves it', async () => {
    expect(await violations({ 'k8s/topic.yaml': topic('orders'), 'config/server.properties': 'broker.id=1\n' }, [minIsr])).toEqual([
      { policy: 'topic-min-isr', subject: 'topic orders', key: 'min.insync.replicas', kind: 'unmet', value: 1, line: 4 },
    ]);
  });

  it('the cluster\'s own value is inherited', async () => {
    expect(await violations({ 'k8s/topic.yaml': topic('orders'), 'config/server.properties': 'min.insync.replicas=2\n' }, [minIsr])).toEqual([]);
  });

  it('the topic\'s own value wins over its cluster', async () => {
    const repo = { 'k8s/topic.yaml': topic('orders', '    min.insync.replicas: 1\n'), 'config/server.properties': 'min.insync.replicas=2\n' };
    expect(await violations(repo, [minIsr])).toEqual([
      { policy: 'topic-min-isr', subject: 'topic orders', key: 'min.insync.replicas', kind: 'unmet', value: 1, line: 10 },
    ]);
  });

  it('without a cluster in the repository an unset topic value is unknown, an explicit one is judged', async () => {
    expect(await violations({ 'k8s/topic.yaml': topic('orders') }, [minIsr])).toEqual([]);
    expect(await violations({ 'k8s/topic.yaml': topic('orders', '    min.insync.replicas: 1\n') }, [minIsr])).toHaveLength(1);
  });

  it('replication.factor is the topic\'s replicas, else the cluster\'s default.replication.factor', async () => {
    const rf = policy({ match: { resource: 'topic' }, require: { 'replication.factor': { min: 3 } } });
    expect(await violations({ 'k8s/topic.yaml': topic('orders', '', '  replicas: 2\n') }, [rf])).toEqual([
      { policy: 'p', subject: 'topic orders', key: 'replication.factor', kind: 'unmet', value: 2, line: 9 },
    ]);
    expect(await violations({ 'k8s/topic.yaml': topic('orders'), 'config/server.properties': 'default.replication.factor=3\n' }, [rf])).toEqual([]);
    expect(await violations({ 'k8s/topic.yaml': topic('orders'), 'config/server.properties': 'broker.id=0\n' }, [rf])).toEqual([
      { policy: 'p', subject: 'topic orders', key: 'replication.factor', kind: 'unmet', value: 1, line: 4 },
    ]);
  });
});

describe('match', () => {
  const repo = {
    'services/pay/application.yml': 'spring:\n  kafka:\n    template:\n      default-topic: payments.refunds\n    producer:\n      acks: 1\n',
    'services/ship/application.yml': 'spring:\n  kafka:\n    template:\n      default-topic: shipments\n    producer:\n      acks: 1\n',
    'services/ledger/application.properties': 'spring.cloud.stream.bindings.process-in-0.destination=payments.v1\nspring.cloud.stream.bindings.process-in-0.group=ledger-audit\nspring.cloud.stream.kafka.bindings.process-in-0.consumer.configuration.isolation.level=read_uncommitted\n',
    'tools/producer.properties': 'acks=1\n',
  };
  const subjects = async (match: Policy['match'], configBase?: string) =>
    (await violations(repo, [policy({ match, forbid: { acks: '1', 'isolation.level': 'read_uncommitted' } })], configBase)).map((entry) => entry.subject);

  it('a topic glob selects the clients that name a matching topic, producers and consumers alike', async () => {
    expect(await subjects({ topic: 'payments.*' })).toEqual(['producer services/pay/application.yml', 'consumer services/ledger/application.properties']);
  });

  it('a topic regex works the same way', async () => {
    expect(await subjects({ topic: '/^ship/' })).toEqual(['producer services/ship/application.yml']);
  });

  it('role, library and group narrow to clients', async () => {
    expect(await subjects({ role: 'consumer' })).toEqual(['consumer services/ledger/application.properties']);
    expect(await subjects({ role: ['producer'], library: 'java' })).toEqual(['producer tools/producer.properties']);
    expect(await subjects({ group: 'ledger-*' })).toEqual(['consumer services/ledger/application.properties']);
    expect(await subjects({ group: 'billing-*' })).toEqual([]);
  });

  it('file globs read like the configuration\'s other globs', async () => {
    expect(await subjects({ files: 'services/{pay,ship}/**' })).toEqual(['producer services/pay/application.yml', 'producer services/ship/application.yml']);
    expect(await subjects({ files: ['*.properties'] })).toEqual(['consumer services/ledger/application.properties', 'producer tools/producer.properties']);
    expect(await subjects({ files: ['services/**', '!services/ledger'] })).toEqual(['producer services/pay/application.yml', 'producer services/ship/application.yml']);
  });

  it('file globs are matched from the configuration folder when kafkalint runs below it', async () => {
    // configBase: the working directory as seen from the configuration file's folder.
    expect(await subjects({ files: ['repo/tools/**'] }, 'repo')).toEqual(['producer tools/producer.properties']);
    expect(await subjects({ files: ['tools/**'] }, 'repo')).toEqual([]);
  });

  it('environment selects facts of that environment', async () => {
    const compose = { 'docker-compose.yml': 'services:\n  kafka:\n    image: bitnami/kafka:3.7\n    environment:\n      KAFKA_CFG_MIN_INSYNC_REPLICAS: "1"\n' };
    const prodOnly = policy({ match: { resource: 'broker', environment: 'prod' }, require: { 'min.insync.replicas': { min: 2 } } });
    const devOnly = policy({ match: { resource: 'broker', environment: 'dev' }, require: { 'min.insync.replicas': { min: 2 } } });
    expect(await violations(compose, [prodOnly])).toEqual([]);
    expect(await violations(compose, [devOnly])).toHaveLength(1);
  });

  it('a producer key a consumer does not set is not the consumer\'s concern, and the reverse', async () => {
    const files = { 'app/application.properties': 'spring.kafka.consumer.group-id=g\nspring.kafka.producer.acks=all\n' };
    const clientWide = policy({ match: { resource: 'client' }, require: { acks: '1', 'isolation.level': 'read_committed' } });
    expect(await violations(files, [clientWide])).toEqual([
      { policy: 'p', subject: 'producer app/application.properties', key: 'acks', kind: 'unmet', value: 'all', line: 2 },
      { policy: 'p', subject: 'consumer app/application.properties', key: 'isolation.level', kind: 'unmet', value: 'read_uncommitted', line: 1 },
    ]);
  });

  it('one written line shared by several clients is one violation', async () => {
    const shared = { 'application.properties': 'spring.kafka.bootstrap-servers=k:9092\nspring.kafka.security.protocol=PLAINTEXT\nspring.kafka.consumer.group-id=g\nspring.kafka.producer.acks=all\n' };
    expect(await violations(shared, [policy({ match: { resource: 'client' }, forbid: { 'security.protocol': 'PLAINTEXT' } })])).toEqual([
      { policy: 'p', subject: 'producer application.properties', key: 'security.protocol', kind: 'forbidden', value: 'PLAINTEXT', line: 2 },
    ]);
  });
});

describe('invalid policies', () => {
  it('names what no schema can see', () => {
    expect(policyProblems(policy({ match: { topic: '/payments(/' }, require: { acks: 'all' } }))[0]).toMatch(/^match\.topic is not a valid regular expression/);
    expect(policyProblems(policy({ require: { 'client.id': { pattern: '[' } } }))[0]).toMatch(/^require\.client\.id\.pattern is not a valid regular expression/);
    expect(policyProblems(policy({ require: { 'min.insync.replicas': { min: 3, max: 2 } } }))).toEqual(['require.min.insync.replicas: min 3 is greater than max 2']);
    expect(policyProblems(policy({ match: { resource: 'topic', role: 'producer' }, require: { acks: 'all' } }))).toEqual(['match.role selects clients, but match.resource is topic']);
    expect(policyProblems(policy({ match: { role: 'producer' } }))).toEqual(['the policy has neither require nor forbid, so it can never fire']);
    expect(policyProblems(policy({ match: { role: 'producer', topic: 'payments.*' }, require: { acks: 'all' } }))).toEqual([]);
  });

  it('are refused by the evaluator rather than silently skipped', async () => {
    const { model } = await lintFiles({ 'producer.properties': 'acks=1\n' });
    expect(() => evaluatePolicies(model, [policy({ id: 'broken', require: { 'client.id': { pattern: '(' } } })])).toThrow(InvalidPolicyError);
  });
});
