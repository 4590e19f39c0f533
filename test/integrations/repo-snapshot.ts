// Helpers for the slow integration tests (npm run test:integrations): a copy of this checkout as a fresh git
// repository, the way a user's machine or a runner would fetch it — tracked and new files, no node_modules, no dist.

import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const PROJECT_ROOT = join(import.meta.dirname, '..', '..');

/** Whether the slow tests were asked for (vitest.integrations.config.ts sets this). */
export const INTEGRATIONS = process.env.KAFKALINT_INTEGRATIONS === '1';

export function hasCommand(command: string): boolean {
  return spawnSync(command, ['--version'], { stdio: 'ignore' }).status === 0;
}

/** The checkout's files (tracked, plus new ones not ignored) copied into a new one-commit git repository. */
export function snapshotRepository(): string {
  const target = mkdtempSync(join(tmpdir(), 'kafkalint-snapshot-'));
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  for (const path of listed.split('\0').filter(Boolean)) {
    mkdirSync(dirname(join(target, path)), { recursive: true });
    try {
      cpSync(join(PROJECT_ROOT, path), join(target, path));
    } catch {
      // A tracked file deleted in the working tree: the snapshot is the working tree, so it is absent here too.
    }
  }
  git(target, 'init', '-q');
  git(target, 'add', '-A');
  git(target, '-c', 'user.email=test@example.invalid', '-c', 'user.name=test', 'commit', '-q', '-m', 'snapshot');
  return target;
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' });
}
