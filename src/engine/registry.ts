// The built-in rules: one module per rule in rules/<rule-id>.ts, found by listing that folder (rule-modules.ts; the
// bundled CLI lists it at build time), so adding a rule is adding its two files (code and page), with no index to
// keep in step.

import type { Rule } from './rule.js';
import type { Severity } from '../model/types.js';
import { loadRuleModules } from './rule-modules.js';

let loaded: Promise<Map<string, Rule>> | undefined;

async function loadRules(): Promise<Map<string, Rule>> {
  const rules = new Map<string, Rule>();
  for (const { fileName, module } of await loadRuleModules()) {
    const rule = module.default as Rule | undefined;
    if (!rule || typeof rule.check !== 'function') continue;
    const expectedId = fileName.replace(/\.(ts|js)$/, '');
    if (rule.id !== expectedId) throw new Error(`rules/${fileName} defines rule "${rule.id}"; the file name and the id must match`);
    rules.set(rule.id, rule);
  }
  return rules;
}

/** Every built-in rule by id, sorted by id. */
export function builtInRules(): Promise<Map<string, Rule>> {
  loaded ??= loadRules();
  return loaded;
}

export type PresetName = 'recommended' | 'strict';
export const PRESETS: PresetName[] = ['recommended', 'strict'];

/**
 * `recommended` runs every rule at its catalog severity. `strict` raises each rule one step (info → warning,
 * warning → error), for teams that want every known risk to fail the build.
 */
export function presetSeverity(rule: Rule, preset: PresetName): Severity {
  const severity = rule.meta.defaultSeverity;
  if (preset === 'recommended') return severity;
  return severity === 'info' ? 'warning' : 'error';
}
