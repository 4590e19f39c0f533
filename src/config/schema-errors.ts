// ajv's errors as sentences a person acts on. ajv reports every branch of an `anyOf`/`oneOf` separately; a person
// wants one line per mistake, so the branches are folded: when one branch got further into the value (it has
// errors deeper down), those deeper errors are the mistake; when the value is a map with an unknown key, the unknown
// key is; otherwise the alternatives are listed in one "must be A, B or C".

import type { ErrorObject } from 'ajv';
import { closestMatch } from '../cli/did-you-mean.js';
import { keyPosition, pointerSegments, valuePosition, type ParsedYaml, type Position } from './yaml-locations.js';

export interface SchemaProblem extends Position {
  message: string;
}

const COMPOSITE = new Set(['anyOf', 'oneOf']);
const EXPECTATIONS = new Set(['enum', 'const', 'type', 'pattern']);
/** What else a branch of an `anyOf` can ask of a map, said as one more alternative. */
const MAP_EXPECTATIONS = new Set(['required', 'minProperties']);

const TYPE_PHRASES: Record<string, string> = {
  array: 'a list',
  object: 'a map',
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  null: 'empty',
};

/** `policies[0].require["min.insync.replicas"]`: how a problem names the place it is about. */
export function pathName(segments: string[]): string {
  let name = '';
  for (const segment of segments) {
    if (/^\d+$/.test(segment)) name += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) name += name === '' ? segment : `.${segment}`;
    else name += `[${JSON.stringify(segment)}]`;
  }
  return name;
}

/** The value as a problem quotes it: strings quoted, maps and lists by their kind. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

function joinAlternatives(phrases: string[]): string {
  const unique = [...new Set(phrases)];
  if (unique.length <= 1) return unique[0] ?? '';
  return `${unique.slice(0, -1).join(', ')} or ${unique[unique.length - 1]}`;
}

function description(schema: unknown): string | undefined {
  const text = (schema as { description?: unknown } | undefined)?.description;
  return typeof text === 'string' ? text : undefined;
}

function expectation(error: ErrorObject): string {
  switch (error.keyword) {
    case 'enum':
      return (error.params as { allowedValues: unknown[] }).allowedValues.map(String).join(', ');
    case 'const':
      return String((error.params as { allowedValue: unknown }).allowedValue);
    case 'type': {
      // A string with a pattern is better said by its description ("a path ending in .yaml") than by "a string".
      const constrained = (error.parentSchema as { pattern?: unknown } | undefined)?.pattern !== undefined;
      const type = (error.params as { type: string }).type;
      return (constrained ? description(error.parentSchema) : undefined) ?? TYPE_PHRASES[type] ?? type;
    }
    case 'required':
      return `a map with "${String((error.params as { missingProperty: unknown }).missingProperty)}"`;
    case 'minProperties':
      return 'a map that is not empty';
    default:
      return description(error.parentSchema) ?? `text matching /${(error.params as { pattern: string }).pattern}/`;
  }
}

function suggestionFor(value: unknown, candidates: string[]): string {
  if (typeof value !== 'string' || value === '') return '';
  // `warn` is short for `warning`, though three edits away from it.
  const extending = candidates.filter((candidate) => candidate.startsWith(value));
  const suggestion = closestMatch(value, candidates) ?? (extending.length === 1 ? extending[0] : undefined);
  return suggestion ? ` (did you mean "${suggestion}"?)` : '';
}

function allowedValues(errors: ErrorObject[]): string[] {
  return errors.flatMap((error) => (error.keyword === 'enum' ? (error.params as { allowedValues: unknown[] }).allowedValues.map(String) : []));
}

/** One or more expectation errors (enum, type, const, pattern) at one place, as one "must be …" problem. */
function mustBe(parsed: ParsedYaml, segments: string[], errors: ErrorObject[]): SchemaProblem {
  const value = errors[0].data;
  const where = pathName(segments) || 'the configuration';
  const single = errors.length === 1 && errors[0].keyword === 'enum';
  const expected = single ? `one of: ${expectation(errors[0])}` : joinAlternatives(errors.map(expectation));
  return {
    ...valuePosition(parsed, segments),
    message: `${where} must be ${expected}, not ${describeValue(value)}${suggestionFor(value, allowedValues(errors))}`,
  };
}

function unknownKeys(parsed: ParsedYaml, segments: string[], errors: ErrorObject[]): SchemaProblem[] {
  const candidates = new Map<string, Set<string>>();
  for (const error of errors) {
    const name = (error.params as { additionalProperty: string }).additionalProperty;
    const known = candidates.get(name) ?? new Set<string>();
    for (const key of Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {})) known.add(key);
    candidates.set(name, known);
  }
  const where = pathName(segments);
  return [...candidates].map(([name, known]) => {
    const suggestion = closestMatch(name, known);
    const hint = suggestion ? ` (did you mean "${suggestion}"?)` : known.size > 0 ? `; known keys: ${[...known].join(', ')}` : '';
    return { ...keyPosition(parsed, segments, name), message: `unknown key "${name}"${where ? ` in ${where}` : ''}${hint}` };
  });
}

function singleProblem(parsed: ParsedYaml, segments: string[], error: ErrorObject): SchemaProblem {
  const where = pathName(segments) || 'the configuration';
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { ...valuePosition(parsed, segments), message: `${where} needs "${String(params.missingProperty)}"` };
    case 'minLength':
    case 'minItems':
    case 'minProperties':
      if (params.limit === 1) return { ...valuePosition(parsed, segments), message: `${where} must not be empty` };
      break;
  }
  if (EXPECTATIONS.has(error.keyword)) return mustBe(parsed, segments, [error]);
  return { ...valuePosition(parsed, segments), message: `${where} ${error.message ?? 'is not valid'}` };
}

/** A key that a `propertyNames` schema rejects: the key is the mistake, so point at it. */
function badKeyName(parsed: ParsedYaml, segments: string[], error: ErrorObject): SchemaProblem {
  const name = String(error.propertyName);
  const where = pathName(segments) || 'the configuration';
  const expected = description(error.parentSchema) ?? `text matching /${(error.params as { pattern?: string }).pattern ?? ''}/`;
  return { ...keyPosition(parsed, segments, name), message: `key "${name}" in ${where} must be ${expected}` };
}

/** ajv's errors (from a validator compiled with `allErrors` and `verbose`) as one problem per mistake. */
export function schemaProblems(parsed: ParsedYaml, errors: ErrorObject[]): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const byPath = new Map<string, ErrorObject[]>();
  for (const error of errors) {
    if (error.keyword === 'propertyNames') continue; // its inner error carries the name
    const list = byPath.get(error.instancePath) ?? [];
    list.push(error);
    byPath.set(error.instancePath, list);
  }
  const paths = [...byPath.keys()];
  for (const [path, pathErrors] of byPath) {
    const segments = pointerSegments(path);
    const keyErrors = pathErrors.filter((error) => error.propertyName !== undefined);
    const seenKeys = new Set<string>();
    for (const error of keyErrors) {
      if (seenKeys.has(String(error.propertyName))) continue;
      seenKeys.add(String(error.propertyName));
      problems.push(badKeyName(parsed, segments, error));
    }
    const valueErrors = pathErrors.filter((error) => error.propertyName === undefined);
    const additional = valueErrors.filter((error) => error.keyword === 'additionalProperties');
    const composite = valueErrors.filter((error) => COMPOSITE.has(error.keyword));
    if (composite.length === 0) {
      problems.push(...unknownKeys(parsed, segments, additional));
      for (const error of valueErrors) if (error.keyword !== 'additionalProperties') problems.push(singleProblem(parsed, segments, error));
      continue;
    }
    // A branch that got further into the value is the one the author meant: its deeper errors speak.
    if (paths.some((other) => other.startsWith(`${path}/`))) continue;
    if (additional.length > 0) {
      problems.push(...unknownKeys(parsed, segments, additional));
      continue;
    }
    const branchErrors = valueErrors.filter((error) => !COMPOSITE.has(error.keyword));
    const where = pathName(segments) || 'the configuration';
    if (branchErrors.length > 0 && branchErrors.every((error) => error.keyword === 'required')) {
      const missing = branchErrors.map((error) => `"${String((error.params as { missingProperty: unknown }).missingProperty)}"`);
      problems.push({ ...valuePosition(parsed, segments), message: `${where} needs ${joinAlternatives(missing)}` });
      continue;
    }
    if (branchErrors.length > 0 && branchErrors.every((error) => EXPECTATIONS.has(error.keyword) || MAP_EXPECTATIONS.has(error.keyword))) {
      problems.push(mustBe(parsed, segments, branchErrors));
      continue;
    }
    const outer = composite[composite.length - 1];
    const expected = description(outer.parentSchema);
    problems.push({
      ...valuePosition(parsed, segments),
      message: expected ? `${where} is not valid (${describeValue(outer.data)}): ${expected}` : `${where} ${outer.message ?? 'is not valid'}`,
    });
  }
  return problems;
}
