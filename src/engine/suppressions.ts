// Inline suppressions, one syntax for every input kind (ESLint's, with the reason after `--`):
//
//   kafkalint-disable-next-line <rule-id>[, <rule-id>…] -- <reason>   the findings that start on the next line
//   kafkalint-disable-line <rule-id>[, …] -- <reason>                 the findings that start on the comment's line
//   kafkalint-disable <rule-id>[, …] -- <reason>                      the whole file, wherever the comment is
//
// Without rule ids a comment suppresses every rule. The directive must open the comment. Suppressed findings are
// kept, with the comment's reason, so JSON and SARIF can show every exception; reporters that list problems for
// people leave them out, and they never fail the run.
//
// The comments are checked themselves: one without a reason still suppresses but is a `suppression-missing-reason`
// finding, and one (or one of its rule ids) that suppresses nothing is an `unused-suppression` finding. Those two
// findings are judged after every other rule, so a comment never suppresses what it caused; another comment that
// names them explicitly may (a file-level `kafkalint-disable unused-suppression -- …` while a rule is being
// rolled out), but a comment without rule ids does not.

import { closestMatch } from '../cli/did-you-mean.js';
import type { SourceLocation } from '../model/types.js';
import type { Finding, ReportDescriptor } from './rule.js';
import { commentsOf, LineIndex, type SourceComment } from './suppression-comments.js';

export const MISSING_REASON_RULE = 'suppression-missing-reason';
export const UNUSED_SUPPRESSION_RULE = 'unused-suppression';
const SUPPRESSION_RULES = new Set([MISSING_REASON_RULE, UNUSED_SUPPRESSION_RULE]);

export type FindingSuppression = NonNullable<Finding['suppression']>;
export type SuppressionForm = 'next-line' | 'line' | 'file';

export interface NamedRule {
  id: string;
  location: SourceLocation;
}

export interface SuppressionDirective {
  form: SuppressionForm;
  /** As written: `kafkalint-disable-next-line`. */
  directive: string;
  /** The rules it names; empty means every rule. */
  rules: NamedRule[];
  /** The reason after `--`, blanks folded; empty when there is none. */
  reason: string;
  /** Text follows the rule ids without the `--` that makes it a reason. */
  reasonWithoutSeparator: boolean;
  /** The whole comment. */
  location: SourceLocation;
  /** The line whose findings it suppresses; undefined for the file-level form. */
  targetLine?: number;
  /** For `kafkalint-disable-line`: nothing but the comment is on its line, so the line has no finding to suppress. */
  aloneOnLine: boolean;
}

/** The directive opens the comment; blanks and a block comment's leading `*`s may come before it. */
const DIRECTIVE = /^([\s*]*)(kafkalint-disable(?:-next-line|-line)?)(?=\s|$)/;
/** ESLint's separator: two or more dashes between blanks. */
const REASON_SEPARATOR = /(^|\s)-{2,}(\s|$)/;

const FORMS: Record<string, SuppressionForm> = {
  'kafkalint-disable': 'file',
  'kafkalint-disable-line': 'line',
  'kafkalint-disable-next-line': 'next-line',
};

function rangeOf(file: string, lines: LineIndex, start: number, end: number): SourceLocation {
  const from = lines.positionOf(start);
  const to = lines.positionOf(end);
  return { file, line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}

/** Rule ids separated by commas (blanks too, when a `--` marks where the reason starts). */
function namedRules(file: string, lines: LineIndex, idsText: string, offset: number, separated: boolean): { rules: NamedRule[]; trailingText: boolean } {
  const rules: NamedRule[] = [];
  for (const piece of idsText.matchAll(/[^,]+/g)) {
    for (const word of piece[0].matchAll(/\S+/g)) {
      // Without `--`, words after a piece's first are the reason written in the wrong place, not more rule ids.
      if (!separated && word.index !== piece[0].search(/\S/)) return { rules, trailingText: true };
      const start = offset + piece.index + word.index;
      rules.push({ id: word[0], location: rangeOf(file, lines, start, start + word[0].length) });
    }
  }
  return { rules, trailingText: false };
}

/** The directive a comment holds, or undefined when it is an ordinary comment. */
export function parseDirective(file: string, text: string, lines: LineIndex, comment: SourceComment): SuppressionDirective | undefined {
  const match = DIRECTIVE.exec(comment.body);
  if (!match) return undefined;
  const directive = match[2];
  const argumentsOffset = match[0].length;
  const argumentsText = comment.body.slice(argumentsOffset);
  const separator = REASON_SEPARATOR.exec(argumentsText);
  const idsText = separator ? argumentsText.slice(0, separator.index) : argumentsText;
  const reasonText = separator ? argumentsText.slice(separator.index + separator[0].length) : '';
  const { rules, trailingText } = namedRules(file, lines, idsText, comment.bodyOffset + argumentsOffset, separator !== null);
  const location = rangeOf(file, lines, comment.start, comment.end);
  const form = FORMS[directive];
  const lineStart = lines.startOf(location.line);
  const lineEnd = lines.endOf(location.endLine ?? location.line);
  const aloneOnLine = text.slice(lineStart, comment.start).trim() === '' && text.slice(comment.end, lineEnd).trim() === '';
  return {
    form,
    directive,
    rules,
    // A block comment's reason may run over lines that start with ` * `.
    reason: reasonText.replace(/(^|\n)\s*\*+(?=\s|$)/g, ' ').replace(/\s+/g, ' ').trim(),
    reasonWithoutSeparator: trailingText,
    location,
    targetLine: form === 'file' ? undefined : form === 'line' ? location.line : (location.endLine ?? location.line) + 1,
    aloneOnLine,
  };
}

/** Every suppression directive of a file; files that never mention `kafkalint-disable` cost one substring search. */
export function directivesOf(file: string, text: string): SuppressionDirective[] {
  if (!text.includes('kafkalint-disable')) return [];
  const lines = new LineIndex(text);
  const directives: SuppressionDirective[] = [];
  for (const comment of commentsOf(file, text, lines)) {
    const directive = parseDirective(file, text, lines, comment);
    if (directive) directives.push(directive);
  }
  return directives;
}

/** Which of a directive's rules were used: by id, or `*` for a directive without ids. */
type Usage = Map<SuppressionDirective, Set<string>>;

function covers(directive: SuppressionDirective, finding: Finding): string | undefined {
  if (directive.targetLine !== undefined && directive.targetLine !== finding.line) return undefined;
  if (directive.rules.length === 0) return '*';
  return directive.rules.find((rule) => rule.id === finding.ruleId)?.id;
}

function suppress(finding: Finding, directive: SuppressionDirective, usage: Usage): void {
  const used = covers(directive, finding);
  if (used === undefined) return;
  usage.get(directive)!.add(used);
  finding.suppression ??= { kind: 'inline', justification: directive.reason, location: directive.location };
}

/** Turns a report of one of the two suppression rules into findings; none when the rule is turned off. */
export type ReportAs = (ruleId: string, descriptor: ReportDescriptor<string>) => Finding[];

function scopeOf(directive: SuppressionDirective): string {
  if (directive.form === 'file') return 'this file';
  if (directive.form === 'next-line') return 'the next line';
  return directive.aloneOnLine ? 'this line (the comment is alone on it: use kafkalint-disable-next-line for the line below)' : 'this line';
}

function fingerprintKeyOf(directive: SuppressionDirective, rule = directive.rules.map(({ id }) => id).join(',')): string {
  return `${directive.form}:${rule || '*'}`;
}

function missingReasonReports(directive: SuppressionDirective, reportAs: ReportAs): Finding[] {
  if (directive.reason !== '') return [];
  return reportAs(MISSING_REASON_RULE, {
    messageId: directive.reasonWithoutSeparator ? 'reasonWithoutSeparator' : 'missingReason',
    data: { directive: directive.directive },
    location: directive.location,
    fingerprintKey: fingerprintKeyOf(directive),
  });
}

function unusedReports(directive: SuppressionDirective, used: Set<string>, knownRuleIds: ReadonlySet<string>, reportAs: ReportAs, judge: (id: string) => boolean): Finding[] {
  const data = { directive: directive.directive, scope: scopeOf(directive) };
  if (directive.rules.length === 0) {
    if (used.size > 0 || !judge('*')) return [];
    return reportAs(UNUSED_SUPPRESSION_RULE, { messageId: 'unusedAll', data, location: directive.location, fingerprintKey: fingerprintKeyOf(directive) });
  }
  const findings: Finding[] = [];
  for (const rule of directive.rules) {
    if (used.has(rule.id) || !judge(rule.id)) continue;
    const fingerprintKey = fingerprintKeyOf(directive, rule.id);
    if (knownRuleIds.has(rule.id)) {
      findings.push(...reportAs(UNUSED_SUPPRESSION_RULE, { messageId: 'unusedRule', data: { ...data, ruleId: rule.id }, location: rule.location, fingerprintKey }));
      continue;
    }
    const suggestion = closestMatch(rule.id, knownRuleIds);
    findings.push(
      ...reportAs(UNUSED_SUPPRESSION_RULE, {
        messageId: 'unknownRule',
        data: { ...data, ruleId: rule.id, suggestion: suggestion ? ` (did you mean ${suggestion}?)` : '' },
        location: rule.location,
        fingerprintKey,
      }),
    );
  }
  return findings;
}

/**
 * Marks the findings that suppression comments in `files` cover (setting `suppression`), and returns the findings
 * the comments themselves cause. `knownRuleIds` are the ids a comment may name (built-in rules; ids that findings
 * carry, such as policy ids, count as known too).
 */
export function applySuppressions(findings: Finding[], files: ReadonlyMap<string, string>, knownRuleIds: ReadonlySet<string>, reportAs: ReportAs): Finding[] {
  const known = new Set([...knownRuleIds, ...findings.map((finding) => finding.ruleId)]);
  const byFile = new Map<string, SuppressionDirective[]>();
  const usage: Usage = new Map();
  for (const [file, text] of files) {
    const directives = directivesOf(file, text);
    if (directives.length === 0) continue;
    byFile.set(file, directives);
    for (const directive of directives) usage.set(directive, new Set());
  }
  if (byFile.size === 0) return [];

  for (const finding of findings) {
    for (const directive of byFile.get(finding.file) ?? []) suppress(finding, directive, usage);
  }

  // The comments' own findings: a comment never suppresses its own, and only a comment that names the rule does.
  const isSuppressionRule = (id: string) => SUPPRESSION_RULES.has(id);
  const own: Array<{ about: SuppressionDirective; findings: Finding[] }> = [];
  for (const [directive, used] of usage) {
    const caused = [...missingReasonReports(directive, reportAs), ...unusedReports(directive, used, known, reportAs, (id) => !isSuppressionRule(id))];
    own.push({ about: directive, findings: caused });
  }
  for (const { about, findings: caused } of own) {
    for (const finding of caused) {
      for (const directive of byFile.get(finding.file) ?? []) {
        if (directive !== about && directive.rules.length > 0) suppress(finding, directive, usage);
      }
    }
  }
  // Rule ids that name the suppression rules are judged last, once their findings had the chance to use them.
  const late = [...usage].flatMap(([directive, used]) => unusedReports(directive, used, known, reportAs, isSuppressionRule));
  return [...own.flatMap(({ findings: caused }) => caused), ...late];
}
