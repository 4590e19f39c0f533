// From an engine result to what the formatters read. The CLI and the tests build report inputs the same way here,
// so the lines that must be masked in code frames are derived from the model in one place.

import type { LintResult } from '../engine/lint.js';
import { docsUrl, type Rule } from '../engine/rule.js';
import { literalSecretsOf } from '../model/secrets.js';
import type { RepoModel, Setting, Severity } from '../model/types.js';
import type { ReportInput, RuleDescription } from './report-input.js';

/** A rule as `enabledRules()` returns it: with the severity this run applies. */
export interface EnabledRule {
  rule: Rule;
  severity: Severity;
}

export interface ReportOptions {
  toolVersion: string;
  color: boolean;
}

/** `severity` overrides the rule's catalog default with the severity the run applies (preset, user config). */
export function describeRule(rule: Rule, severity: Severity = rule.meta.defaultSeverity): RuleDescription {
  return {
    id: rule.id,
    category: rule.meta.category,
    defaultSeverity: severity,
    description: rule.meta.description,
    help: rule.meta.help,
    docsUrl: docsUrl(rule.id),
  };
}

function holdsLiteralSecret(setting: Setting): boolean {
  return literalSecretsOf(setting.writtenAs, setting.raw).length > 0 || literalSecretsOf(setting.key, setting.raw).length > 0;
}

/**
 * Per file, every line a literal secret's entry spans (key and value, continuation lines included), so code
 * frames mask them. Placeholders (`${KAFKA_PASSWORD}`) are not secrets and stay readable.
 */
export function secretLinesOf(model: RepoModel): Map<string, Set<number>> {
  const lines = new Map<string, Set<number>>();
  const mark = (file: string, from: number, to: number) => {
    let set = lines.get(file);
    if (!set) lines.set(file, (set = new Set()));
    for (let line = from; line <= Math.max(from, to); line++) set.add(line);
  };
  for (const fact of [...model.clients, ...model.brokers, ...model.topics]) {
    for (const setting of fact.settings) {
      if (!holdsLiteralSecret(setting)) continue;
      const { location, valueLocation } = setting;
      mark(location.file, location.line, location.endLine ?? location.line);
      if (valueLocation) mark(valueLocation.file, valueLocation.line, valueLocation.endLine ?? valueLocation.line);
    }
  }
  return lines;
}

export function buildReportInput(result: LintResult, rules: Iterable<Rule | EnabledRule>, options: ReportOptions): ReportInput {
  const descriptions = [...rules].map((entry) => ('rule' in entry ? describeRule(entry.rule, entry.severity) : describeRule(entry)));
  return {
    findings: result.findings,
    notes: result.notes,
    rules: descriptions,
    files: result.model.files,
    secretLines: secretLinesOf(result.model),
    filesLinted: result.filesLinted,
    toolVersion: options.toolVersion,
    color: options.color,
  };
}
