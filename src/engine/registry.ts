// The built-in rules: one module per rule in rules/<rule-id>.ts. They are found by listing that folder, so adding a
// rule is adding its two files (code and page), with no index to keep in step.

import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Rule } from './rule.js';
import type { Severity } from '../model/types.js';

// From src/engine (source) and from dist/src/engine (built) alike, the compiled or source rules sit at ../../rules.
const RULES_DIRECTORY = new URL('../../rules/', import.meta.url);

let loaded: Promise<Map<string, Rule>> | undefined;

function isRuleModule(name: string): boolean {
  return /^[a-z0-9]+(-[a-z0-9]+)*\.(ts|js)$/.test(name) && !name.endsWith('.d.ts');
}

async function loadRules(): Promise<Map<string, Rule>> {
  const directory = fileURLToPath(RULES_DIRECTORY);
  const names = readdirSync(directory).filter(isRuleModule).sort();
  const rules = new Map<string, Rule>();
  for (const name of names) {
    const module = (await import(pathToFileURL(`${directory}${name}`).href)) as { default?: Rule };
    const rule = module.default;
    if (!rule || typeof rule.check !== 'function') continue;
    const expectedId = name.replace(/\.(ts|js)$/, '');
    if (rule.id !== expectedId) throw new Error(`rules/${name} defines rule "${rule.id}"; the file name and the id must match`);
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
