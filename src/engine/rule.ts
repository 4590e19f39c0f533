// A rule is data plus one function (ESLint's `meta` + `create`). Reports name a message id, never a raw string, so
// every message is reviewed in one place: the rule's `meta.messages`.

import type { EnvironmentInfo, Fact, Origin, RepoModel, Severity, SourceLocation } from '../model/types.js';
import type { Policy } from '../policy/policy-types.js';

export type Category =
  | 'durability'
  | 'delivery'
  | 'consumer-groups'
  | 'performance'
  | 'security'
  | 'governance'
  | 'live';

export interface RuleMeta<MessageId extends string> {
  category: Category;
  defaultSeverity: Severity;
  /** One sentence: what the rule finds. Used by `kafkalint rules` and as SARIF shortDescription. */
  description: string;
  /** Message templates by id; `{{name}}` is replaced from the report's data. */
  messages: Record<MessageId, string>;
  /** One line that says what to do, shown as `help:` and in SARIF help text. */
  help: string;
  /** Input kinds the rule reads, for `kafkalint rules` and the docs: properties, yaml, json, env, code, live. */
  inputs: string[];
}

export interface RelatedLocation {
  message: string;
  location: SourceLocation;
}

export interface ReportDescriptor<MessageId extends string> {
  messageId: MessageId;
  data?: Record<string, string | number>;
  location: SourceLocation;
  /** The fact the finding is about; its environment (a dev stack) can lower the severity. */
  subject?: Fact;
  /** Overrides the rule's severity for this finding (e.g. W for RF 2 where RF 1 is E). */
  severity?: Severity;
  /** Whether the deciding value was explicit, a library default, or read from a live cluster. */
  origin?: Origin;
  related?: RelatedLocation[];
  /** Logical identity for baselines: canonical key or resource name, not a line number. */
  fingerprintKey?: string;
}

export interface RuleContext<MessageId extends string> {
  model: RepoModel;
  /** The configuration's governance policies (LintOptions.policies), read by the policy-violation rule. */
  policies?: Policy[];
  /** Where the configuration's file globs are matched from (LintOptions.configBase). */
  configBase?: string;
  report(descriptor: ReportDescriptor<MessageId>): void;
}

export interface Rule<MessageId extends string = string> {
  id: string;
  meta: RuleMeta<MessageId>;
  check(context: RuleContext<MessageId>): void;
}

export function defineRule<MessageId extends string>(rule: Rule<MessageId>): Rule<MessageId> {
  return rule;
}

export interface Finding {
  ruleId: string;
  messageId: string;
  severity: Severity;
  message: string;
  help: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  origin?: Origin;
  related: RelatedLocation[];
  environment?: EnvironmentInfo;
  docsUrl: string;
  fingerprint: string;
  fingerprintKey?: string;
  /** Set when a kafkalint-disable comment covers the finding: it stays in the result, with the comment's reason. */
  suppression?: { kind: 'inline'; justification: string; location: SourceLocation };
}

/** A file kafkalint passed over without reading, and why (binary, too large, unreadable). */
export interface SkipNote {
  file: string;
  reason: string;
}

export const DOCS_BASE_URL = 'https://github.com/kafkalint/kafkalint/blob/main/rules/';

/** The one place a rule id becomes its documentation link, for every output format. */
export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}

export function fillTemplate(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}
