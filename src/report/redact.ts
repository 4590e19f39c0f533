// The safety net behind "secret values are never printed": after any formatter ran, the CLI replaces every literal
// secret the engine saw (LintResult.secrets) with `****`. Formatters already keep secrets out by construction
// (rules never interpolate them, code frames mask them); this catches what a future bug would let through.

import type { Rule } from '../engine/rule.js';
import { REDACTED } from '../model/secrets.js';
import { escapeData, escapeProperty } from './github.js';
import { compareText } from '../model/text-order.js';

/** Shorter values would match ordinary words and numbers all over the output, hiding nothing worth hiding. */
const MIN_SECRET_LENGTH = 3;

/**
 * The spellings a value can take in our outputs: as is, inside a JSON string (json, sarif), inside a workflow
 * command (github: data and property escaping) and inside XML (a future junit format).
 */
function spellingsOf(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const xml = secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
  return [secret, json, escapeData(secret), escapeProperty(secret), xml];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const isWordCharacter = (character: string) => /[A-Za-z0-9]/.test(character);

/** A pattern that matches the spelling only as a whole token, so `kafka` does not eat `kafkalint`. */
function tokenPattern(spelling: string): string {
  const before = isWordCharacter(spelling[0]) ? '(?<![A-Za-z0-9])' : '';
  const after = isWordCharacter(spelling[spelling.length - 1]) ? '(?![A-Za-z0-9])' : '';
  return `${before}${escapeRegExp(spelling)}${after}`;
}

/** The words of the rules' own texts (descriptions, help, messages): what `scrubSecrets` leaves alone. */
export function ownWordsOf(rules: Iterable<Rule | { rule: Rule }>): Set<string> {
  const texts: string[] = [];
  for (const entry of rules) {
    const rule = 'rule' in entry ? entry.rule : entry;
    texts.push(rule.meta.description, rule.meta.help, ...Object.values<string>(rule.meta.messages));
  }
  return vocabularyOf(texts);
}

/** The words of kafkalint's own texts (messages, help, key names): a secret that is one of them reveals nothing. */
export function vocabularyOf(texts: Iterable<string>): Set<string> {
  const words = new Set<string>();
  for (const text of texts) for (const word of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) words.add(word);
  return words;
}

/**
 * Replace every secret by `****`. Demo repositories use ordinary words as passwords (`password`, `changeit`);
 * replacing those inside our own sentences would garble the report while hiding nothing, because the formatters
 * never print values of secret keys in the first place. So a secret is replaced only as a whole token, and a
 * secret that is a word of our own texts (`ownWords`) is left alone.
 */
export function scrubSecrets(text: string, secrets: ReadonlySet<string>, ownWords: ReadonlySet<string> | (() => ReadonlySet<string>) = new Set()): string {
  if (secrets.size === 0) return text;
  // Collecting our own words reads every rule's texts: only worth it when there is a secret to scrub.
  const words = typeof ownWords === 'function' ? ownWords() : ownWords;
  const spellings = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH || words.has(secret.toLowerCase())) continue;
    for (const spelling of spellingsOf(secret)) spellings.add(spelling);
  }
  if (spellings.size === 0) return text;
  // Longest first, so a secret that contains another is replaced whole rather than leaving its remainder behind.
  const ordered = [...spellings].sort((left, right) => right.length - left.length || compareText(left, right));
  return text.replace(new RegExp(ordered.map(tokenPattern).join('|'), 'g'), REDACTED);
}
