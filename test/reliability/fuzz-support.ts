// What every fuzz suite shares: how many cases to run, the generators (random text and structure-aware mutations of
// a realistic seed), and the checks that hold for any input: every reported position lies inside the text.

import fc from 'fast-check';
import type { Seed } from './fixtures.js';

/**
 * Cases per property. `npm test` runs a quick pass; `npm run fuzz` sets KAFKALINT_FUZZ_RUNS for a deep one
 * (and KAFKALINT_FUZZ_SEED to replay a failure that fast-check printed).
 */
export function fuzzRuns(quick: number): number {
  const configured = Number(process.env.KAFKALINT_FUZZ_RUNS);
  return Number.isFinite(configured) && configured > 0 ? configured : quick;
}

export function fuzzParameters(quick: number): fc.Parameters<unknown> {
  const seed = Number(process.env.KAFKALINT_FUZZ_SEED);
  return { numRuns: fuzzRuns(quick), ...(Number.isFinite(seed) && process.env.KAFKALINT_FUZZ_SEED ? { seed } : {}) };
}

/** Budget for one extraction of a small input; a linear parser takes a few milliseconds. */
export const CASE_TIME_LIMIT_MS = 2000;

/** Text fragments that matter to our parsers: separators, quotes, escapes, anchors, placeholders, odd characters. */
const TOKENS = [
  '\n', '\r\n', '\r', '\t', ' ', '  ', '=', ':', ': ', '#', '!', '\\', '\\\n', '\\u00', '\\u12G4', '"', "'", '`', '{', '}', '[', ']', ',',
  '- ', '---', '...', '&a ', '*a', '<<: *a', '!!binary ', '|', '|-', '>', '?', '${', '${X}', '{{ .Values.x }}', '}}', '/*', '*/', '//',
  '\u0000', '\uFEFF', '\u2028', '\u00e9', '\ud83d\ude00', '\ud800', 'export ', 'acks', 'sasl.jaas.config=', 'password', 'kafkajs',
  'new Kafka(', 'consumer.run({', 'producer.send(', '=>', 'async ', 'await ', '(', ')', ';', 'null', 'true', '1e309', '-0', '0x1F',
];

export type Mutation =
  | { kind: 'insert'; at: number; token: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate-line'; line: number }
  | { kind: 'swap-lines'; line: number; other: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'random'; at: number; text: string };

const position = fc.nat({ max: 1_000_000 });

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: position, token: fc.constantFrom(...TOKENS) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 12 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate-line' as const), line: position }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('swap-lines' as const), line: position, other: position }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: position }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('random' as const), at: position, text: fc.string({ maxLength: 8, unit: 'binary' }) }) },
);

export function applyMutation(text: string, mutation: Mutation): string {
  const at = (n: number) => (text.length === 0 ? 0 : n % (text.length + 1));
  switch (mutation.kind) {
    case 'insert':
      return text.slice(0, at(mutation.at)) + mutation.token + text.slice(at(mutation.at));
    case 'random':
      return text.slice(0, at(mutation.at)) + mutation.text + text.slice(at(mutation.at));
    case 'delete':
      return text.slice(0, at(mutation.at)) + text.slice(at(mutation.at) + mutation.length);
    case 'truncate':
      return text.slice(0, at(mutation.at));
    case 'duplicate-line': {
      const lines = text.split('\n');
      const index = mutation.line % lines.length;
      lines.splice(index, 0, lines[index]);
      return lines.join('\n');
    }
    case 'swap-lines': {
      const lines = text.split('\n');
      const a = mutation.line % lines.length;
      const b = mutation.other % lines.length;
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('\n');
    }
  }
}

/** A seed with one to eight mutations applied: mostly-valid input that reaches deep into a parser. */
export function mutatedSeed(seeds: Seed[]): fc.Arbitrary<Seed> {
  return fc.tuple(fc.constantFrom(...seeds), fc.array(mutationArbitrary, { minLength: 1, maxLength: 8 })).map(([seed, mutations]) => ({
    path: seed.path,
    text: mutations.reduce(applyMutation, seed.text),
  }));
}

/** Random text under one of the seeds' names: grammar-free input, including lone surrogates and control characters. */
export function randomText(seeds: Seed[]): fc.Arbitrary<Seed> {
  const text = fc.oneof(
    fc.string({ maxLength: 200, unit: 'binary' }),
    fc.string({ maxLength: 200, unit: fc.constantFrom(...TOKENS) }),
    fc.string({ maxLength: 200, unit: 'grapheme-ascii' }),
  );
  return fc.tuple(fc.constantFrom(...seeds), text).map(([seed, generated]) => ({ path: seed.path, text: generated }));
}

/**
 * How a source may split its text into lines: `\n` only, every line terminator of .properties/YAML/JSON
 * (`\r\n`, `\r`, `\n`), or also the two that JavaScript adds (U+2028, U+2029). A location is inside the input when
 * it is inside under one of these; each source is consistent with its own.
 */
const LINE_CONVENTIONS = [/\n/, /\r\n|\r|\n/, /\r\n|\r|\n|\u2028|\u2029/];

function withinLines(lines: string[], line: unknown, column: unknown): string | undefined {
  if (typeof line !== 'number' || !Number.isInteger(line) || line < 1 || line > lines.length) return `line outside 1..${lines.length}`;
  const limit = lines[line - 1].length + 1;
  if (typeof column !== 'number' || !Number.isInteger(column) || column < 1 || column > limit) return `column outside 1..${limit}`;
  return undefined;
}

export interface PositionProblem {
  path: string;
  line: unknown;
  column: unknown;
  why: string;
}

/**
 * Every object with a `line` and `column` (settings, value locations, facts, code sites, problems) that names this
 * file must point inside its text. Objects about other files (a referenced module) are not checked.
 */
export function positionsOutside(result: unknown, file: string, text: string): PositionProblem[] {
  const conventions = LINE_CONVENTIONS.map((separator) => text.split(separator));
  const problems: PositionProblem[] = [];
  const seen = new Set<unknown>();
  const check = (path: string, record: Record<string, unknown>) => {
    const verdicts = conventions.map((lines) => {
      const start = withinLines(lines, record.line, record.column);
      if (start) return start;
      if (record.endLine === undefined && record.endColumn === undefined) return undefined;
      const end = withinLines(lines, record.endLine ?? record.line, record.endColumn);
      return end && `end ${end}`;
    });
    if (verdicts.every((verdict) => verdict !== undefined)) {
      problems.push({ path, line: record.line, column: record.column, why: verdicts[verdicts.length - 1]! });
    }
  };
  const visit = (value: unknown, path: string) => {
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    const record = value as Record<string, unknown>;
    const aboutThisFile = record.file === undefined || record.file === file;
    if (aboutThisFile && ('line' in record || 'column' in record)) check(path, record);
    for (const [key, child] of Array.isArray(value) ? value.entries() : Object.entries(record)) visit(child, `${path}.${String(key)}`);
  };
  visit(result, '$');
  return problems;
}

/** Case counts per source, printed once by each suite so the report can quote them. */
export const caseCounts = new Map<string, number>();

export function countCase(source: string): void {
  caseCounts.set(source, (caseCounts.get(source) ?? 0) + 1);
}
