// Whether a producer is idempotent, and why. Four rules ask this one question (idempotence-disabled,
// idempotence-conflicting-settings, idempotence-silently-disabled, retries-with-inflight-no-idempotence), so it is
// answered here once.
//
// Java client (ProducerConfig.postProcessAndValidateIdempotenceConfigs, 3.x): idempotence is on by default since 3.0
// (KIP-679), except in 3.0.0 and 3.1.0, which did not apply the new default (KAFKA-13598). acks other than all,
// retries=0 or max.in.flight.requests.per.connection above 5 conflict with it: when enable.idempotence was not set the
// client turns idempotence off and only logs it; when it was set to true the constructor throws a ConfigException.
// A transactional.id needs idempotence: "Cannot set a transactional.id without also enabling idempotence". Before
// 3.0 a transactional.id turned idempotence on, and the same three settings made the constructor throw.
// librdkafka (CONFIGURATION.md, enable.idempotence): off by default; when on, it adjusts acks, retries and
// max.in.flight if the user left them unset, and producer creation fails if the user set incompatible values
// ("`acks` must be set to `all` when `enable.idempotence` is true", and likewise for retries and max.in.flight).

import { isExplicit, judgeableClientValue } from './judgeable.js';
import { isJavaFamily } from './queries.js';
import { describeEffective, explicitSetting, formatLocation, type EffectiveValue } from './resolve.js';
import type { ClientFacts, Setting } from './types.js';

/** The most requests in flight an idempotent producer may have per connection (Java and librdkafka alike). */
export const MAX_IN_FLIGHT_FOR_IDEMPOTENCE = 5;

export interface IdempotenceConflict {
  /** The explicit value that conflicts; idempotent clients adjust unset keys themselves, so only explicit ones do. */
  effective: EffectiveValue & { setting: Setting };
  /** What idempotence needs instead, for messages: `acks=all`. */
  requirement: string;
}

/** Explicit settings that an idempotent producer cannot run with. Placeholders are not judged. */
export function idempotenceConflicts(client: ClientFacts): IdempotenceConflict[] {
  const conflicts: IdempotenceConflict[] = [];
  const explicit = (key: string) => {
    const effective = judgeableClientValue(client, key);
    return effective && isExplicit(effective) && effective.setting ? (effective as IdempotenceConflict['effective']) : undefined;
  };
  const acks = explicit('acks');
  if (acks && (acks.value === '0' || acks.value === '1')) conflicts.push({ effective: acks, requirement: 'acks=all' });
  const retries = explicit('retries');
  if (retries && typeof retries.value === 'number' && retries.value < 1) {
    conflicts.push({ effective: retries, requirement: 'retries of at least 1' });
  }
  const inFlight = explicit('max.in.flight.requests.per.connection');
  if (inFlight && typeof inFlight.value === 'number' && inFlight.value > MAX_IN_FLIGHT_FOR_IDEMPOTENCE) {
    conflicts.push({ effective: inFlight, requirement: `max.in.flight.requests.per.connection of at most ${MAX_IN_FLIGHT_FOR_IDEMPOTENCE}` });
  }
  return conflicts;
}

/** The explicit, non-empty transactional.id of a producer. A placeholder still means the producer is transactional. */
export function transactionalIdOf(client: ClientFacts): Setting | undefined {
  const setting = explicitSetting(client, 'transactional.id');
  return setting && setting.raw.trim() !== '' ? setting : undefined;
}

/**
 * How idempotence was decided: set explicitly, the library default, turned on by a transactional.id, or a Java
 * default turned off by conflicting settings.
 */
export type IdempotenceSource = 'explicit' | 'default' | 'transactional' | 'silently-disabled';

export interface ProducerIdempotence {
  enabled: boolean;
  source: IdempotenceSource;
  /** enable.idempotence as set or defaulted, before a transactional.id or conflicts change it. */
  effective: EffectiveValue;
  transactionalId?: Setting;
  conflicts: IdempotenceConflict[];
}

/** Whether a producer ends up idempotent; undefined when that cannot be known (a placeholder, an unparseable value). */
export function producerIdempotence(client: ClientFacts): ProducerIdempotence | undefined {
  const effective = judgeableClientValue(client, 'enable.idempotence');
  if (!effective || typeof effective.value !== 'boolean') return undefined;
  const transactionalId = transactionalIdOf(client);
  const base = { effective, conflicts: idempotenceConflicts(client), ...(transactionalId ? { transactionalId } : {}) };
  if (isExplicit(effective)) return { ...base, enabled: effective.value, source: 'explicit' };
  if (transactionalId) return { ...base, enabled: true, source: 'transactional' };
  if (effective.value && isJavaFamily(client) && base.conflicts.length > 0) return { ...base, enabled: false, source: 'silently-disabled' };
  return { ...base, enabled: effective.value, source: 'default' };
}

/** `acks=1 (set at producer.properties:2) and retries=0 (set at producer.properties:3)`. */
export function describeConflicts(conflicts: IdempotenceConflict[]): string {
  return conflicts.map((conflict) => describeEffective(conflict.effective)).join(' and ');
}

/** The idempotence part of a message, saying where the answer came from. */
export function describeIdempotence(state: ProducerIdempotence): string {
  switch (state.source) {
    case 'transactional':
      return `enable.idempotence=true (implied by transactional.id set at ${formatLocation(state.transactionalId!.location)})`;
    case 'silently-disabled': {
      const origin = state.effective.origin.kind === 'default' ? state.effective.origin.library : 'the library default';
      return `enable.idempotence=false (not set: the ${origin} is true, but ${describeConflicts(state.conflicts)} ${state.conflicts.length === 1 ? 'turns' : 'turn'} it off)`;
    }
    default:
      return describeEffective(state.effective);
  }
}
