// The real pre-commit (try-repo) installs this repository's hooks from a git snapshot and runs them on the staged
// files of a temporary repository. Slow (pre-commit runs npm install, npm pack and a global install): it runs under
// `npm run test:integrations`.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { git, hasCommand, INTEGRATIONS, snapshotRepository } from './repo-snapshot.js';

const PRE_COMMIT = hasCommand('pre-commit');
if (INTEGRATIONS && !PRE_COMMIT) console.warn('pre-commit is not installed (Debian package pre-commit): skipping the pre-commit hook tests');

describe.runIf(INTEGRATIONS && PRE_COMMIT)('pre-commit hooks (real pre-commit try-repo)', () => {
  let hookRepo: string;
  // One PRE_COMMIT_HOME for the file: the hook environment is installed once and reused by each case.
  const preCommitHome = mkdtempSync(join(tmpdir(), 'kafkalint-pre-commit-home-'));

  beforeAll(() => {
    hookRepo = snapshotRepository();
  });

  function tryRepo(hook: string, files: Record<string, string>, extra: string[] = []) {
    const work = mkdtempSync(join(tmpdir(), 'kafkalint-pre-commit-work-'));
    git(work, 'init', '-q');
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(work, path)), { recursive: true });
      writeFileSync(join(work, path), text);
    }
    git(work, 'add', '-A');
    // No --files and no --all-files: pre-commit runs on the staged files, as on `git commit`.
    const run = spawnSync('pre-commit', ['try-repo', hookRepo, hook, ...extra], {
      cwd: work,
      encoding: 'utf8',
      timeout: 540_000,
      env: { ...process.env, PRE_COMMIT_HOME: preCommitHome, NO_COLOR: '1' },
    });
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  }

  it('blocks a staged producer file with acks=0 and shows the finding', () => {
    const run = tryRepo('kafkalint', { 'producer.properties': 'bootstrap.servers=localhost:9092\nacks=0\n' });
    expect(run.output).toMatch(/kafkalint\.+Failed/);
    expect(run.output).toContain('producer-acks-zero');
    expect(run.status).toBe(1);
  });

  it('lets a clean staged file through, and skips files kafkalint does not read', () => {
    const run = tryRepo('kafkalint', {
      'producer.properties': 'bootstrap.servers=localhost:9092\nacks=all\nclient.id=orders\ncompression.type=lz4\n',
      'notes.txt': 'acks=0 in a text file is not configuration\n',
    });
    expect(run.output).toMatch(/kafkalint\.+Passed/);
    expect(run.status).toBe(0);
  });

  it('kafkalint-all (manual stage) audits the whole repository', () => {
    const run = tryRepo('kafkalint-all', { 'config/producer.properties': 'bootstrap.servers=localhost:9092\nacks=0\n' }, ['--hook-stage', 'manual']);
    expect(run.output).toContain('producer-acks-zero');
    expect(run.status).toBe(1);
  });
});
