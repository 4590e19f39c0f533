// pnpm-lock.yaml. The project's direct dependencies are listed per importer (`importers["."].dependencies.kafkajs`,
// lockfile v6 and v9) or at the top level for a single project (v5: `dependencies: { kafkajs: 2.2.4 }`; v6:
// `{ specifier: ^2.2.4, version: 2.2.4 }`). Failing those, the `packages` keys name every installed package:
// `/kafkajs/2.2.4` (v5), `/kafkajs@2.2.4` (v6), `kafkajs@2.2.4` (v9), with peer suffixes `(…)` or `_…`.

import type { FileFacts } from '../../model/types.js';
import { emptyFileFacts } from '../../model/types.js';
import { exactVersion, KAFKA_PACKAGES } from './kafka-packages.js';
import { isRecord } from './package-json.js';

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies'] as const;

/** `2.2.4`, `2.2.4(react@18.0.0)`, `2.2.4_peer@1.0.0` → 2.2.4; `link:../x` → undefined. */
function versionOfResolution(resolution: string): string | undefined {
  return exactVersion(resolution.split(/[(_]/)[0]);
}

function directVersions(lockfile: Record<string, unknown>, name: string): string[] {
  const projects: Record<string, unknown>[] = [lockfile];
  if (isRecord(lockfile.importers)) projects.push(...Object.values(lockfile.importers).filter(isRecord));
  const versions: string[] = [];
  for (const project of projects) {
    for (const field of DEPENDENCY_FIELDS) {
      const dependencies = project[field];
      if (!isRecord(dependencies)) continue;
      const entry = dependencies[name];
      const resolution = isRecord(entry) ? entry.version : entry;
      const version = typeof resolution === 'string' ? versionOfResolution(resolution) : undefined;
      if (version && !versions.includes(version)) versions.push(version);
    }
  }
  return versions;
}

function installedVersions(lockfile: Record<string, unknown>, name: string): string[] {
  const versions: string[] = [];
  for (const field of ['packages', 'snapshots']) {
    const packages = lockfile[field];
    if (!isRecord(packages)) continue;
    for (const key of Object.keys(packages)) {
      const path = key.startsWith('/') ? key.slice(1) : key;
      if (!path.startsWith(`${name}@`) && !path.startsWith(`${name}/`)) continue;
      const version = versionOfResolution(path.slice(name.length + 1));
      if (version && !versions.includes(version)) versions.push(version);
    }
  }
  return versions;
}

export function dependenciesOfPnpmLockfile(file: string, lockfile: unknown): FileFacts {
  const facts = emptyFileFacts();
  if (!isRecord(lockfile)) return facts;
  for (const [name, library] of KAFKA_PACKAGES) {
    const direct = directVersions(lockfile, name);
    const versions = direct.length > 0 ? direct : installedVersions(lockfile, name);
    for (const version of versions) facts.dependencies.push({ library, version, file });
  }
  return facts;
}
