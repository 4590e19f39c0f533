// `npm run build` (and `prepare`): two outputs.
// 1. `tsc` compiles src/ and rules/ to dist/ — the programmatic API (`import … from 'kafkalint'`), its type
//    declarations and the GitHub Action's entry.
// 2. esbuild bundles the command line into dist/cli/: kafkalint.cjs (CLI, engine, every rule, the readers,
//    commander, yaml), launch.cjs (what bin/kafkalint.js loads first) and vendor/*.cjs (the TypeScript-ESTree
//    parser, its scope analyser and ajv, each loaded only when a run needs it). Why: Node 20 spends about a
//    millisecond per ES module it resolves and loads, and the unbundled CLI loads ~125 of them before it reads a
//    file; a pre-commit hook on five staged files has ~120 ms in all. One CommonJS file can also be compiled from a
//    V8 code cache (src/startup/compile-cache.ts), which Node 20 offers for scripts but not for ES modules.
//    TypeScript itself and kafkajs stay outside: TypeScript is one file already (and is code-cached as it is), and
//    the cluster reader patches kafkajs' own modules, which must be the ones kafkajs loads.

import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const require = createRequire(import.meta.url);

execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.json')], { stdio: 'inherit' });

// A bundle from an earlier build must not outlive this one, even if this one cannot bundle.
const outdir = join(ROOT, 'dist/cli');
rmSync(outdir, { recursive: true, force: true });

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  // An install without dev dependencies: the unbundled CLI in dist/src still works, only its start-up is slower.
  console.warn('kafkalint build: esbuild is not installed, so the CLI is not bundled (bin/kafkalint.js uses dist/src)');
  process.exit(0);
}

const RULE_MODULES = join(ROOT, 'src/engine/rule-modules.ts');
const isRuleModuleName = (name) => /^[a-z0-9]+(-[a-z0-9]+)*\.ts$/.test(name) && !name.endsWith('.d.ts');

/** Replaces src/engine/rule-modules.ts with static imports of every rules/*.ts, so the rules are part of the bundle. */
const staticRuleModules = {
  name: 'static-rule-modules',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]engine[\\/]rule-modules\.ts$/ }, (args) => {
      if (args.path !== RULE_MODULES) return undefined;
      const names = readdirSync(join(ROOT, 'rules')).filter(isRuleModuleName).sort();
      const lines = names.map((name, index) => `import * as rule${index} from ${JSON.stringify(join(ROOT, 'rules', name))};`);
      lines.push(`export async function loadRuleModules() { return [${names.map((name, index) => `{ fileName: ${JSON.stringify(name)}, module: rule${index} }`).join(', ')}]; }`);
      return { contents: lines.join('\n'), loader: 'ts', resolveDir: join(ROOT, 'src/engine') };
    });
  },
};

/**
 * commander requires child_process at load time, for subcommands that are separate executables, which kafkalint
 * does not have; loading it (with net, dgram and streams) costs every run ~5 ms. In the bundle, commander gets a
 * stand-in that requires child_process on first use instead.
 */
const lazyChildProcessForCommander = {
  name: 'lazy-child-process-for-commander',
  setup(build) {
    build.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'lazy-child-process', namespace: 'kafkalint-lazy' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'kafkalint-lazy' }, () => ({
      contents: "let loaded; module.exports = new Proxy({}, { get: (_, name) => (loaded ??= require('node:child_process'))[name] });",
      loader: 'js',
    }));
  },
};

// The same code on every path: CommonJS for Node 20, ASCII output (the compile cache reads files as latin1), no
// comments or whitespace (less to read and parse), names kept (stack traces of internal errors stay readable).
const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  charset: 'ascii',
  legalComments: 'none',
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  // `import('x')` of a package outside the bundle becomes `require('x')`, so it goes through the compile cache.
  supported: { 'dynamic-import': false },
};
// Sources written as ES modules ask for their own URL; in a CommonJS bundle that is the bundle file's URL.
const importMetaUrl = {
  define: { 'import.meta.url': 'kafkalintBundleUrl' },
  banner: { js: "const kafkalintBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
};

const { VENDORED_PACKAGES } = await import(new URL('../dist/src/startup/launch.js', import.meta.url).href);

await esbuild.build({
  ...common,
  ...importMetaUrl,
  entryPoints: { kafkalint: join(ROOT, 'src/cli/main.ts') },
  outdir,
  outExtension: { '.js': '.cjs' },
  external: ['typescript', 'kafkajs', ...Object.keys(VENDORED_PACKAGES)],
  plugins: [staticRuleModules, lazyChildProcessForCommander],
});
await esbuild.build({ ...common, ...importMetaUrl, entryPoints: { launch: join(ROOT, 'src/startup/launch.ts') }, outdir, outExtension: { '.js': '.cjs' } });
for (const [id, name] of Object.entries(VENDORED_PACKAGES)) {
  await esbuild.build({
    ...common,
    stdin: { contents: `module.exports = require(${JSON.stringify(id)});`, resolveDir: ROOT, loader: 'js' },
    outfile: join(outdir, 'vendor', `${name}.cjs`),
    external: ['typescript'],
  });
}
