// The engine side of the configuration, through lintSources: overrides per file and environments on facts, with
// the working directory below the configuration's folder (configBase).

import { describe, expect, it } from 'vitest';
import { lintFiles } from '../support/lint-harness.js';

const ACKS_ONE = 'bootstrap.servers=kafka.example.com:9093\nacks=1\n';

describe('LintOptions from the configuration', () => {
  it('matches override globs against the path from the configuration folder', async () => {
    const result = await lintFiles(
      { 'producer.properties': ACKS_ONE, '../billing/producer.properties': ACKS_ONE },
      { configBase: 'services/orders', overrides: [{ files: ['services/orders/**'], rules: { 'producer-acks-one': 'off' } }] },
    );
    expect(result.findings.filter((finding) => finding.ruleId === 'producer-acks-one').map((finding) => finding.file)).toEqual(['../billing/producer.properties']);
  });

  it('gives facts the environment of the first environment whose globs match their file', async () => {
    const result = await lintFiles(
      { 'deploy/prod/producer.properties': ACKS_ONE, 'producer.properties': ACKS_ONE },
      { environments: { prod: ['deploy/prod/**'], all: ['**'] }, configFile: 'kafkalint.config.yaml' },
    );
    const environments = Object.fromEntries(result.model.clients.map((client) => [client.file, client.environment]));
    expect(environments).toEqual({
      'deploy/prod/producer.properties': { name: 'prod', reason: 'matches environments.prod in kafkalint.config.yaml' },
      'producer.properties': { name: 'all', reason: 'matches environments.all in kafkalint.config.yaml' },
    });
    // Only dev lowers durability findings; prod and other names are labels for policies.
    expect(result.findings.filter((finding) => finding.ruleId === 'producer-acks-one').map((finding) => finding.severity)).toEqual(['warning', 'warning']);
  });

  it('lists a rule that only an override turns on among the enabled rules, and runs it only there', async () => {
    const result = await lintFiles(
      { 'a/producer.properties': ACKS_ONE, 'b/producer.properties': ACKS_ONE },
      { rules: { 'producer-acks-one': 'off' }, overrides: [{ files: ['b'], rules: { 'producer-acks-one': 'info' } }] },
    );
    expect(result.findings.filter((finding) => finding.ruleId === 'producer-acks-one').map((finding) => `${finding.file} ${finding.severity}`)).toEqual(['b/producer.properties info']);
  });
});
