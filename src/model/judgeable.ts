// Effective values a rule may judge. A placeholder (`${RETRIES}`, `{{ .Values.acks }}`) stands for a value decided
// elsewhere, so rules treat it as unknown rather than as the text it happens to contain.

import { effectiveClientValue, type EffectiveValue } from './resolve.js';
import type { ClientFacts } from './types.js';

/** The effective value of a key, or undefined when there is none or the explicit value is a placeholder. */
export function judgeableClientValue(client: ClientFacts, key: string): EffectiveValue | undefined {
  const effective = effectiveClientValue(client, key);
  if (!effective || effective.setting?.placeholder) return undefined;
  return effective;
}

export interface NumericValue {
  effective: EffectiveValue;
  value: number;
}

/** The effective value of a numeric key, or undefined when it is unknown or not a number (`retries=lots`). */
export function judgeableNumber(client: ClientFacts, key: string): NumericValue | undefined {
  const effective = judgeableClientValue(client, key);
  if (!effective || typeof effective.value !== 'number' || Number.isNaN(effective.value)) return undefined;
  return { effective, value: effective.value };
}

export function isExplicit(effective: EffectiveValue): boolean {
  return effective.origin.kind === 'explicit';
}
