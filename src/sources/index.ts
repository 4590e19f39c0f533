// Which source reads which file. Parsers are imported lazily, so a run over `.properties` files never loads the YAML
// or TypeScript parsers.

import type { FileFacts } from '../model/types.js';
import { emptyFileFacts } from '../model/types.js';

export type SourceKind = 'properties' | 'yaml' | 'json' | 'env' | 'manifest';

const MANIFEST_NAMES = new Set(['package.json', 'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml']);

/** The source that reads a path, or undefined when kafkalint does not read files of that kind. */
export function sourceKindOf(path: string): SourceKind | undefined {
  const base = path.split('/').pop()!.toLowerCase();
  if (MANIFEST_NAMES.has(base)) return 'manifest';
  if (base === '.env' || base.endsWith('.env') || base.startsWith('.env.')) return 'env';
  if (/\.(properties|config|conf|cfg)$/.test(base)) return 'properties';
  if (/\.ya?ml$/.test(base)) return 'yaml';
  if (base.endsWith('.json')) return 'json';
  return undefined;
}

export async function extractFileFacts(path: string, text: string): Promise<FileFacts> {
  switch (sourceKindOf(path)) {
    case 'properties':
      return (await import('./properties/properties-source.js')).extractPropertiesFacts(path, text);
    case 'yaml':
      return (await import('./yaml/yaml-source.js')).extractYamlFacts(path, text);
    case 'json':
      return (await import('./json/json-source.js')).extractJsonFacts(path, text);
    case 'env':
      return (await import('./env/env-source.js')).extractEnvFacts(path, text);
    case 'manifest':
      return (await import('./manifests/manifest-source.js')).extractManifestFacts(path, text);
    default:
      return emptyFileFacts();
  }
}
