// yarn.lock, both the classic (v1) format and Yarn Berry's (v2+, YAML). Both list one block per resolved package,
// headed by the descriptors it satisfies, with the installed version indented below:
//   v1:    kafkajs@^2.2.0, kafkajs@^2.2.4:        then   version "2.2.4"
//   berry: "kafkajs@npm:^2.2.4":                   then   version: 2.2.4
// A line scan reads both without a YAML parse of a lockfile that can run to megabytes.

import type { FileFacts } from '../../model/types.js';
import { emptyFileFacts } from '../../model/types.js';
import { exactVersion, KAFKA_PACKAGES } from './kafka-packages.js';

/** The package name of a descriptor: `kafkajs@^2`, `@confluentinc/kafka-javascript@npm:1.0.0` → the part before the range. */
function packageNameOf(descriptor: string): string {
  const at = descriptor.indexOf('@', descriptor.startsWith('@') ? 1 : 0);
  return at < 0 ? descriptor : descriptor.slice(0, at);
}

function namesOfHeader(header: string): string[] {
  return header
    .split(',')
    .map((descriptor) => descriptor.trim().replace(/^"|"$/g, ''))
    .filter((descriptor) => descriptor !== '')
    .map(packageNameOf);
}

export function dependenciesOfYarnLockfile(file: string, text: string): FileFacts {
  const facts = emptyFileFacts();
  const versions = new Map<string, string[]>();
  let current: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (line === '' || line.startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      current = line.endsWith(':') ? namesOfHeader(line.slice(0, -1)).find((name) => KAFKA_PACKAGES.has(name)) : undefined;
      continue;
    }
    if (!current) continue;
    const match = /^ {2}version:? +"?([^"\s]+)"?\s*$/.exec(line);
    const version = exactVersion(match?.[1]);
    if (!version) continue;
    const known = versions.get(current) ?? [];
    if (!known.includes(version)) known.push(version);
    versions.set(current, known);
  }
  for (const [name, installed] of versions) {
    for (const version of installed) facts.dependencies.push({ library: KAFKA_PACKAGES.get(name)!, version, file });
  }
  return facts;
}
