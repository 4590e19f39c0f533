import { describe, expect, it } from 'vitest';
import { FORMAT_NAMES, FORMATTERS, formatReport } from '../../src/report/index.js';
import { reportInputFor } from '../support/report-input-for.js';

describe('formatReport', () => {
  it('has a formatter for every format name the CLI accepts, and picks it by name', async () => {
    const { input } = await reportInputFor({ 'producer.properties': 'bootstrap.servers=k:9092\nacks=1\n' });
    expect(Object.keys(FORMATTERS).sort()).toEqual([...FORMAT_NAMES].sort());
    for (const format of FORMAT_NAMES) expect(formatReport(format, input)).toBe(FORMATTERS[format](input));
  });

  it('is pure: formatting twice gives the same text and leaves the input as it was', async () => {
    const { input } = await reportInputFor({ 'producer.properties': 'bootstrap.servers=k:9092\nacks=1\n' });
    const before = JSON.stringify(input.findings);
    for (const format of FORMAT_NAMES) expect(formatReport(format, input)).toBe(formatReport(format, input));
    expect(JSON.stringify(input.findings)).toBe(before);
  });
});

describe('buildReportInput', () => {
  it('describes each rule at the severity the run applies (strict raises warnings to errors)', async () => {
    const recommended = await reportInputFor({}, { lint: { preset: 'recommended' } });
    const strict = await reportInputFor({}, { lint: { preset: 'strict' } });
    expect(recommended.input.rules.find((rule) => rule.id === 'producer-acks-one')?.defaultSeverity).toBe('warning');
    expect(strict.input.rules.find((rule) => rule.id === 'producer-acks-one')?.defaultSeverity).toBe('error');
  });

  it('leaves rules turned off out of the descriptions', async () => {
    const { input } = await reportInputFor({}, { lint: { rules: { 'producer-acks-one': 'off' } } });
    expect(input.rules.map((rule) => rule.id)).not.toContain('producer-acks-one');
    expect(input.rules.map((rule) => rule.id)).toContain('parse-error');
  });

  it('marks the lines of literal secrets only, not placeholders', async () => {
    const { input } = await reportInputFor({
      'client.properties': 'bootstrap.servers=k:9092\nsasl.password=Lit-Pw-901\nssl.key.password=${KEY_PASSWORD}\nssl.keystore.password=<PASSWORD>\n',
    });
    expect([...(input.secretLines.get('client.properties') ?? [])]).toEqual([2]);
  });
});
