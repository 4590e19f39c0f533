// Spring Boot's own value syntaxes for typed `spring.kafka.*` properties. Spring converts these before handing the
// Kafka client a plain number (KafkaProperties: `Duration::toMillis`, `DataSize::toBytes`), so the model holds the
// converted value. Pass-through maps (`…properties.*`) are handed to Kafka as written and never go through here.
//
// Syntaxes from Spring Boot's reference ("Properties Conversion"): durations are `10s`/`500ms`/`1m`/… (ns, us, ms,
// s, m, h, d) or ISO-8601 (`PT30S`), a bare number being in the property's default unit; data sizes are `16KB`/`1MB`
// (B, KB, MB, GB, TB, powers of 1024), a bare number being bytes; booleans accept true/false, on/off, yes/no, 1/0.

import type { SettingValue } from '../../model/types.js';

export type Conversion =
  /** A `Duration` whose bare numbers are milliseconds; the model holds milliseconds. */
  | 'duration-ms'
  /** A `Duration` annotated `@DurationUnit(SECONDS)`; the model holds milliseconds. */
  | 'duration-s'
  /** A `DataSize`; the model holds bytes. */
  | 'data-size'
  /** A `Boolean` bound by Spring's converters. */
  | 'boolean'
  /** An `Integer`. */
  | 'int'
  /** A Java enum bound leniently (`read-committed`, `READ_COMMITTED`), written to Kafka in lower case. */
  | 'enum-lower'
  /** A Spring enum such as `AckMode`, kept in its Java spelling (`MANUAL_IMMEDIATE`). */
  | 'enum-upper';

const DURATION_UNITS_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const SIZE_UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3, tb: 1024 ** 4 };

/** Milliseconds of a Spring duration, or undefined when the text is not one (it is then kept as written). */
export function durationMillis(text: string, bareUnitMs = 1): number | undefined {
  const trimmed = text.trim();
  const simple = /^([+-]?\d+)([a-zA-Z]{0,2})$/.exec(trimmed);
  if (simple) {
    const unit = simple[2].toLowerCase();
    const factor = unit === '' ? bareUnitMs : DURATION_UNITS_MS[unit];
    return factor === undefined ? undefined : Math.trunc(Number(simple[1]) * factor);
  }
  return isoDurationMillis(trimmed);
}

/** java.time.Duration.parse syntax: `PT30S`, `PT1M30S`, `P1DT2H`, `-PT0.5S`. */
function isoDurationMillis(text: string): number | undefined {
  const match = /^([+-]?)P(?:([+-]?\d+)D)?(?:T(?:([+-]?\d+)H)?(?:([+-]?\d+)M)?(?:([+-]?\d+(?:[.,]\d{1,9})?)S)?)?$/i.exec(text);
  if (!match || match.slice(2).every((part) => part === undefined)) return undefined;
  if (/T$/i.test(text)) return undefined;
  const [, sign, days, hours, minutes, seconds] = match;
  const total =
    Number(days ?? 0) * 86_400_000 +
    Number(hours ?? 0) * 3_600_000 +
    Number(minutes ?? 0) * 60_000 +
    Number((seconds ?? '0').replace(',', '.')) * 1000;
  return Math.trunc(sign === '-' ? -total : total);
}

/** Bytes of a Spring data size, or undefined when the text is not one. */
export function dataSizeBytes(text: string): number | undefined {
  const match = /^([+-]?\d+)([a-zA-Z]{0,2})$/.exec(text.trim());
  if (!match) return undefined;
  const factor = match[2] === '' ? 1 : SIZE_UNITS[match[2].toLowerCase()];
  return factor === undefined ? undefined : Number(match[1]) * factor;
}

function springBoolean(text: string): boolean | undefined {
  const lower = text.trim().toLowerCase();
  if (lower === 'true' || lower === 'on' || lower === 'yes' || lower === '1') return true;
  if (lower === 'false' || lower === 'off' || lower === 'no' || lower === '0') return false;
  return undefined;
}

function enumName(text: string): string {
  return text.trim().replace(/-/g, '_');
}

/**
 * The value Spring passes on for a typed property, from the entry's own typed value (YAML numbers and booleans)
 * or its text. Undefined when the text is not valid for the type: the caller keeps the text, so a rule can tell
 * "set to something odd" from "not set".
 */
export function convertSpringValue(conversion: Conversion, raw: string, typed: unknown): SettingValue | undefined {
  if (typeof typed === 'number') {
    switch (conversion) {
      case 'duration-ms':
      case 'data-size':
      case 'int':
        return typed;
      case 'duration-s':
        return typed * 1000;
      default:
        break;
    }
  }
  if (typeof typed === 'boolean' && conversion === 'boolean') return typed;
  const text = raw.trim();
  switch (conversion) {
    case 'duration-ms':
      return durationMillis(text);
    case 'duration-s':
      return durationMillis(text, 1000);
    case 'data-size':
      return dataSizeBytes(text);
    case 'boolean':
      return springBoolean(text);
    case 'int':
      return /^[-+]?\d+$/.test(text) ? Number(text) : undefined;
    case 'enum-lower':
      return enumName(text).toLowerCase();
    case 'enum-upper':
      return enumName(text).toUpperCase();
  }
}
