// The command users run: bin/kafkalint.js starting the bundled CLI (dist/cli) through the compile cache. It must say
// exactly what the CLI says in-process, and a cache must be used only when it is ours and valid.

import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CompileCache, compileCacheDirectory } from '../../src/startup/compile-cache.js';
import { runInTree, writeTree } from '../support/run-cli.js';

const PROJECT_ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(PROJECT_ROOT, 'bin', 'kafkalint.js');
const BUNDLE = join(PROJECT_ROOT, 'dist', 'cli', 'kafkalint.cjs');

/** The newest modification time among the files the bundle is built from. */
function newestSource(directory: string): number {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

// A config file and a kafkajs module, so a run exercises the readers, the rules and the TypeScript parser.
const TREE = {
  'producer.properties': 'bootstrap.servers=kafka-1.example.internal:9092\nacks=0\n',
  'src/publish.ts': [
    "import { Kafka } from 'kafkajs';",
    "const kafka = new Kafka({ clientId: 'orders', brokers: ['kafka-1.example.internal:9092'] });",
    'const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 3 });',
    "export const publish = (value: string) => producer.send({ topic: 'orders', acks: 1, messages: [{ value }] });",
    '',
  ].join('\n'),
};
let tree: string;

function runBin(args: string[], cacheDirectory: string) {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd: tree,
    encoding: 'utf8',
    env: { ...process.env, KAFKALINT_COMPILE_CACHE: cacheDirectory, NO_COLOR: '1' },
    timeout: 60_000,
  });
  return { exitCode: run.status, stdout: run.stdout, stderr: run.stderr };
}

const cacheFiles = (directory: string) => readdirSync(directory).filter((name) => name.endsWith('.cache')).sort();
const freshDirectory = () => mkdtempSync(join(tmpdir(), 'kafkalint-compile-cache-test-'));

describe('the bundled CLI', () => {
  beforeAll(() => {
    tree = writeTree(TREE);
    // A bundle older than the sources would test yesterday's code: say so instead of passing or failing on it.
    const built = statSync(BUNDLE, { throwIfNoEntry: false });
    if (!built) throw new Error('dist/cli/kafkalint.cjs is missing: run `npm run build` first');
    const newest = Math.max(newestSource(join(PROJECT_ROOT, 'src')), newestSource(join(PROJECT_ROOT, 'rules')));
    if (newest > built.mtimeMs) throw new Error('dist/cli is older than src/ or rules/: run `npm run build` first');
  });

  it('prints what the in-process CLI prints, with the same exit code (config files and code)', async () => {
    const args = ['--format', 'compact', '.'];
    const bundled = runBin(args, freshDirectory());
    const inProcess = await runInTree(args, {}, '', tree);
    expect(bundled.stderr).toBe('');
    expect(bundled.stdout).toBe(inProcess.stdout);
    expect(bundled.exitCode).toBe(inProcess.exitCode);
    expect(bundled.stdout).toMatch(/^src\/publish\.ts:\d+:\d+: /m); // the TypeScript parser ran inside the bundle
    expect(bundled.stdout).toMatch(/^producer\.properties:\d+:\d+: /m);
  });

  it('writes a compile cache on the first run and reuses it unchanged on the second', () => {
    const directory = freshDirectory();
    const first = runBin(['--format', 'compact', '.'], directory);
    const written = cacheFiles(directory);
    expect(written.some((name) => name.startsWith('kafkalint.cjs-'))).toBe(true);
    expect(written.some((name) => name.startsWith('typescript.js-'))).toBe(true);
    const before = written.map((name) => statSync(join(directory, name)).mtimeMs);

    const second = runBin(['--format', 'compact', '.'], directory);
    expect(second.stdout).toBe(first.stdout);
    // A cache V8 rejected would be written again: unchanged files mean the second run compiled from them.
    expect(cacheFiles(directory)).toEqual(written);
    expect(written.map((name) => statSync(join(directory, name)).mtimeMs)).toEqual(before);
  });

  it('replaces a corrupt cache instead of failing', () => {
    const directory = freshDirectory();
    const clean = runBin(['--format', 'compact', '.'], directory);
    for (const name of cacheFiles(directory)) writeFileSync(join(directory, name), 'not a V8 code cache');
    const afterCorruption = runBin(['--format', 'compact', '.'], directory);
    expect(afterCorruption.stdout).toBe(clean.stdout);
    expect(afterCorruption.stderr).toBe('');
    for (const name of cacheFiles(directory)) expect(readFileSync(join(directory, name), 'utf8')).not.toBe('not a V8 code cache');
  });

  it('runs without a cache when the cache directory is writable by others, and leaves it empty', () => {
    const expected = runBin(['--format', 'compact', '.'], freshDirectory());
    const directory = freshDirectory();
    chmodSync(directory, 0o777);
    const run = runBin(['--format', 'compact', '.'], directory);
    expect(run.stdout).toBe(expected.stdout);
    expect(cacheFiles(directory)).toEqual([]);
  });
});

describe('compileCacheDirectory', () => {
  it('is off when KAFKALINT_COMPILE_CACHE is 0', () => {
    expect(compileCacheDirectory({ KAFKALINT_COMPILE_CACHE: '0' })).toBeUndefined();
  });

  it('creates a missing directory readable by its owner only', () => {
    const directory = join(freshDirectory(), 'nested', 'cache');
    expect(compileCacheDirectory({ KAFKALINT_COMPILE_CACHE: directory })).toBe(directory);
    expect(statSync(directory).mode & 0o777).toBe(0o700);
  });

  it('refuses a directory that others can write to, and a symbolic link', () => {
    const shared = freshDirectory();
    chmodSync(shared, 0o775);
    expect(compileCacheDirectory({ KAFKALINT_COMPILE_CACHE: shared })).toBeUndefined();
    const target = freshDirectory();
    const link = join(freshDirectory(), 'link');
    symlinkSync(target, link);
    expect(compileCacheDirectory({ KAFKALINT_COMPILE_CACHE: link })).toBeUndefined();
  });

  it('refuses a path that is a file', () => {
    const parent = freshDirectory();
    writeFileSync(join(parent, 'file'), '');
    expect(compileCacheDirectory({ KAFKALINT_COMPILE_CACHE: join(parent, 'file') })).toBeUndefined();
  });
});

describe('CompileCache.load', () => {
  it('runs a CommonJS file once, with its own require, and keeps non-ASCII text intact', () => {
    const folder = freshDirectory();
    writeFileSync(join(folder, 'helper.cjs'), 'module.exports = { word: "naïve" };\n');
    writeFileSync(join(folder, 'main.cjs'), 'globalThis.kafkalintLoads = (globalThis.kafkalintLoads ?? 0) + 1;\nmodule.exports = { text: "ellipsis … and " + require("./helper.cjs").word, file: __filename };\n');
    writeFileSync(join(folder, 'ascii.cjs'), 'module.exports = "plain";\n');
    const cache = new CompileCache(freshDirectory());
    const loaded = cache.load(join(folder, 'main.cjs')) as { text: string; file: string };
    expect(loaded.text).toBe('ellipsis … and naïve');
    expect(loaded.file).toBe(join(folder, 'main.cjs'));
    expect(cache.load(join(folder, 'main.cjs'))).toBe(loaded);
    expect((globalThis as { kafkalintLoads?: number }).kafkalintLoads).toBe(1);
    expect(cache.load(join(folder, 'ascii.cjs'))).toBe('plain');
  });

  it("writes a new cache entry when the file's package version changes, though its size and time do not", () => {
    const folder = freshDirectory();
    const cacheDirectory = freshDirectory();
    writeFileSync(join(folder, 'package.json'), JSON.stringify({ name: 'p', version: '1.0.0' }));
    writeFileSync(join(folder, 'main.cjs'), 'module.exports = 1;\n');
    const first = new CompileCache(cacheDirectory);
    first.load(join(folder, 'main.cjs'));
    first.save();
    expect(cacheFiles(cacheDirectory)).toHaveLength(1);
    // Same version again: the entry is found, nothing new is written.
    const again = new CompileCache(cacheDirectory);
    again.load(join(folder, 'main.cjs'));
    again.save();
    expect(cacheFiles(cacheDirectory)).toHaveLength(1);
    writeFileSync(join(folder, 'package.json'), JSON.stringify({ name: 'p', version: '1.0.1' }));
    const upgraded = new CompileCache(cacheDirectory);
    upgraded.load(join(folder, 'main.cjs'));
    upgraded.save();
    expect(cacheFiles(cacheDirectory)).toHaveLength(2);
  });

  it('lets the caller answer a require before Node does', () => {
    const folder = freshDirectory();
    writeFileSync(join(folder, 'main.cjs'), 'module.exports = require("some-package");\n');
    const cache = new CompileCache(undefined);
    expect(cache.load(join(folder, 'main.cjs'), (id) => (id === 'some-package' ? { routed: true } : undefined))).toEqual({ routed: true });
  });
});
