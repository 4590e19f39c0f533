// The code frame under a stylish finding: the source line and a caret under the column. Lines that hold a secret
// value are masked before they are shown, and control characters are made visible so a config file cannot drive
// the reader's terminal (ANSI escapes) or reorder what they see (bidirectional overrides).

import { isPlaceholder, isSecretKey, jaasSecretValues, REDACTED } from '../model/secrets.js';
import type { Paint } from './ansi.js';

/** Longest stretch of a source line shown; longer lines are cut around the column. */
const MAX_WIDTH = 160;
/** How much of the line before the column stays visible when a long line is cut. */
const LEAD_IN = 40;

/**
 * The line with everything after its first `=` or `:` separator replaced by `****` (`password=s3cret` →
 * `password=****`, `  password: s3cret` → `  password: ****`). A line without a separator (a continuation of a
 * multi-line value) keeps only its indentation.
 */
export function maskSecretLine(line: string): string {
  const separator = line.search(/[=:]/);
  if (separator === -1) {
    const indentation = line.match(/^\s*/)![0];
    return line.length > indentation.length ? `${indentation}${REDACTED}` : line;
  }
  const kept = line.slice(0, separator + 1) + line.slice(separator + 1).match(/^\s*/)![0];
  return line.length > kept.length ? `${kept}${REDACTED}` : line;
}

/**
 * Whether a source line reads as a secret assignment on its own (`sasl.password=…`, `"ssl.key.password": "…"`,
 * `- KAFKA_SASL_PASSWORD=…`, a JAAS `password="…"`). The model's secret lines cover what the sources read; this
 * covers lines they could not (a file that failed to parse, where the frame shows the very line in question).
 */
export function looksLikeSecretLine(line: string): boolean {
  if (jaasSecretValues(line).some((value) => !isPlaceholder(value))) return true;
  const assignment = line.trim().replace(/^(-\s+|export\s+)/, '').match(/^["']?([^"'=:\s]+)["']?\s*[=:]\s*(.*)$/);
  if (!assignment) return false;
  const [, key, rest] = assignment;
  const value = rest.replace(/,\s*$/, '').replace(/^(["'])(.*)\1$/, '$2').trim();
  const secretKey = isSecretKey(key) || isSecretKey(key.toLowerCase().replace(/_/g, '.'));
  return secretKey && value !== '' && !isPlaceholder(value);
}

// C0/C1 controls except tab, and the bidirectional embedding/override/isolate characters (CVE-2021-42574).
const UNSAFE_CHARACTERS = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** One visible character per unsafe one, so columns still line up with the caret. */
export function visibleText(text: string): string {
  return text.replace(UNSAFE_CHARACTERS, '\ufffd');
}

/** Line lookup over the files of one report, splitting each file once. */
export function sourceLines(files: ReadonlyMap<string, string>): (file: string, line: number) => string | undefined {
  const split = new Map<string, string[]>();
  return (file, line) => {
    let lines = split.get(file);
    if (!lines) {
      const text = files.get(file);
      if (text === undefined) return undefined;
      lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
      split.set(file, lines);
    }
    return lines[line - 1];
  };
}

export interface FrameTarget {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * The frame as printable lines (without indentation): ` 12 | text` and `    | ^~~~`. `masked` hides the value part
 * of a secret-bearing line; the caret is drawn all the same, since it marks where the problem is, not the value.
 */
export function codeFrame(source: string, target: FrameTarget, masked: boolean, paint: Paint): string[] {
  const text = masked ? maskSecretLine(source) : source;
  const columnIndex = Math.max(0, Math.min(target.column - 1, text.length));
  let start = 0;
  if (text.length > MAX_WIDTH && columnIndex > MAX_WIDTH - LEAD_IN) start = columnIndex - LEAD_IN;
  const end = Math.min(text.length, start + MAX_WIDTH);
  const before = start > 0 ? '…' : '';
  const after = end < text.length ? '…' : '';
  const shown = before + visibleText(text.slice(start, end)) + after;

  const caretAt = before.length + columnIndex - start;
  const rangeEnd = target.endLine === target.line ? Math.min(target.endColumn - 1, end) - start + before.length : caretAt + 1;
  const underline = '^' + '~'.repeat(Math.max(0, rangeEnd - caretAt - 1));
  // Tabs stay tabs under the line, so the caret lands under the same character whatever the tab width.
  const padding = shown.slice(0, caretAt).replace(/[^\t]/g, ' ');

  const gutter = String(target.line);
  const blank = ' '.repeat(gutter.length);
  return [
    `${paint(`${gutter} |`, 'dim')} ${shown}`,
    `${paint(`${blank} |`, 'dim')} ${padding}${paint(underline, 'red', 'bold')}`,
  ];
}
