// The policy evaluator: policies in, violations out, no reporting. For each policy, each fact its `match` selects and
// each key of its `require` / `forbid`, the effective value (policy-values.ts) is compared with what the policy asks
// (requirements.ts). The rule `policy-violation` turns the violations into findings.
//
// Three outcomes are not violations: a placeholder (the value is decided at deploy time), a topic value left to a
// cluster the repository does not declare, and — for `forbid`, or for a policy that names no resource — a key that
// nothing sets and that has no default.

import { canonicalKey } from '../model/keys.js';
import { originLocation } from '../model/replication.js';
import type { EffectiveValue } from '../model/resolve.js';
import type { BrokerFacts, RepoModel, SourceLocation } from '../model/types.js';
import { regexLiteral } from './name-pattern.js';
import { policyResource, selectSubjects, type MatchOptions } from './match.js';
import { policyValue, type PolicyFact } from './policy-values.js';
import type { Policy, Requirement, ScalarValue } from './policy-types.js';
import { describeForbidden, describeRequirement, forbiddenHit, isRange, meetsRequirement, patternRegExp } from './requirements.js';

export type ViolationKind = 'unmet' | 'not-set' | 'forbidden';

export interface PolicyViolation {
  policy: Policy;
  fact: PolicyFact;
  /** Canonical key. */
  key: string;
  kind: ViolationKind;
  /** What the policy asks for: `acks=all`, `min.insync.replicas of at least 2`, `security.protocol other than PLAINTEXT`. */
  expected: string;
  /** The value judged; absent when nothing sets the key and it has no default. */
  effective?: EffectiveValue;
  /** The cluster a topic inherited the value from. */
  inheritedFrom?: BrokerFacts;
  /** For a client selected by `match.topic`: the topic names it uses that matched. */
  topics: string[];
  /** The setting's line when the fact sets it itself, else the fact's declaration. */
  location: SourceLocation;
  related: Array<{ message: string; location: SourceLocation }>;
}

export type EvaluateOptions = MatchOptions;

/** Problems no JSON Schema can see: regular expressions that do not compile, contradictory criteria. */
export function policyProblems(policy: Policy): string[] {
  const problems: string[] = [];
  const match = policy.match ?? {};
  const tryRegex = (where: string, compile: () => unknown) => {
    try {
      compile();
    } catch (error) {
      problems.push(`${where} is not a valid regular expression: ${(error as Error).message}`);
    }
  };
  if (match.topic !== undefined) tryRegex('match.topic', () => regexLiteral(match.topic!));
  if (match.group !== undefined) tryRegex('match.group', () => regexLiteral(match.group!));
  for (const [key, requirement] of Object.entries(policy.require ?? {})) {
    if (typeof requirement === 'object' && requirement !== null && 'pattern' in requirement) {
      tryRegex(`require.${key}.pattern`, () => patternRegExp(requirement.pattern));
    }
    if (typeof requirement === 'object' && requirement !== null && isRange(requirement)) {
      if (requirement.min !== undefined && requirement.max !== undefined && requirement.min > requirement.max) {
        problems.push(`require.${key}: min ${requirement.min} is greater than max ${requirement.max}`);
      }
    }
  }
  const clientOnly = ['role', 'library', 'group'].filter((name) => match[name as keyof typeof match] !== undefined);
  if (clientOnly.length > 0 && match.resource !== undefined && match.resource !== 'client') {
    problems.push(`match.${clientOnly[0]} selects clients, but match.resource is ${match.resource}`);
  }
  if (match.topic !== undefined && match.resource === 'broker') problems.push('match.topic selects clients and topics, but match.resource is broker');
  if (Object.keys(policy.require ?? {}).length === 0 && Object.keys(policy.forbid ?? {}).length === 0) {
    problems.push('the policy has neither require nor forbid, so it can never fire');
  }
  return problems;
}

export class InvalidPolicyError extends Error {
  constructor(readonly policyId: string, readonly problems: string[]) {
    super(`policy ${policyId} is invalid: ${problems.join('; ')}`);
    this.name = 'InvalidPolicyError';
  }
}

/** Where the finding points, and the line that decided an inherited topic value. */
function placement(fact: PolicyFact, effective: EffectiveValue | undefined, inheritedFrom: BrokerFacts | undefined) {
  if (effective?.setting && !inheritedFrom) return { location: effective.setting.location, related: [] };
  if (effective && inheritedFrom) return { location: fact.location, related: [originLocation(effective, inheritedFrom.location)] };
  return { location: fact.location, related: [] };
}

type Check = { key: string; requirement: Requirement } | { key: string; forbidden: ScalarValue[] };

function checksOf(policy: Policy): Check[] {
  const checks: Check[] = [];
  for (const [key, requirement] of Object.entries(policy.require ?? {})) checks.push({ key: canonicalKey(key), requirement });
  for (const [key, values] of Object.entries(policy.forbid ?? {})) {
    checks.push({ key: canonicalKey(key), forbidden: Array.isArray(values) ? values : [values] });
  }
  return checks;
}

/** Every violation of every policy, in policy order, then model order, then key order; one per policy, key and line. */
export function evaluatePolicies(model: RepoModel, policies: readonly Policy[], options: EvaluateOptions = {}): PolicyViolation[] {
  const violations: PolicyViolation[] = [];
  for (const policy of policies) {
    const problems = policyProblems(policy);
    if (problems.length > 0) throw new InvalidPolicyError(policy.id, problems);
    const match = policy.match ?? {};
    const unsetIsViolation = policyResource(match) !== 'all';
    const checks = checksOf(policy);
    const seen = new Set<string>();
    for (const { fact, topics } of selectSubjects(model, match, options)) {
      for (const check of checks) {
        const value = policyValue(model, fact, check.key);
        if (value.state === 'unknown' || value.state === 'inapplicable') continue;
        let kind: ViolationKind | undefined;
        let expected: string;
        if ('requirement' in check) {
          expected = describeRequirement(check.key, check.requirement);
          if (value.state === 'unset') kind = unsetIsViolation ? 'not-set' : undefined;
          else if (!meetsRequirement(check.key, value.effective.value, check.requirement)) kind = 'unmet';
        } else {
          expected = describeForbidden(check.key, check.forbidden);
          if (value.state === 'known' && forbiddenHit(check.key, value.effective.value, check.forbidden) !== undefined) kind = 'forbidden';
        }
        if (!kind) continue;
        const effective = value.state === 'known' ? value.effective : undefined;
        const inheritedFrom = value.state === 'known' ? value.inheritedFrom : undefined;
        const { location, related } = placement(fact, effective, inheritedFrom);
        // One written line can stand in several facts (a Spring common setting reaches producer and consumer).
        const identity = `${check.key}\u0000${location.file}:${location.line}:${location.column}`;
        if (seen.has(identity)) continue;
        seen.add(identity);
        violations.push({
          policy, fact, key: check.key, kind, expected, topics, location, related,
          ...(effective ? { effective } : {}),
          ...(inheritedFrom ? { inheritedFrom } : {}),
        });
      }
    }
  }
  return violations;
}
