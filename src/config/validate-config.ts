// One configuration file's data checked against schema/config.json (and schema/policy.json for each policy), then
// the checks a schema cannot make: rule ids that do not exist, environments that no file defines.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { closestMatch } from '../cli/did-you-mean.js';
import { packageRoot } from '../engine/package-root.js';
import { DEVELOPMENT_ENVIRONMENT } from '../model/environments.js';
import { pathName, schemaProblems, type SchemaProblem } from './schema-errors.js';
import { keyPosition, valuePosition, type ParsedYaml } from './yaml-locations.js';

export const CONFIG_SCHEMA_ID = 'https://kafkalint.dev/schema/config.json';
export const POLICY_SCHEMA_ID = 'https://kafkalint.dev/schema/policy.json';

let compiled: ValidateFunction | undefined;

function readSchema(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(packageRoot(), 'schema', name), 'utf8')) as Record<string, unknown>;
}

/** The validator of schema/config.json, which refers to schema/policy.json by its $id. */
function configValidator(): ValidateFunction {
  if (compiled) return compiled;
  // verbose: errors carry their schema, whose descriptions say what was expected. useDefaults: a policy's default
  // severity comes from the schema, the one place it is written.
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: false, useDefaults: true });
  if (existsSync(join(packageRoot(), 'schema', 'policy.json'))) ajv.addSchema(readSchema('policy.json'));
  compiled = ajv.compile(readSchema('config.json'));
  return compiled;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Rule ids in one `rules` map that no built-in rule has. */
function unknownRuleIds(parsed: ParsedYaml, segments: string[], rules: unknown, ruleIds: ReadonlySet<string>): SchemaProblem[] {
  if (!isRecord(rules)) return [];
  const where = pathName(segments);
  return Object.keys(rules)
    .filter((id) => !ruleIds.has(id))
    .map((id) => {
      const suggestion = closestMatch(id, ruleIds);
      const hint = suggestion ? ` (did you mean "${suggestion}"?)` : '; `kafkalint rules` lists them';
      return { ...keyPosition(parsed, segments, id), message: `unknown rule "${id}" in ${where}${hint}` };
    });
}

/** `match.environment` must name an environment the configuration (with what it extends) defines, or `dev`. */
export function unknownEnvironments(parsed: ParsedYaml, data: unknown, defined: Iterable<string>): SchemaProblem[] {
  if (!isRecord(data)) return [];
  const known = new Set([DEVELOPMENT_ENVIRONMENT, ...defined]);
  const policies = Array.isArray(data.policies) ? data.policies : [];
  const problems: SchemaProblem[] = [];
  policies.forEach((policy, index) => {
    const name = isRecord(policy) && isRecord(policy.match) ? policy.match.environment : undefined;
    if (typeof name !== 'string' || known.has(name)) return;
    const suggestion = closestMatch(name, known);
    const names = [...known].join(', ');
    problems.push({
      ...valuePosition(parsed, ['policies', String(index), 'match', 'environment']),
      message: `policies[${index}].match.environment names "${name}", which is not an environment here${suggestion ? ` (did you mean "${suggestion}"?)` : `; environments: ${names}`}`,
    });
  });
  return problems;
}

/** Problems of one file's data; the data is completed with the schema's defaults in place. */
export function validateConfigData(parsed: ParsedYaml, data: unknown, ruleIds: ReadonlySet<string>): SchemaProblem[] {
  const validate = configValidator();
  const problems = validate(data) ? [] : schemaProblems(parsed, validate.errors ?? []);
  if (!isRecord(data)) return problems;
  problems.push(...unknownRuleIds(parsed, ['rules'], data.rules, ruleIds));
  if (Array.isArray(data.overrides)) {
    data.overrides.forEach((override, index) => {
      if (isRecord(override)) problems.push(...unknownRuleIds(parsed, ['overrides', String(index), 'rules'], override.rules, ruleIds));
    });
  }
  if (isRecord(data.environments)) {
    for (const [name, environment] of Object.entries(data.environments)) {
      if (isRecord(environment)) problems.push(...unknownRuleIds(parsed, ['environments', name, 'rules'], environment.rules, ruleIds));
    }
  }
  return problems;
}
