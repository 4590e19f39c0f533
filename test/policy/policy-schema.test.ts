// schema/policy.json: what editors autocomplete and what the configuration loader validates each policy against.

import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';

const schema = JSON.parse(readFileSync('schema/policy.json', 'utf8'));

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: true });
  return ajv.compile(schema);
}

describe('schema/policy.json', () => {
  it('is a draft-07 schema with the $id other schemas refer to', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.$id).toBe('https://kafkalint.dev/schema/policy.json');
    expect(Object.keys(schema.definitions)).toEqual(expect.arrayContaining(['match', 'require', 'forbid']));
  });

  const valid: Array<[string, unknown]> = [
    ['the payments policy', { id: 'payments-durability', description: 'Producers to payments.* need acks=all and idempotence', severity: 'error', match: { role: 'producer', topic: 'payments.*' }, require: { acks: 'all', 'enable.idempotence': true } }],
    ['a topic range', { id: 'topic-min-isr', match: { resource: 'topic' }, require: { 'min.insync.replicas': { min: 2 } } }],
    ['a forbid list without match', { id: 'no-plaintext', forbid: { 'security.protocol': ['PLAINTEXT', 'SASL_PLAINTEXT'] } }],
    ['in, pattern and lists of roles, libraries and files', { id: 'codecs', severity: 'warning', docs: 'https://wiki.example/kafka', match: { role: ['producer'], library: ['kafkajs', 'spring'], files: ['services/**'], environment: 'prod', group: 'billing-*' }, require: { 'compression.type': { in: ['lz4', 'zstd'] }, 'client.id': { pattern: '^svc-' } } }],
  ];
  for (const [name, policy] of valid) {
    it(`accepts ${name}`, () => {
      const validate = validator();
      expect(validate(policy), JSON.stringify(validate.errors)).toBe(true);
    });
  }

  const invalid: Array<[string, unknown, string]> = [
    ['a misspelt severity', { id: 'p', severity: 'eror', require: { acks: 'all' } }, '/severity'],
    ['an unknown match criterion', { id: 'p', match: { rol: 'producer' }, require: { acks: 'all' } }, '/match'],
    ['an unknown role', { id: 'p', match: { role: 'writer' }, require: { acks: 'all' } }, '/match/role'],
    ['an unknown resource', { id: 'p', match: { resource: 'cluster' }, require: { acks: 'all' } }, '/match/resource'],
    ['a policy that requires and forbids nothing', { id: 'p', match: { role: 'producer' } }, ''],
    ['a range with a text bound', { id: 'p', require: { 'min.insync.replicas': { min: 'two' } } }, '/require/min.insync.replicas'],
    ['a requirement object of no known form', { id: 'p', require: { acks: { equals: 'all' } } }, '/require/acks'],
    ['a policy without id', { require: { acks: 'all' } }, ''],
  ];
  for (const [name, policy, path] of invalid) {
    it(`rejects ${name}`, () => {
      const validate = validator();
      expect(validate(policy)).toBe(false);
      expect(validate.errors!.map((error) => error.instancePath)).toContain(path);
    });
  }

  it('fills the default severity for a loader that validates with useDefaults', () => {
    const ajv = new Ajv({ useDefaults: true });
    const policy: Record<string, unknown> = { id: 'p', require: { acks: 'all' } };
    expect(ajv.compile(schema)(policy)).toBe(true);
    expect(policy.severity).toBe('error');
  });

  it('resolves from a configuration schema by its $id', () => {
    const ajv = new Ajv({ allErrors: true });
    ajv.addSchema(schema);
    const validate = ajv.compile({ type: 'object', properties: { policies: { type: 'array', items: { $ref: 'https://kafkalint.dev/schema/policy.json' } } } });
    expect(validate({ policies: [{ id: 'p', require: { acks: 'all' } }] })).toBe(true);
    expect(validate({ policies: [{ id: 'p', severity: 'eror', require: { acks: 'all' } }] })).toBe(false);
  });
});
