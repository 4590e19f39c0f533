// Whether an effective value meets a policy's `require` entry or hits its `forbid` list, and how to say what the
// policy asks for. Policy values go through the same normalisation as values read from files (model/keys.ts), so
// `acks: all` equals `acks=-1`, `enable.idempotence: true` equals `'true'`, and `compression.type: LZ4` equals `lz4`.
//
// List-valued keys (`partition.assignment.strategy`, `spring.json.trusted.packages`, `cleanup.policy`) are judged
// per item: `in` and `pattern` must hold for every item, a required list must have the same items in any order, and
// a forbidden value is hit when the list contains it.

import { normaliseTypedValue, valueTypeOf } from '../model/keys.js';
import { formatValue } from '../model/resolve.js';
import type { SettingValue } from '../model/types.js';
import type { Requirement, ScalarValue } from './policy-types.js';

type RangeRequirement = { min?: number; max?: number };

export function isRange(requirement: Requirement): requirement is RangeRequirement {
  return typeof requirement === 'object' && requirement !== null && !('in' in requirement) && !('pattern' in requirement);
}

function itemsOf(value: SettingValue): string[] {
  if (Array.isArray(value)) return value;
  return value === null ? [] : [String(value)];
}

/** A policy's value in the form a setting of that key has after parsing. */
function normalise(key: string, value: ScalarValue): SettingValue {
  return normaliseTypedValue(key, value);
}

/** One item of a list-valued key, normalised like the key's values (`Range` stays as written, `LZ4` → `lz4`). */
function normaliseItems(key: string, value: ScalarValue): string[] {
  return itemsOf(normalise(key, value));
}

function sameValue(left: SettingValue, right: SettingValue): boolean {
  if (Array.isArray(left) || Array.isArray(right)) {
    const leftItems = new Set(itemsOf(left));
    const rightItems = new Set(itemsOf(right));
    return leftItems.size === rightItems.size && [...leftItems].every((item) => rightItems.has(item));
  }
  if (left === null || right === null) return left === right;
  // Keys kafkalint has no type for keep their text: 3 (YAML number) and '3' (properties) are one value.
  return left === right || String(left) === String(right);
}

function numberOf(value: SettingValue): number | undefined {
  if (typeof value === 'number') return Number.isNaN(value) ? undefined : value;
  if (typeof value === 'string' && /^\s*[-+]?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return undefined;
}

/** `pattern` compiled once per text; invalid patterns are caught by `policyProblems` before evaluation. */
export function patternRegExp(pattern: string): RegExp {
  return new RegExp(pattern);
}

export function meetsRequirement(key: string, value: SettingValue, requirement: Requirement): boolean {
  if (typeof requirement !== 'object' || requirement === null) return sameValue(value, normalise(key, requirement));
  if ('in' in requirement) {
    const allowed = requirement.in.map((item) => normalise(key, item));
    if (!Array.isArray(value)) return allowed.some((item) => sameValue(value, item));
    const allowedItems = new Set(allowed.flatMap(itemsOf));
    return value.every((item) => allowedItems.has(item));
  }
  if ('pattern' in requirement) {
    const regex = patternRegExp(requirement.pattern);
    const items = Array.isArray(value) ? value : [formatValue(value)];
    return (items.length === 0 ? [''] : items).every((item) => regex.test(item));
  }
  const number = numberOf(value);
  if (number === undefined) return false;
  return (requirement.min === undefined || number >= requirement.min) && (requirement.max === undefined || number <= requirement.max);
}

/** The forbidden value the effective value is, or contains (for list-valued keys); undefined when none. */
export function forbiddenHit(key: string, value: SettingValue, forbidden: ScalarValue[]): ScalarValue | undefined {
  return forbidden.find((candidate) => {
    if (Array.isArray(value)) {
      const items = normaliseItems(key, candidate);
      return items.length > 0 && items.every((item) => value.includes(item));
    }
    return sameValue(value, normalise(key, candidate));
  });
}

function shown(key: string, value: ScalarValue): string {
  return formatValue(normalise(key, value));
}

/**
 * What the policy requires, as a phrase: `acks=all`, `min.insync.replicas of at least 2`, `acks one of all, 1`,
 * `client.id matching the pattern ^svc-`.
 */
export function describeRequirement(key: string, requirement: Requirement): string {
  if (typeof requirement !== 'object' || requirement === null) return `${key}=${shown(key, requirement)}`;
  const each = valueTypeOf(key) === 'list' ? ' (each item)' : '';
  if ('in' in requirement) return `${key}${each} one of ${requirement.in.map((item) => shown(key, item)).join(', ')}`;
  if ('pattern' in requirement) return `${key}${each} matching the pattern ${requirement.pattern}`;
  const { min, max } = requirement;
  if (min !== undefined && max !== undefined) return min === max ? `${key}=${min}` : `${key} between ${min} and ${max}`;
  if (min !== undefined) return `${key} of at least ${min}`;
  if (max !== undefined) return `${key} of at most ${max}`;
  return `${key} set`;
}

/** The forbidden values as a phrase: `security.protocol other than PLAINTEXT or SASL_PLAINTEXT`. */
export function describeForbidden(key: string, forbidden: ScalarValue[]): string {
  const values = forbidden.map((value) => shown(key, value));
  const list = values.length <= 1 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
  return `${key} other than ${list}`;
}
