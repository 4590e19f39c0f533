// The configuration's `environments`: facts in a file that matches an environment's globs belong to it, whatever
// kafkalint's own detection said. When the configuration names `dev`, its globs alone decide what is a development
// stack: kafkalint's single-broker docker-compose detection then gives way, and `dev: []` turns it off.

import { configRelativePath, fileGlobMatcher } from '../config/file-globs.js';
import { DEVELOPMENT_ENVIRONMENT } from '../model/environments.js';
import type { EnvironmentInfo, RepoModel } from '../model/types.js';
import type { LintOptions } from './lint.js';

/** The environment the configuration gives a file (the first declared whose globs match), if any. */
export function configuredEnvironmentOf(file: string, options: LintOptions): EnvironmentInfo | undefined {
  for (const [name, globs] of Object.entries(options.environments ?? {})) {
    if (fileGlobMatcher(globs)(configRelativePath(file, options.configBase))) {
      return { name, reason: `matches environments.${name} in ${options.configFile ?? 'the configuration'}` };
    }
  }
  return undefined;
}

/** Set each fact's environment from the configuration (in place). */
export function applyConfiguredEnvironments(model: RepoModel, options: LintOptions): void {
  if (!options.environments || Object.keys(options.environments).length === 0) return;
  const replacesDetection = DEVELOPMENT_ENVIRONMENT in options.environments;
  const byFile = new Map<string, EnvironmentInfo | undefined>();
  for (const fact of [...model.clients, ...model.topics, ...model.brokers, ...model.acls]) {
    if (!byFile.has(fact.file)) byFile.set(fact.file, configuredEnvironmentOf(fact.file, options));
    const configured = byFile.get(fact.file);
    if (configured) fact.environment = configured;
    else if (replacesDetection && fact.environment?.name === DEVELOPMENT_ENVIRONMENT) delete fact.environment;
  }
}
