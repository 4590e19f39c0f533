#!/usr/bin/env node
// The GitHub Action's entry point (action.yml `runs.main`). The runner checks out this repository at the ref the
// workflow names and runs this file with its own Node 20; it does not install anything. A release ref may carry
// the built dist/ and production node_modules; a plain branch or tag does not, so on first use this installs the
// action's own dependencies into the action's folder with `npm ci` (whose `prepare` script compiles dist/).
// The user's repository is never touched: no node_modules and no build step there.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const actionRoot = fileURLToPath(new URL('..', import.meta.url));
const entry = new URL('../dist/src/action/run-action.js', import.meta.url);
const ready = () => existsSync(entry) && existsSync(new URL('../node_modules/commander/package.json', import.meta.url));

if (!ready()) {
  process.stdout.write('::group::kafkalint: installing the action (npm ci)\n');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const install = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: actionRoot, stdio: ['ignore', 2, 2], shell: process.platform === 'win32' });
  process.stdout.write('::endgroup::\n');
  if (install.status !== 0 || !ready()) {
    const reason = install.error ? install.error.message : `npm ci exited with ${install.status}`;
    process.stdout.write(`::error title=kafkalint::could not install the action in ${actionRoot} (${reason}); the runner needs npm on PATH (actions/setup-node provides it)\n`);
    process.exit(2);
  }
}

const { runAction } = await import(entry.href);
process.exitCode = await runAction({
  cwd: process.env.GITHUB_WORKSPACE || process.cwd(),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
