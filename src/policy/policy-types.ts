// The user's governance policies, as written in the configuration file (`policies:`), after validation.
// Keys are canonical Kafka keys; policies see effective values (explicit ?? library default), so one policy checks
// .properties, YAML, env files and TS code alike.

import type { Library, Role, Severity } from '../model/types.js';

export type PolicyResource = 'client' | 'topic' | 'broker';

export interface PolicyMatch {
  /** Which kind of fact the policy is about; default: clients when `role`/`library`/`group` is given, else all. */
  resource?: PolicyResource;
  role?: Role | Role[];
  library?: Library | Library[];
  /** Topic name glob (`payments.*`) or `/regex/`: a client matches when it names such a topic; a topic by its name. */
  topic?: string;
  /** Consumer group glob. */
  group?: string;
  /** File path globs, relative to the configuration file's folder. */
  files?: string | string[];
  /** A named environment from the configuration's `environments`. */
  environment?: string;
}

export type ScalarValue = string | number | boolean;

/** A required value: exactly this, within a range, one of a set, or matching a pattern. */
export type Requirement = ScalarValue | { min?: number; max?: number } | { in: ScalarValue[] } | { pattern: string };

export interface Policy {
  id: string;
  description?: string;
  severity: Severity;
  /** Link shown with each finding (defaults to the configuration file). */
  docs?: string;
  match: PolicyMatch;
  require?: Record<string, Requirement>;
  /** Forbidden values per key: one value or a list of values. */
  forbid?: Record<string, ScalarValue | ScalarValue[]>;
}
