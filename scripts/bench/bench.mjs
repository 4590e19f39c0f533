// `npm run bench`: kafkalint's wall time, throughput and peak memory on a generated monorepo, beside ESLint 9 with
// the typescript-eslint parser running one comparable rule on the same code files. Not a test: it prints numbers
// and says which targets (issue 7) they meet. Options: BENCH_RUNS (default 5), BENCH_SEED (default 7),
// BENCH_SCALING=0 to skip the 1,000 / 5,000 / 20,000-file scaling runs, BENCH_ESLINT=0 to skip ESLint.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateCorpus } from './generate-corpus.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'bin/kafkalint.js');
const ESLINT = join(ROOT, 'node_modules/eslint/bin/eslint.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SEED = Number(process.env.BENCH_SEED ?? 7);
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const CONFIG_FILES = 300;

/** One child process: wall time (ms) and peak RSS (MB, from /usr/bin/time, else the child's own resource usage). */
function runOnce(args, cwd) {
  const rssFile = join(tmpdir(), `kafkalint-bench-rss-${process.pid}`);
  const command = TIME ? TIME : process.execPath;
  const argv = TIME ? ['-f', '%M', '-o', rssFile, process.execPath, ...args] : args;
  const started = process.hrtime.bigint();
  const child = spawnSync(command, argv, { cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  if (child.status !== 0 && child.status !== 1) throw new Error(`${args.join(' ')} exited with ${child.status}: ${child.stderr}`);
  const rss = TIME ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024 : Number.NaN;
  return { wall, rss };
}

/** Run `action` with extra environment variables for the child processes it starts. */
function withEnv(variables, action) {
  const saved = Object.fromEntries(Object.keys(variables).map((name) => [name, process.env[name]]));
  Object.assign(process.env, variables);
  try {
    return action();
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Median of RUNS measured runs after one warm-up run. */
function measure(label, args, cwd, files) {
  runOnce(args, cwd);
  const runs = Array.from({ length: RUNS }, () => runOnce(args, cwd));
  const wall = median(runs.map((run) => run.wall));
  const rss = Math.max(...runs.map((run) => run.rss));
  const result = { label, wall, rss, files, filesPerSecond: (files / wall) * 1000 };
  console.log(`${label.padEnd(46)} ${wall.toFixed(0).padStart(7)} ms  ${result.filesPerSecond.toFixed(0).padStart(7)} files/s  ${rss.toFixed(0).padStart(5)} MB peak RSS  (${files} files)`);
  return result;
}

const kafkalint = (...args) => [CLI, '--format', 'compact', ...args];

function corpus(codeFiles) {
  const root = mkdtempSync(join(tmpdir(), `kafkalint-bench-${codeFiles}-`));
  const paths = generateCorpus(root, { codeFiles, configFiles: CONFIG_FILES, seed: SEED });
  return { root, ...paths };
}

function eslintConfig(root) {
  // One rule that finds kafkajs-style send calls: `x.send({ …, messages: … })`, as a kafkalint code rule would.
  writeFileSync(
    join(root, 'eslint.config.mjs'),
    [
      // The corpus lives in a temporary folder: name the parser by its installed path.
      `import parser from '${pathToFileURL(createRequire(join(ROOT, 'package.json')).resolve('@typescript-eslint/parser')).href}'`,
      'export default [{',
      "  files: ['**/*.ts', '**/*.js'],",
      '  languageOptions: { parser },',
      "  rules: { 'no-restricted-syntax': ['error', { selector: \"CallExpression[callee.property.name='send']:has(Property[key.name='messages'])\", message: 'send call' }] },",
      '}]',
      '',
    ].join('\n'),
  );
}

console.log(`kafkalint benchmark — Node ${process.version}, ${cpus().length} CPUs, median of ${RUNS} runs after a warm-up, seed ${SEED}`);
// The bench's own compile cache, so it starts from nothing and leaves the user's alone.
process.env.KAFKALINT_COMPILE_CACHE = mkdtempSync(join(tmpdir(), 'kafkalint-bench-compile-cache-'));
console.log('building…');
execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });

const main = corpus(5000);
const allFiles = main.code.length + main.config.length;
console.log(`corpus: ${main.root} — ${main.code.length} code files (${main.kafkaCode.length} use kafkajs), ${main.config.length} config files\n`);
const stagedConfig = [...main.config.filter((path) => path.endsWith('.properties')).slice(0, 3), ...main.config.filter((path) => path.endsWith('.yaml')).slice(0, 2)];
const stagedCode = [main.kafkaCode[1], ...main.code.filter((path) => !path.includes('kafka')).slice(0, 4)];

const nodeBaseline = measure('node -e 0 (start-up floor)', ['-e', '0'], main.root, 0);
// The warm-up run of each measurement writes the compile cache (src/startup/compile-cache.ts) into its own folder;
// the rows marked "no compile cache" show what the first run after installing or upgrading costs.
const a = measure('(a) pre-commit: 5 .properties/YAML files', kafkalint(...stagedConfig), main.root, 5);
const b = measure('(b) pre-commit: 5 TS files, 1 uses kafkajs', kafkalint(...stagedCode), main.root, 5);
withEnv({ KAFKALINT_COMPILE_CACHE: '0' }, () => {
  measure('(a) … no compile cache', kafkalint(...stagedConfig), main.root, 5);
  measure('(b) … no compile cache', kafkalint(...stagedCode), main.root, 5);
});
const c = measure('(c) full repository, no cache', kafkalint('.'), main.root, allFiles);
const cacheLocation = join(main.root, '..', `kafkalint-bench-cache-${process.pid}`);
runOnce(kafkalint('.', '--cache', '--cache-location', cacheLocation), main.root);
const d = measure('(d) full repository, warm --cache', kafkalint('.', '--cache', '--cache-location', cacheLocation), main.root, allFiles);
let e;
if (process.env.BENCH_ESLINT !== '0' && existsSync(ESLINT)) {
  eslintConfig(main.root);
  e = measure('(e) ESLint 9 + typescript-eslint, 1 rule', [ESLINT, '--no-warn-ignored', ...['**/*.ts', '**/*.js']], main.root, main.code.length);
  rmSync(join(main.root, 'eslint.config.mjs'));
} else {
  console.log('(e) skipped: run `npm i -D eslint@9 @typescript-eslint/parser@8` first (or BENCH_ESLINT=0 was set)');
}

const scaling = [];
if (process.env.BENCH_SCALING !== '0') {
  console.log('\nscaling of (c):');
  for (const size of [1000, 5000, 20000]) {
    const generated = size === 5000 ? main : corpus(size);
    const files = generated.code.length + generated.config.length;
    scaling.push(measure(`(c) ${size} code files + ${CONFIG_FILES} config`, kafkalint('.'), generated.root, files));
    if (generated !== main) rmSync(generated.root, { recursive: true, force: true });
  }
}

const verdict = (ok) => (ok ? 'met' : 'MISSED');
console.log('\ntargets:');
console.log(`  (a) ≤ 120 ms: ${a.wall.toFixed(0)} ms — ${verdict(a.wall <= 120)} (node start-up alone: ${nodeBaseline.wall.toFixed(0)} ms)`);
console.log(`  (b) ≤ 450 ms: ${b.wall.toFixed(0)} ms — ${verdict(b.wall <= 450)}`);
if (e) console.log(`  (c) ≥ 10× faster than (e): (e)/(c) = ${(e.wall / c.wall).toFixed(1)}× — ${verdict(e.wall / c.wall >= 10)}`);
console.log(`  (d) ≥ 5× faster than (c): (c)/(d) = ${(c.wall / d.wall).toFixed(1)}× — ${verdict(c.wall / d.wall >= 5)}`);
console.log(`  peak RSS of (c) ≤ 250 MB: ${c.rss.toFixed(0)} MB — ${verdict(c.rss <= 250)}`);

rmSync(main.root, { recursive: true, force: true });
rmSync(cacheLocation, { recursive: true, force: true });
rmSync(process.env.KAFKALINT_COMPILE_CACHE, { recursive: true, force: true });
rmSync(join(tmpdir(), `kafkalint-bench-rss-${process.pid}`), { force: true });
