// Which source reads which file. Parsers are imported lazily, so a run over `.properties` files never loads the YAML
// or TypeScript parsers.

import type { FileFacts } from '../model/types.js';
import { emptyFileFacts } from '../model/types.js';
import { newSourceContext, type SourceContext } from './source-context.js';

export type SourceKind = 'properties' | 'yaml' | 'json' | 'env' | 'manifest' | 'code';

/** kafkalint's own files: its configuration and baseline are not Kafka configuration. */
const OWN_FILES = new Set(['kafkalint.config.yaml', 'kafkalint.config.yml', '.kafkalint.yaml', '.kafkalint.yml', '.kafkalint-baseline.json']);

const MANIFEST_NAMES = new Set(['package.json', 'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'pom.xml', 'build.gradle', 'build.gradle.kts']);

/** Which source reads a file, by the extension of its name (lower case). */
const KIND_BY_EXTENSION = new Map<string, SourceKind>([
  ...(['properties', 'config', 'conf', 'cfg'] as const).map((extension) => [extension, 'properties'] as const),
  ['yaml', 'yaml'],
  ['yml', 'yaml'],
  ['json', 'json'],
  ...(['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs'] as const).map((extension) => [extension, 'code'] as const),
]);

/**
 * The source that reads a path, or undefined when kafkalint does not read files of that kind. Called for every file
 * of a walk, several times: a map lookup, not a row of regular expressions.
 */
export function sourceKindOf(path: string): SourceKind | undefined {
  const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (OWN_FILES.has(base)) return undefined;
  if (MANIFEST_NAMES.has(base)) return 'manifest';
  if (base === '.env' || base.endsWith('.env') || base.startsWith('.env.')) return 'env';
  const dot = base.lastIndexOf('.');
  if (dot === -1) return undefined;
  const kind = KIND_BY_EXTENSION.get(base.slice(dot + 1));
  return kind === 'code' && base.endsWith('.d.ts') ? undefined : kind;
}

export async function extractFileFacts(path: string, text: string, context: SourceContext = newSourceContext(new Map([[path, text]]))): Promise<FileFacts> {
  switch (sourceKindOf(path)) {
    case 'properties':
      return (await import('./properties/properties-source.js')).extractPropertiesFacts(path, text);
    case 'yaml':
      return (await import('./yaml/yaml-source.js')).extractYamlFacts(path, text);
    case 'json':
      return (await import('./json/json-source.js')).extractJsonFacts(path, text);
    case 'env':
      return (await import('./env/env-source.js')).extractEnvFacts(path, text);
    case 'code': {
      // The prefilter runs before the TypeScript parser is even loaded: most code files never mention a Kafka client.
      const { mentionsKafkaClient } = await import('./typescript/prefilter.js');
      if (!mentionsKafkaClient(text)) return emptyFileFacts();
      return (await import('./typescript/typescript-source.js')).extractCodeFacts(path, context);
    }
    case 'manifest':
      return (await import('./manifests/manifest-source.js')).extractManifestFacts(path, text);
    default:
      return emptyFileFacts();
  }
}
