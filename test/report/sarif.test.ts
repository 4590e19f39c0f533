import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { formatSarif } from '../../src/report/sarif.js';
import { handMadeFinding, reportInputFor } from '../support/report-input-for.js';
import { liveOptions, topic } from '../cluster/live-snapshot.js';

// What GitHub code scanning requires of an upload ("SARIF support for code scanning"), as a schema: the required
// properties, non-empty where GitHub rejects empty strings, exactly one location with a full region.
const text = { type: 'object', required: ['text'], properties: { text: { type: 'string', minLength: 1, maxLength: 1024 } } };
const nonEmpty = { type: 'string', minLength: 1 };
const position = { type: 'integer', minimum: 1 };
const region = {
  type: 'object',
  required: ['startLine', 'startColumn', 'endLine', 'endColumn'],
  properties: { startLine: position, startColumn: position, endLine: position, endColumn: position },
};
const physicalLocation = {
  type: 'object',
  required: ['artifactLocation', 'region'],
  properties: {
    artifactLocation: { type: 'object', required: ['uri'], properties: { uri: { type: 'string', minLength: 1, not: { pattern: '^/|\\\\' } } } },
    region,
  },
};
const GITHUB_SARIF_SUBSET = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: ['$schema', 'version', 'runs'],
  properties: {
    $schema: nonEmpty,
    version: { const: '2.1.0' },
    runs: {
      type: 'array',
      minItems: 1,
      maxItems: 1,
      items: {
        type: 'object',
        required: ['tool', 'results', 'automationDetails'],
        properties: {
          automationDetails: { type: 'object', required: ['id'], properties: { id: nonEmpty } },
          tool: {
            type: 'object',
            required: ['driver'],
            properties: {
              driver: {
                type: 'object',
                required: ['name', 'semanticVersion', 'informationUri', 'rules'],
                properties: {
                  name: { const: 'kafkalint' },
                  semanticVersion: nonEmpty,
                  informationUri: nonEmpty,
                  rules: {
                    type: 'array',
                    minItems: 1,
                    items: {
                      type: 'object',
                      required: ['id', 'shortDescription', 'fullDescription', 'help', 'helpUri', 'defaultConfiguration', 'properties'],
                      properties: {
                        id: nonEmpty,
                        shortDescription: text,
                        fullDescription: text,
                        helpUri: nonEmpty,
                        help: { type: 'object', required: ['text', 'markdown'], properties: { text: nonEmpty, markdown: nonEmpty } },
                        defaultConfiguration: { type: 'object', required: ['level'], properties: { level: { enum: ['note', 'warning', 'error'] } } },
                        properties: {
                          type: 'object',
                          required: ['tags'],
                          properties: { tags: { type: 'array', minItems: 1, items: nonEmpty } },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
          results: {
            type: 'array',
            items: {
              type: 'object',
              required: ['ruleId', 'ruleIndex', 'level', 'message', 'locations', 'partialFingerprints'],
              properties: {
                ruleId: nonEmpty,
                ruleIndex: { type: 'integer', minimum: 0 },
                level: { enum: ['note', 'warning', 'error'] },
                message: { type: 'object', required: ['text'], properties: { text: nonEmpty } },
                locations: { type: 'array', minItems: 1, maxItems: 1, items: { type: 'object', required: ['physicalLocation'], properties: { physicalLocation } } },
                partialFingerprints: { type: 'object', required: ['primaryLocationLineHash'], properties: { primaryLocationLineHash: nonEmpty } },
                relatedLocations: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['id', 'message', 'physicalLocation'],
                    properties: { id: { type: 'integer', minimum: 0 }, message: text, physicalLocation },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
};

const validate = new Ajv2020({ strict: true, allErrors: true }).compile(GITHUB_SARIF_SUBSET);

const FILES = {
  'config/producer.properties': 'bootstrap.servers=k:9092\nacks=1\n',
  'broken.json': '{ "bootstrap.servers": "k:9092",\n "acks": }\n',
};

type SarifLog = {
  runs: Array<{
    tool: { driver: { rules: Array<Record<string, any>> } };
    results: Array<Record<string, any>>;
    invocations: Array<Record<string, any>>;
  }>;
};

function sarifOf(output: string): SarifLog {
  return JSON.parse(output) as SarifLog;
}

describe('sarif', () => {
  it('has every field GitHub code scanning requires, non-empty, for each rule and result of a real run', async () => {
    const { input } = await reportInputFor(FILES);
    const log = sarifOf(formatSarif(input));
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const run = log.runs[0];
    expect(run.results.length).toBe(input.findings.length);
    expect(run.tool.driver.rules.map((rule) => rule.id)).toEqual(input.rules.map((rule) => rule.id).sort());
  });

  it('gives a live audit (kafkalint cluster) the same required fields, with a logical location per live resource', async () => {
    const lint = liveOptions({ topics: [topic('orders', [1, 2, 3], [1], { 'min.insync.replicas': '1' })], authorizer: false, acls: undefined });
    const producer = { 'src/publish.ts': "import { Kafka } from 'kafkajs';\nconst producer = new Kafka({ brokers: ['localhost:9092'] }).producer();\nexport const publish = () => producer.send({ topic: 'orders', acks: -1, messages: [] });\n" };
    const { input } = await reportInputFor(producer, { lint });
    const log = sarifOf(formatSarif(input));
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const live = log.runs[0].results.filter((result) => result.ruleId === 'live-under-replicated-partitions');
    expect(live.map((result) => (result.locations[0] as { logicalLocations?: Array<{ fullyQualifiedName: string }> }).logicalLocations?.[0].fullyQualifiedName)).toEqual(['kafka://test-cluster/topic/orders']);
    expect(log.runs[0].results.filter((result) => result.ruleId === 'acks-all-with-min-isr-1').map((result) => result.locations[0].physicalLocation.artifactLocation.uri)).toEqual(['src/publish.ts']);
  });

  it('points each result at its rule by id and index', async () => {
    const { input } = await reportInputFor(FILES);
    const { rules } = sarifOf(formatSarif(input)).runs[0].tool.driver;
    for (const result of sarifOf(formatSarif(input)).runs[0].results) {
      expect(rules[result.ruleIndex].id).toBe(result.ruleId);
    }
  });

  it('maps severities to levels: error → error, warning → warning, info → note', async () => {
    const { input } = await reportInputFor(FILES, { onlyRules: ['producer-acks-one', 'parse-error'] });
    input.findings.push(handMadeFinding({ ruleId: 'compression-none', file: 'config/producer.properties', line: 1, severity: 'info' }));
    const run = sarifOf(formatSarif(input)).runs[0];
    const levels = Object.fromEntries(run.results.map((result) => [result.ruleId, result.level]));
    expect(levels).toEqual({ 'parse-error': 'error', 'producer-acks-one': 'warning', 'compression-none': 'note' });
    const defaults = Object.fromEntries(run.tool.driver.rules.map((rule) => [rule.id, rule.defaultConfiguration.level]));
    for (const rule of input.rules) {
      expect(defaults[rule.id]).toBe({ error: 'error', warning: 'warning', info: 'note' }[rule.defaultSeverity]);
    }
  });

  it('gives each rule its docs link in helpUri, help.text and help.markdown, and its category as a tag', async () => {
    const { input } = await reportInputFor(FILES);
    const rule = sarifOf(formatSarif(input)).runs[0].tool.driver.rules.find((candidate) => candidate.id === 'producer-acks-one')!;
    const docs = 'https://github.com/kafkalint/kafkalint/blob/main/rules/producer-acks-one.md';
    expect(rule.helpUri).toBe(docs);
    expect(rule.help.text).toContain(docs);
    expect(rule.help.markdown).toContain(`](${docs})`);
    expect(rule.properties.tags).toEqual(['durability']);
    expect(rule.shortDescription.text).toMatch(/acks=1/);
  });

  it('locates a result by relative POSIX URI and a full region whose end is after the last character', async () => {
    const { input } = await reportInputFor(FILES, { onlyRules: ['producer-acks-one', 'parse-error'] });
    const results = sarifOf(formatSarif(input)).runs[0].results;
    const acks = results.find((result) => result.ruleId === 'producer-acks-one')!;
    expect(acks.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'config/producer.properties' },
      region: { startLine: 2, startColumn: 1, endLine: 2, endColumn: 7 },
    });
    // parse-error knows a point, not a range: SARIF gets a one-character region.
    const parse = results.find((result) => result.ruleId === 'parse-error')!;
    expect(parse.locations[0].physicalLocation.region).toEqual({ startLine: 2, startColumn: 10, endLine: 2, endColumn: 11 });
  });

  it('encodes characters a URI cannot hold', async () => {
    const { input } = await reportInputFor({ 'my app/producer #1.properties': 'bootstrap.servers=k:9092\nacks=1\n' }, { onlyRules: ['producer-acks-one'] });
    const [result] = sarifOf(formatSarif(input)).runs[0].results;
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('my%20app/producer%20%231.properties');
  });

  it('fingerprints by logical identity, so a result keeps its fingerprint when its line moves', async () => {
    const before = await reportInputFor({ 'producer.properties': 'bootstrap.servers=k:9092\nacks=1\n' }, { onlyRules: ['producer-acks-one'] });
    const after = await reportInputFor({ 'producer.properties': '# moved down\n\nbootstrap.servers=k:9092\nacks=1\n' }, { onlyRules: ['producer-acks-one'] });
    const [first] = sarifOf(formatSarif(before.input)).runs[0].results;
    const [second] = sarifOf(formatSarif(after.input)).runs[0].results;
    expect(first.locations[0].physicalLocation.region.startLine).toBe(2);
    expect(second.locations[0].physicalLocation.region.startLine).toBe(4);
    expect(second.partialFingerprints.primaryLocationLineHash).toBe(first.partialFingerprints.primaryLocationLineHash);
    expect(first.partialFingerprints.primaryLocationLineHash).toBe(before.input.findings[0].fingerprint);
  });

  it('turns related locations into relatedLocations with ids and messages', async () => {
    const { input } = await reportInputFor(FILES, { onlyRules: [] });
    input.findings = [
      handMadeFinding({
        ruleId: 'acks-all-with-min-isr-1',
        file: 'config/producer.properties',
        line: 2,
        related: [{ message: 'min.insync.replicas=1', location: { file: 'server.properties', line: 9, column: 1 } }],
      }),
    ];
    const log = sarifOf(formatSarif(input));
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(log.runs[0].results[0].relatedLocations).toEqual([
      {
        id: 1,
        message: { text: 'min.insync.replicas=1' },
        physicalLocation: { artifactLocation: { uri: 'server.properties' }, region: { startLine: 9, startColumn: 1, endLine: 9, endColumn: 2 } },
      },
    ]);
  });

  it('gives a live finding a logical location beside its resource URI', async () => {
    const { input } = await reportInputFor({}, { onlyRules: [] });
    input.findings = [handMadeFinding({ ruleId: 'min-isr-too-low', file: 'kafka://prod/topic/orders', line: 1, origin: { kind: 'live', cluster: 'prod' } })];
    const [location] = sarifOf(formatSarif(input)).runs[0].results[0].locations;
    expect(location.physicalLocation.artifactLocation.uri).toBe('kafka://prod/topic/orders');
    expect(location.logicalLocations).toEqual([{ fullyQualifiedName: 'kafka://prod/topic/orders', kind: 'resource' }]);
  });

  it('reports skipped files as tool notifications, not results', async () => {
    const { input } = await reportInputFor(FILES, { onlyRules: [] });
    input.notes = [{ file: 'dump.bin', reason: 'binary file' }];
    const run = sarifOf(formatSarif(input)).runs[0];
    expect(run.results).toEqual([]);
    expect(run.invocations[0]).toEqual({
      executionSuccessful: true,
      toolExecutionNotifications: [
        { level: 'note', message: { text: 'Skipped: binary file' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'dump.bin' } } }] },
      ],
    });
  });
});
