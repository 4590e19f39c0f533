// Environments a fact can belong to. `dev` is the development environment: kafkalint's own detection gives it to a
// single-broker docker-compose stack (DESIGN.md §3 "Environment"), and the configuration's `environments.dev` can
// take that over. Durability findings there are reported as info. Other names (`prod`, `staging`) are labels the
// configuration gives files, for policies to select; they change no rule's severity.

import type { EnvironmentInfo } from './types.js';

export const DEVELOPMENT_ENVIRONMENT = 'dev';

/** The fact's environment when it is the development one, else undefined. */
export function developmentStackOf(environment: EnvironmentInfo | undefined): EnvironmentInfo | undefined {
  return environment?.name === DEVELOPMENT_ENVIRONMENT ? environment : undefined;
}
