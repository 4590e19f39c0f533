#!/usr/bin/env node
// kafkalint's command: runs the compiled CLI (built by `npm ci`/`npm install` through the `prepare` script).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('kafkalint: not built yet; run `npm ci` (or `npm run build`) in the kafkalint folder first\n');
  process.exit(2);
}
const { runCli } = await import(entry.href);

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

const exitCode = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin,
  isTTY: Boolean(process.stdout.isTTY),
  env: process.env,
});
process.exitCode = exitCode;
