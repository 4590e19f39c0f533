import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/report/json.js';
import { handMadeFinding, reportInputFor } from '../support/report-input-for.js';

const schema = JSON.parse(readFileSync('schema/output.json', 'utf8'));

function validator() {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  ajv.addFormat('uri', (text: string) => URL.canParse(text));
  return ajv.compile(schema);
}

const FILES = {
  'producer.properties': 'bootstrap.servers=k:9092\nacks=1\n',
  'broken.json': '{ "bootstrap.servers": "k:9092",\n "acks": }\n',
};

describe('json', () => {
  it('validates against schema/output.json for a real run', async () => {
    const { input } = await reportInputFor(FILES);
    input.notes = [{ file: 'dump.bin', reason: 'binary file' }];
    const validate = validator();
    const output = JSON.parse(formatJson(input));
    expect(validate(output), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(output.findings.length).toBe(input.findings.length);
  });

  it('validates with every optional part present: related locations, environment, default and live origins', async () => {
    const { input } = await reportInputFor(FILES, { onlyRules: [] });
    input.findings = [
      handMadeFinding({
        ruleId: 'acks-all-with-min-isr-1',
        file: 'producer.properties',
        line: 2,
        origin: { kind: 'default', library: 'Java client ≥ 3.0 default' },
        environment: { name: 'dev', reason: 'a single-broker docker-compose stack' },
        related: [{ message: 'min.insync.replicas=1 here', location: { file: 'server.properties', line: 4, column: 1, endLine: 4, endColumn: 22 } }],
      }),
      handMadeFinding({ ruleId: 'min-isr-too-low', file: 'kafka://prod/topic/orders', line: 1, origin: { kind: 'live', cluster: 'prod' } }),
    ];
    const validate = validator();
    const output = JSON.parse(formatJson(input));
    expect(validate(output), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(output.findings[0]).toMatchObject({
      origin: 'default',
      originDetail: 'Java client ≥ 3.0 default',
      environment: { name: 'dev', reason: 'a single-broker docker-compose stack' },
      related: [{ message: 'min.insync.replicas=1 here', file: 'server.properties', line: 4, column: 1, endLine: 4, endColumn: 22 }],
    });
    expect(output.findings[1]).toMatchObject({ origin: 'live', originDetail: 'prod' });
  });

  it('carries every field of a real finding, in a fixed key order', async () => {
    const { input } = await reportInputFor(FILES, { onlyRules: ['producer-acks-one', 'parse-error'] });
    const output = JSON.parse(formatJson(input));
    const acks = output.findings.find((finding: { ruleId: string }) => finding.ruleId === 'producer-acks-one');
    expect(Object.keys(acks)).toEqual([
      'ruleId', 'messageId', 'severity', 'message', 'help', 'file', 'line', 'column', 'endLine', 'endColumn',
      'origin', 'originDetail', 'docsUrl', 'fingerprint', 'related', 'suppressed',
    ]);
    expect(acks).toMatchObject({
      messageId: 'leaderOnly',
      severity: 'warning',
      file: 'producer.properties',
      line: 2,
      column: 1,
      endLine: 2,
      endColumn: 7,
      origin: 'explicit',
      originDetail: null,
      docsUrl: 'https://github.com/kafkalint/kafkalint/blob/main/rules/producer-acks-one.md',
      suppressed: false,
    });
    expect(acks.fingerprint).toBe(input.findings.find((finding) => finding.ruleId === 'producer-acks-one')!.fingerprint);
    const parse = output.findings.find((finding: { ruleId: string }) => finding.ruleId === 'parse-error');
    expect(parse).toMatchObject({ origin: null, originDetail: null, severity: 'error' });
  });

  it('summarises counts and files, and names the output version and tool', async () => {
    const { input } = await reportInputFor(FILES, { onlyRules: ['producer-acks-one', 'parse-error'] });
    const output = JSON.parse(formatJson(input));
    expect(output.version).toBe(1);
    expect(output.tool).toEqual({ name: 'kafkalint', version: '0.1.0-test' });
    expect(output.summary).toEqual({ errors: 1, warnings: 1, infos: 0, suppressed: 0, filesLinted: 2 });
    expect(output.notes).toEqual([]);
  });

  it('is rejected by the schema when it breaks the contract', async () => {
    const { input } = await reportInputFor(FILES, { onlyRules: ['producer-acks-one'] });
    const validate = validator();
    const output = JSON.parse(formatJson(input));
    output.findings[0].severity = 'fatal';
    expect(validate(output)).toBe(false);
    delete output.findings[0].severity;
    expect(validate(output)).toBe(false);
  });

  it('prints the same text for the same input', async () => {
    const first = await reportInputFor(FILES);
    const second = await reportInputFor(FILES);
    expect(formatJson(first.input)).toBe(formatJson(second.input));
  });
});
