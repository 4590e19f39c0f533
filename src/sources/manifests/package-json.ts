// package.json: which Kafka client packages the project depends on, and the version its range pins.

import type { FileFacts, LibraryDependency } from '../../model/types.js';
import { emptyFileFacts } from '../../model/types.js';
import { KAFKA_PACKAGES, versionFromRange } from './kafka-packages.js';

/** Dependency fields in the order that says most about what runs: a peer range is the loosest statement. */
const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const;

export function dependenciesOfPackageJson(file: string, manifest: unknown): FileFacts {
  const facts = emptyFileFacts();
  if (!isRecord(manifest)) return facts;
  for (const [name, library] of KAFKA_PACKAGES) {
    const ranges = DEPENDENCY_FIELDS.map((field) => manifest[field])
      .filter(isRecord)
      .map((dependencies) => dependencies[name])
      .filter((range): range is string => typeof range === 'string');
    if (ranges.length === 0) continue;
    const version = ranges.map(versionFromRange).find((candidate) => candidate !== undefined);
    const dependency: LibraryDependency = { library, file };
    if (version) dependency.version = version;
    facts.dependencies.push(dependency);
  }
  return facts;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
