// The npm packages whose defaults kafkalint knows, and how a manifest's version text becomes a version.

import type { Library } from '../../model/types.js';

/** npm package name → the library whose defaults apply to its clients. */
export const KAFKA_PACKAGES: ReadonlyMap<string, Library> = new Map<string, Library>([
  ['kafkajs', 'kafkajs'],
  ['@confluentinc/kafka-javascript', 'confluent-kafka-javascript'],
  ['node-rdkafka', 'node-rdkafka'],
  ['@platformatic/kafka', 'platformatic'],
]);

/** A cheap test before parsing a manifest: lockfiles are large, and most name none of these packages. */
export function mentionsKafkaPackage(text: string): boolean {
  for (const name of KAFKA_PACKAGES.keys()) if (text.includes(name)) return true;
  return false;
}

const EXACT = /^v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)(?:\+[0-9A-Za-z.-]+)?$/;

/** An installed version as a lockfile records it (`2.2.4`), or undefined for links, URLs and paths. */
export function exactVersion(text: string | undefined): string | undefined {
  if (typeof text !== 'string') return undefined;
  return EXACT.exec(text.trim())?.[1];
}

/**
 * The version a package.json range pins, taken as its floor: `2.2.4`, `=2.2.4`, `^2.2.4`, `~2.2.4` and `>=2.2.4`
 * give 2.2.4. Ranges that pin nothing (`*`, `latest`, `2.x`, `^2`, `>=2 <3`, `a || b`), git URLs, paths and
 * workspace links give undefined: a guessed version would pick defaults silently.
 */
export function versionFromRange(range: string | undefined): string | undefined {
  if (typeof range !== 'string') return undefined;
  const match = /^\s*(?:\^|~|>=|=)?\s*(v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\s*$/.exec(range);
  return match ? exactVersion(match[1]) : undefined;
}
