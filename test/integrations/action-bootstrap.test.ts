// The action as a runner starts it: `node <action checkout>/bin/kafkalint-action.js` (action.yml runs.main) in a
// fresh checkout with no node_modules and no dist, and a user's workspace with no Node project at all. Slow (the
// entry point installs the action with npm ci on first use): it runs under `npm run test:integrations`.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { INTEGRATIONS, snapshotRepository } from './repo-snapshot.js';
import { writeTree } from '../support/run-cli.js';

describe.runIf(INTEGRATIONS)('GitHub Action from a fresh checkout', () => {
  it('installs itself, lints the workspace, and fails with max-warnings 0', () => {
    const action = snapshotRepository();
    expect(existsSync(join(action, 'node_modules'))).toBe(false);
    const main = (parse(readFileSync(join(action, 'action.yml'), 'utf8')) as { runs: { using: string; main: string } }).runs;
    expect(main.using).toBe('node20');

    const workspace = writeTree({ 'kafka/consumer.properties': 'bootstrap.servers=kafka:9092\ngroup.id=billing\nclient.id=billing\n' });
    const runner = mkdtempSync(join(tmpdir(), 'kafkalint-runner-'));
    const outputFile = join(runner, 'output');
    const summaryFile = join(runner, 'summary');
    writeFileSync(outputFile, '');
    writeFileSync(summaryFile, '');
    const run = spawnSync(process.execPath, [join(action, main.main)], {
      cwd: workspace,
      encoding: 'utf8',
      timeout: 540_000,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: workspace, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, 'INPUT_MAX-WARNINGS': '0', INPUT_FORMAT: 'github', 'INPUT_FAIL-ON': 'error', 'INPUT_SARIF-FILE': 'kafkalint.sarif' },
    });
    expect(run.stdout).toContain('::group::kafkalint: installing the action (npm ci)');
    expect(run.stdout).toMatch(/::warning file=kafka\/consumer\.properties,line=1,.*title=kafkalint\(plaintext-security-protocol\)::/);
    expect(readFileSync(outputFile, 'utf8')).toContain('warnings=1\n');
    expect(readFileSync(summaryFile, 'utf8')).toContain('The step fails (fail-on: error, max-warnings: 0).');
    expect(JSON.parse(readFileSync(join(workspace, 'kafkalint.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(run.status).toBe(1);
  });
});
