#!/usr/bin/env node
// kafkalint's command. It runs the bundled CLI in dist/cli when the build made one (scripts/build.mjs and
// src/startup/ say why: start-up time), else tsc's output in dist/src. Both are built by `npm ci`/`npm install`
// through the `prepare` script.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const bundleDirectory = fileURLToPath(new URL('../dist/cli/', import.meta.url));
const unbundled = new URL('../dist/src/cli/main.js', import.meta.url);

async function loadCli() {
  if (existsSync(`${bundleDirectory}launch.cjs`)) {
    const { loadBundledCli } = createRequire(import.meta.url)(`${bundleDirectory}launch.cjs`);
    return loadBundledCli(bundleDirectory, process.env);
  }
  if (!existsSync(unbundled)) {
    process.stderr.write('kafkalint: not built yet; run `npm ci` (or `npm run build`) in the kafkalint folder first\n');
    process.exit(2);
  }
  const { runCli } = await import(unbundled.href);
  return { runCli, finish() {} };
}

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

const cli = await loadCli();
const exitCode = await cli.runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin,
  isTTY: Boolean(process.stdout.isTTY),
  env: process.env,
});
cli.finish();
process.exitCode = exitCode;
