import { describe, expect, it } from 'vitest';
import { parseEnvFile } from '../../src/sources/env/parse-env-file.js';
import type { BrokerFacts } from '../../src/model/types.js';
import { lintFiles } from '../support/lint-harness.js';

function valuesOf(text: string): Record<string, string> {
  return Object.fromEntries(parseEnvFile(text).assignments.map((assignment) => [assignment.name, assignment.value]));
}

function setting(broker: BrokerFacts, key: string) {
  return broker.settings.find((candidate) => candidate.key === key);
}

describe('env-file syntax', () => {
  it('reads plain, exported and spaced assignments', () => {
    expect(valuesOf('A=1\nexport B=two\n  C = three  \nD=\n')).toEqual({ A: '1', B: 'two', C: 'three', D: '' });
  });

  it('drops full-line comments and ` #` comments after unquoted values, but not # inside a value', () => {
    expect(valuesOf('# A=1\n  # B=2\nC=3 # three\nD=a#b\nE="x # y" # z\n')).toEqual({ C: '3', D: 'a#b', E: 'x # y' });
  });

  it('takes single quotes literally and applies escapes in double quotes', () => {
    expect(valuesOf(`A='a\\nb $X'\nB="a\\tb \\"q\\" \\\\ \\$HOME"\nC="keep \\q"\n`)).toEqual({
      A: 'a\\nb $X',
      B: 'a\tb "q" \\ $HOME',
      C: 'keep \\q',
    });
  });

  it('reads a double-quoted value over several lines, positioned at its name', () => {
    const parsed = parseEnvFile('FIRST=1\nKAFKA_OPTS="-Da=1\n  -Db=2"\nLAST=3\n');
    expect(parsed.assignments.map((assignment) => [assignment.name, assignment.value, assignment.line, assignment.endLine, assignment.endColumn])).toEqual([
      ['FIRST', '1', 1, 1, 8],
      ['KAFKA_OPTS', '-Da=1\n  -Db=2', 2, 3, 9],
      ['LAST', '3', 4, 4, 7],
    ]);
    expect(parsed.assignments[1].verbatim).toBe(false);
  });

  it('accepts YAML-style `KEY: value` lines, as Docker Compose\'s env-file parser does', () => {
    expect(valuesOf('A: "false"\nB:plain://:9092\nC: yes\n')).toEqual({ A: 'false', B: 'plain://:9092', C: 'yes' });
  });

  it('skips lines that are not assignments and keeps reading', () => {
    expect(valuesOf('just some words\nINHERITED\nbad$name=1\nGOOD=1\n')).toEqual({ GOOD: '1' });
  });

  it('reports an unterminated quote and reads the following lines', () => {
    const parsed = parseEnvFile('A="open\nB=2\n');
    expect(parsed.problems).toEqual([{ line: 1, column: 1, message: 'unterminated quoted value of A' }]);
    expect(parsed.assignments.map((assignment) => assignment.name)).toEqual(['B']);
  });

  it('handles CRLF line ends and a byte-order mark', () => {
    const parsed = parseEnvFile('\uFEFFA=1\r\nB="2"\r\n');
    expect(parsed.assignments.map((assignment) => [assignment.name, assignment.value, assignment.line, assignment.column, assignment.endColumn])).toEqual([
      ['A', '1', 1, 1, 4],
      ['B', '2', 2, 1, 6],
    ]);
  });
});

describe('.env files as broker environments', () => {
  const confluentEnv = [
    '# broker for local work',
    'KAFKA_BROKER_ID=1',
    'export KAFKA_MIN_INSYNC_REPLICAS=1',
    'KAFKA_LISTENER_SECURITY_PROTOCOL_MAP="INTERNAL:PLAINTEXT,EXTERNAL:SSL"',
    'KAFKA_HEAP_OPTS=-Xmx512m',
    "KAFKA_SSL_KEYSTORE_PASSWORD='pa55 word'",
    'KAFKA_CREATE_TOPICS=payments:6:1',
    'KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE=true # for tests only',
    '',
  ].join('\n');

  it('gives one broker with settings at their name, typed by key', async () => {
    const result = await lintFiles({ 'kafka/kafka.env': confluentEnv });
    expect(result.model.brokers).toHaveLength(1);
    const broker = result.model.brokers[0];
    expect(broker).toMatchObject({ declaredBy: 'env-file', file: 'kafka/kafka.env', location: { line: 2, column: 1 } });
    expect(broker.environment).toBeUndefined();
    expect(setting(broker, 'min.insync.replicas')).toMatchObject({ value: 1, writtenAs: 'KAFKA_MIN_INSYNC_REPLICAS', location: { line: 3, column: 8, endColumn: 35 } });
    expect(setting(broker, 'unclean.leader.election.enable')).toMatchObject({ value: true, raw: 'true', location: { line: 8, endColumn: 42 } });
    expect(setting(broker, 'ssl.keystore.password')).toMatchObject({ raw: 'pa55 word', valueLocation: { line: 6, column: 30, endColumn: 39 } });
    expect(result.secrets.has('pa55 word')).toBe(true);
    expect(broker.settings.map((candidate) => candidate.writtenAs)).not.toContain('KAFKA_HEAP_OPTS');
  });

  it('gives listeners at their pair inside a quoted value', async () => {
    const result = await lintFiles({ 'kafka.env': confluentEnv });
    expect(result.model.brokers[0].listeners).toEqual([
      { name: 'INTERNAL', protocol: 'PLAINTEXT', location: { file: 'kafka.env', line: 4, column: 39, endLine: 4, endColumn: 57 } },
      { name: 'EXTERNAL', protocol: 'SSL', location: { file: 'kafka.env', line: 4, column: 58, endLine: 4, endColumn: 70 } },
    ]);
  });

  it('gives the topics of KAFKA_CREATE_TOPICS', async () => {
    const result = await lintFiles({ 'kafka.env': confluentEnv });
    expect(result.model.topics).toMatchObject([
      { name: 'payments', declaredBy: 'env-file', location: { line: 7, column: 21 }, partitions: { value: 6 }, replicationFactor: { value: 1, location: { line: 7, column: 32 } } },
    ]);
  });

  it('reads a Bitnami env file with its image options and YAML-style lines', async () => {
    const result = await lintFiles({
      'broker.env': ['KAFKA_CFG_PROCESS_ROLES=broker,controller', 'KAFKA_CERTIFICATE_PASSWORD=changeme', 'ALLOW_PLAINTEXT_LISTENER: yes', 'KAFKA_CFG_AUTO_CREATE_TOPICS_ENABLE: "true"', ''].join('\n'),
    });
    const broker = result.model.brokers[0];
    expect(broker.settings.map((candidate) => [candidate.key, candidate.value, candidate.location.line])).toEqual([
      ['process.roles', 'broker,controller', 1],
      ['KAFKA_CERTIFICATE_PASSWORD', 'changeme', 2],
      ['ALLOW_PLAINTEXT_LISTENER', 'yes', 3],
      ['auto.create.topics.enable', true, 4],
    ]);
  });

  it('gives nothing for an unrelated .env', async () => {
    const result = await lintFiles({ '.env': 'DATABASE_URL=postgres://localhost/app\nNODE_ENV=development\nSECRET_KEY=abc\n' });
    expect(result.model.brokers).toEqual([]);
    expect(result.model.topics).toEqual([]);
    expect(result.findings).toEqual([]);
  });

  it('near miss: an app\'s Kafka client variables are not a broker', async () => {
    const result = await lintFiles({ '.env.local': 'KAFKA_BOOTSTRAP_SERVERS=localhost:9092\nKAFKA_TOPIC=orders\nKAFKA_GROUP_ID=billing\nNODE_TLS_REJECT_UNAUTHORIZED=0\n' });
    expect(result.model.brokers).toEqual([]);
    expect(result.model.clients).toEqual([]);
  });

  it('reports an unterminated quote in a Kafka env file as a parse error, not in an unrelated one', async () => {
    const kafka = await lintFiles({ 'kafka.env': 'KAFKA_BROKER_ID=1\nKAFKA_OPTS="-Dx\n' });
    expect(kafka.findings.filter((finding) => finding.ruleId === 'parse-error').map((finding) => [finding.line, finding.column])).toEqual([[2, 1]]);
    expect(kafka.model.brokers).toHaveLength(1);
    const other = await lintFiles({ '.env': 'GREETING="hello\n' });
    expect(other.findings).toEqual([]);
  });
});

describe('robustness', () => {
  it('never throws on mutated env files', () => {
    const seedText = 'export KAFKA_BROKER_ID=1\nKAFKA_CREATE_TOPICS="a:1:1,b:2:2:compact"\nKAFKA_OPTS=\'-D x\' # c\nALLOW_PLAINTEXT_LISTENER: yes\n';
    const alphabet = ['=', ':', '"', "'", '\\', '#', ' ', '\n', '\r', 'K', '_', '$', '\t', 'ü'];
    let state = 42;
    const next = (limit: number) => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state % limit;
    };
    for (let round = 0; round < 500; round++) {
      let text = seedText;
      for (let edit = 0; edit < 1 + next(6); edit++) {
        const at = next(text.length + 1);
        text = next(2) === 0 ? text.slice(0, at) + alphabet[next(alphabet.length)] + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
      }
      const parsed = parseEnvFile(text);
      for (const assignment of parsed.assignments) {
        expect(assignment.line).toBeGreaterThanOrEqual(1);
        expect(assignment.column).toBeGreaterThanOrEqual(1);
      }
    }
  });
});
