// What `npm pack` ships, and that the packed tarball works where nothing of this repository is present.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INTEGRATIONS, PROJECT_ROOT, snapshotRepository } from './repo-snapshot.js';

/**
 * What may be published: the CLI (and its bundle), compiled code and its declarations, rule pages, schemas, the
 * problem matcher.
 */
const SHIPPED = /^(package\.json|README\.md|LICENSE|bin\/[\w-]+\.js|dist\/(src|rules)\/[\w/.-]+\.(js|d\.ts)|dist\/cli\/[\w/.-]+\.cjs|rules\/[\w-]+\.md|schema\/[\w-]+\.json|matchers\/[\w-]+\.json)$/;

function packedFiles(cwd: string): string[] {
  // --ignore-scripts: list what would be packed without rebuilding dist (the list does not depend on the build).
  const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd, encoding: 'utf8' });
  return (JSON.parse(output) as Array<{ files: Array<{ path: string }> }>)[0].files.map((file) => file.path);
}

describe('npm package', () => {
  it('the tarball holds the CLI, rule pages, schemas and matcher, and nothing else', () => {
    const files = packedFiles(PROJECT_ROOT);
    expect(files.filter((path) => !SHIPPED.test(path))).toEqual([]);
    for (const needed of ['bin/kafkalint.js', 'dist/cli/kafkalint.cjs', 'matchers/kafkalint-matcher.json', 'schema/config.json', 'rules/producer-acks-zero.md', 'README.md']) {
      expect(files).toContain(needed);
    }
  });

  it.runIf(INTEGRATIONS)('packed, installed into an empty project, `npx kafkalint` prints findings and exits 1', () => {
    // From a fresh snapshot, so the tarball is built by the package's own scripts, not from this checkout's dist.
    const source = snapshotRepository();
    execFileSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: source, stdio: 'ignore' });
    const packDir = mkdtempSync(join(tmpdir(), 'kafkalint-pack-'));
    execFileSync('npm', ['pack', '--pack-destination', packDir], { cwd: source, stdio: 'ignore' });
    const [tarball] = readdirSync(packDir).filter((name) => name.endsWith('.tgz'));

    const project = mkdtempSync(join(tmpdir(), 'kafkalint-user-'));
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'user-project', private: true }));
    execFileSync('npm', ['install', '--no-audit', '--no-fund', join(packDir, tarball)], { cwd: project, stdio: 'ignore' });
    expect(readdirSync(join(project, 'node_modules'))).not.toContain('vitest');
    writeFileSync(join(project, 'producer.properties'), 'bootstrap.servers=localhost:9092\nacks=0\n');

    const run = spawnSync('npx', ['--no-install', 'kafkalint', '--format', 'compact', 'producer.properties'], { cwd: project, encoding: 'utf8', timeout: 60_000 });
    expect(run.stdout).toContain('producer.properties:2:1: error Producer does not wait for the broker to acknowledge records');
    expect(run.status).toBe(1);
  });
});
