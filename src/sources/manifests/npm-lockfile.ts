// package-lock.json and npm-shrinkwrap.json: the versions npm installed.
// Lockfile v2 and v3 key installed packages by path (`packages["node_modules/kafkajs"].version`); v1 nests them
// under `dependencies` (`dependencies.kafkajs.version`). v2 carries both, and `packages` is the authoritative one.

import type { FileFacts } from '../../model/types.js';
import { emptyFileFacts } from '../../model/types.js';
import { exactVersion, KAFKA_PACKAGES } from './kafka-packages.js';
import { isRecord } from './package-json.js';

export function dependenciesOfNpmLockfile(file: string, lockfile: unknown): FileFacts {
  const facts = emptyFileFacts();
  if (!isRecord(lockfile)) return facts;
  for (const [name, library] of KAFKA_PACKAGES) {
    const versions = isRecord(lockfile.packages) ? versionsFromPackages(lockfile.packages, name) : versionsFromV1(lockfile.dependencies, name);
    for (const version of versions) facts.dependencies.push({ library, version, file });
  }
  return facts;
}

/**
 * Versions installed where the project's own code resolves them: the root `node_modules/<name>` first, then the
 * `node_modules` of workspace packages. Copies nested inside other packages belong to those packages.
 */
function versionsFromPackages(packages: Record<string, unknown>, name: string): string[] {
  const suffix = `node_modules/${name}`;
  const paths = Object.keys(packages).filter((path) => {
    if (path === suffix) return true;
    if (!path.endsWith(`/${suffix}`)) return false;
    return !path.slice(0, -suffix.length).includes('node_modules/');
  });
  paths.sort((left, right) => Number(right === suffix) - Number(left === suffix));
  const versions: string[] = [];
  for (const path of paths) {
    const entry = packages[path];
    const version = isRecord(entry) ? exactVersion(entry.version as string | undefined) : undefined;
    if (version && !versions.includes(version)) versions.push(version);
  }
  return versions;
}

function versionsFromV1(dependencies: unknown, name: string): string[] {
  if (!isRecord(dependencies)) return [];
  const entry = dependencies[name];
  const version = isRecord(entry) ? exactVersion(entry.version as string | undefined) : undefined;
  return version ? [version] : [];
}
