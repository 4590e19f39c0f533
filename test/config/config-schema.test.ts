// schema/config.json: what editors complete and check (`# yaml-language-server: $schema=…`) and what the loader
// validates with.

import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { builtInRules } from '../../src/engine/registry.js';

const schema = JSON.parse(readFileSync('schema/config.json', 'utf8'));
const policySchema = JSON.parse(readFileSync('schema/policy.json', 'utf8'));

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: true });
  ajv.addSchema(policySchema);
  return ajv.compile(schema);
}

describe('schema/config.json', () => {
  it('is a draft-07 schema with its published $id, referring to the policy schema by $id', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.$id).toBe('https://kafkalint.dev/schema/config.json');
    expect(schema.properties.policies.items).toEqual({ $ref: policySchema.$id });
  });

  it('compiles in ajv strict mode and accepts the configuration DESIGN.md shows', () => {
    const validate = validator();
    const config = {
      extends: ['recommended'],
      rules: { 'compression-none': 'off', 'eager-assignor': 'error' },
      environments: { dev: ['docker-compose*.yml', '**/test/**'], prod: { files: ['deploy/prod/**'], rules: { 'min-isr-too-low': 'error' } } },
      overrides: [{ files: ['services/telemetry/**'], rules: { 'producer-acks-one': 'off' } }],
      ignorePatterns: ['fixtures/**'],
      policies: [{ id: 'no-plaintext', forbid: { 'security.protocol': ['PLAINTEXT', 'SASL_PLAINTEXT'] } }],
      baseline: '.kafkalint-baseline.json',
    };
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ rulez: {} })).toBe(false);
  });

  it('lists every built-in rule under rules, so editors complete rule ids (add a new rule here)', async () => {
    const listed = Object.keys(schema.definitions.ruleSettings.properties);
    const ids = [...(await builtInRules()).keys()];
    expect(ids.filter((id) => !listed.includes(id))).toEqual([]);
    expect(listed.filter((id) => !ids.includes(id))).toEqual([]);
  });
});
