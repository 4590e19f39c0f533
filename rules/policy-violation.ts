import { defineRule } from '../src/engine/rule.js';
import { topicPhrase } from '../src/model/replication.js';
import { describeEffective, describeOrigin, formatValue, type EffectiveValue } from '../src/model/resolve.js';
import { isSecretKey } from '../src/model/secrets.js';
import { evaluatePolicies, type PolicyViolation } from '../src/policy/evaluate.js';
import type { PolicyFact } from '../src/policy/policy-values.js';

// The organisation's own rules, from the configuration file's `policies:`. The evaluator (src/policy/) decides what
// violates a policy; this rule only says so, with the policy's id and severity.

function policyName(violation: PolicyViolation): string {
  const { id, description } = violation.policy;
  return description ? `${id} (${description})` : id;
}

function subjectOf(fact: PolicyFact, topics: string[]): string {
  switch (fact.kind) {
    case 'client': {
      const name = fact.label ?? `${fact.library} ${fact.role} in ${fact.file}`;
      if (topics.length === 0) return name;
      return `${name} (${topics.length === 1 ? 'topic' : 'topics'} ${topics.join(', ')})`;
    }
    case 'topic':
      return topicPhrase(fact);
    case 'broker':
      return fact.label ?? `broker config ${fact.file}`;
  }
}

function clusterName(violation: PolicyViolation): string {
  const cluster = violation.inheritedFrom!;
  return cluster.label ?? `broker config ${cluster.file}`;
}

/** Where the value came from, saying so when a topic took it from its cluster or from Kafka's default. */
function originOf(violation: PolicyViolation, effective: EffectiveValue): string {
  if (!violation.inheritedFrom) return describeOrigin(effective);
  if (effective.setting) return `inherited from ${clusterName(violation)}, ${describeOrigin(effective)}`;
  const source = effective.origin.kind === 'default' ? effective.origin.library : describeOrigin(effective);
  return `not set on the topic nor in ${clusterName(violation)}: ${source}`;
}

/** The value as the message shows it; a secret key's value never appears. */
function actualOf(violation: PolicyViolation, effective: EffectiveValue): string {
  if (isSecretKey(violation.key)) return `${violation.key} set (value not shown; ${describeOrigin(effective)})`;
  if (!violation.inheritedFrom) return describeEffective(effective);
  return `${violation.key}=${formatValue(effective.value)} (${originOf(violation, effective)})`;
}

function expectedOf(violation: PolicyViolation): string {
  // A policy on a secret key names the value it wants; that value may be the secret itself.
  const requirement = violation.policy.require?.[violation.key];
  const literal = violation.kind === 'forbidden' || typeof requirement !== 'object' || (requirement !== null && 'in' in requirement);
  if (isSecretKey(violation.key) && literal) return `${violation.key} as the policy specifies`;
  return violation.expected;
}

export default defineRule({
  id: 'policy-violation',
  meta: {
    category: 'governance',
    defaultSeverity: 'error',
    description: 'A client, topic or broker breaks one of the organisation\'s policies from the kafkalint configuration file.',
    messages: {
      unmet: 'Policy {{policy}}: {{subject}} has {{actual}}, but the policy requires {{expected}}.{{docs}}',
      notSet: 'Policy {{policy}}: {{subject}} does not set {{key}}, which has no default, but the policy requires {{expected}}.{{docs}}',
      forbidden: 'Policy {{policy}}: {{subject}} has {{actual}}, which the policy forbids: it requires {{expected}}.{{docs}}',
    },
    help: 'Change the setting to what the policy requires, or record an exception with a suppression comment that gives the reason.',
    inputs: ['properties', 'yaml', 'json', 'env', 'code'],
  },
  check({ model, report, policies, configBase }) {
    if (!policies || policies.length === 0) return;
    for (const violation of evaluatePolicies(model, policies, { configBase })) {
      const { policy, fact, key, effective } = violation;
      report({
        messageId: violation.kind === 'not-set' ? 'notSet' : violation.kind,
        data: {
          policy: policyName(violation),
          subject: subjectOf(fact, violation.topics),
          key,
          actual: effective ? actualOf(violation, effective) : `${key} not set`,
          expected: expectedOf(violation),
          docs: policy.docs ? ` See ${policy.docs}` : '',
        },
        location: violation.location,
        subject: fact,
        severity: policy.severity ?? 'error',
        ...(effective ? { origin: effective.origin } : {}),
        related: violation.related,
        fingerprintKey: `${policy.id}:${key}`,
      });
    }
  },
});
