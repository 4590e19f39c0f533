// Runs the real CLI in-process with captured output, in a temporary folder of the test's files.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCli } from '../../src/cli/main.js';

export interface CliRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  cwd: string;
}

export function writeTree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'kafkalint-test-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

export async function runInTree(argv: string[], files: Record<string, string> = {}, stdin = '', cwd?: string): Promise<CliRun> {
  const root = cwd ?? writeTree(files);
  let stdout = '';
  let stderr = '';
  const exitCode = await runCli(argv, {
    cwd: root,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    readStdin: async () => stdin,
    isTTY: false,
    env: {},
  });
  return { exitCode, stdout, stderr, cwd: root };
}
