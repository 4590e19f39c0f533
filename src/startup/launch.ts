// How bin/kafkalint.js starts the bundled CLI (dist/cli, built by scripts/build.mjs): the bundle, the vendored
// parsers and TypeScript are loaded through the compile cache (compile-cache.ts says why). Everything else a bundle
// asks for (Node built-ins, kafkajs) comes from Node's own `require`.

import { createRequire } from 'node:module';
import { join } from 'node:path';
import { CompileCache, compileCacheDirectory } from './compile-cache.js';

/** Packages bundled on their own into dist/cli/vendor/<name>.cjs, loaded only when a run needs them. */
export const VENDORED_PACKAGES: Record<string, string> = {
  '@typescript-eslint/typescript-estree': 'typescript-estree',
  '@typescript-eslint/scope-manager': 'scope-manager',
  '@typescript-eslint/visitor-keys': 'visitor-keys',
  ajv: 'ajv',
};

export interface BundledCli {
  runCli: typeof import('../cli/main.js').runCli;
  /** Call when the run is over: writes the compile caches the run lacked. */
  finish(): void;
}

/** Load the bundled CLI that sits in `bundleDirectory` (dist/cli). */
export function loadBundledCli(bundleDirectory: string, env: NodeJS.ProcessEnv): BundledCli {
  const cache = new CompileCache(compileCacheDirectory(env));
  const bundle = join(bundleDirectory, 'kafkalint.cjs');
  const nodeRequire = createRequire(bundle);
  const route = (id: string): unknown => {
    if (id === 'typescript') return cache.load(nodeRequire.resolve('typescript'));
    const vendored = VENDORED_PACKAGES[id];
    return vendored ? cache.load(join(bundleDirectory, 'vendor', `${vendored}.cjs`), route) : undefined;
  };
  const { runCli } = cache.load(bundle, route) as Pick<BundledCli, 'runCli'>;
  return { runCli, finish: () => cache.save() };
}
