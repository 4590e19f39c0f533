// The README's snippets for the four places kafkalint runs, checked against what they describe, so they cannot go
// stale: the action's inputs and outputs, the pre-commit hook ids, the VS Code matcher; and the shipped matcher
// against every line `--format compact` prints for the demo repository.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runInTree } from '../support/run-cli.js';
import { PROJECT_ROOT } from './repo-snapshot.js';

interface ActionManifest {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
  runs: { using: string; main: string };
}

const README = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
const ACTION = parse(readFileSync(join(PROJECT_ROOT, 'action.yml'), 'utf8')) as ActionManifest;
const HOOKS = parse(readFileSync(join(PROJECT_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{ id: string; stages?: string[] }>;
const MATCHER = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'matchers/kafkalint-matcher.json'), 'utf8')) as {
  problemMatcher: Array<{ owner: string; pattern: Array<Record<string, string | number>> }>;
}).problemMatcher.find((matcher) => matcher.owner === 'kafkalint')!;

/** The README section under a `### heading`, up to the next heading of level 2 or 3. */
function section(heading: string): string {
  const start = README.indexOf(`\n### ${heading}\n`);
  expect(start, heading).toBeGreaterThan(0);
  const rest = README.slice(start + heading.length + 6);
  const end = rest.search(/\n##{1,2} /);
  return end === -1 ? rest : rest.slice(0, end);
}

function codeBlocks(text: string, language: string): string[] {
  return [...text.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((match) => match[1]);
}

describe('README: GitHub Action', () => {
  const text = section('GitHub Action');

  it('lists exactly the inputs of action.yml, with the same defaults', () => {
    const rows = text.split('\n').filter((line) => /^\| `[\w-]+` \|/.test(line));
    const listed = Object.fromEntries(rows.map((row) => {
      const [, name, defaultValue] = row.split('|').map((cell) => cell.trim());
      return [name.replace(/`/g, ''), defaultValue.replace(/`/g, '')];
    }));
    const declared = Object.fromEntries(Object.entries(ACTION.inputs).map(([name, input]) => [name, input.default ?? '']));
    expect(listed).toEqual(declared);
  });

  it('names every output, and the workflow uses only declared inputs and outputs', () => {
    for (const output of Object.keys(ACTION.outputs)) expect(text).toContain(`\`${output}\``);
    const [workflow] = codeBlocks(text, 'yaml');
    const steps = (parse(workflow) as { jobs: Record<string, { steps: Array<{ uses?: string; with?: Record<string, unknown> }> }> }).jobs.kafkalint.steps;
    const ours = steps.find((step) => step.uses?.startsWith('kafkalint/kafkalint@'))!;
    for (const input of Object.keys(ours.with ?? {})) expect(Object.keys(ACTION.inputs)).toContain(input);
    for (const [, output] of workflow.matchAll(/steps\.kafkalint\.outputs\.([\w-]+)/g)) expect(Object.keys(ACTION.outputs)).toContain(output);
    expect(ACTION.runs).toEqual({ using: 'node20', main: 'bin/kafkalint-action.js' });
  });
});

describe('README: pre-commit', () => {
  it('uses the hook ids that .pre-commit-hooks.yaml defines, the whole-repo one in the manual stage', () => {
    const [config] = codeBlocks(section('pre-commit'), 'yaml');
    const ids = (parse(config) as { repos: Array<{ hooks: Array<{ id: string }> }> }).repos[0].hooks.map((hook) => hook.id);
    expect(ids).toEqual(HOOKS.map((hook) => hook.id));
    expect(HOOKS.find((hook) => hook.id === 'kafkalint-all')?.stages).toEqual(['manual']);
  });
});

describe('README: VS Code', () => {
  const text = section('VS Code');

  it('tasks.json uses the shipped matcher pattern', () => {
    const tasks = JSON.parse(codeBlocks(text, 'json')[0]) as { tasks: Array<{ command: string; problemMatcher: { owner: string; pattern: Record<string, string | number> } }> };
    const [task] = tasks.tasks;
    expect(task.command).toContain('--format compact');
    expect(task.problemMatcher.owner).toBe(MATCHER.owner);
    expect(task.problemMatcher.pattern).toEqual(MATCHER.pattern[0]);
  });

  it('associates the config schema with every configuration file name', () => {
    const settings = JSON.parse(codeBlocks(text, 'json')[1]) as { 'yaml.schemas': Record<string, string[]> };
    expect(settings['yaml.schemas']).toEqual({
      './node_modules/kafkalint/schema/config.json': ['kafkalint.config.yaml', 'kafkalint.config.yml', '.kafkalint.yaml', '.kafkalint.yml'],
    });
  });
});

describe('problem matcher on the demo repository', () => {
  it('captures file, line, column, severity, message and rule id from every compact line of examples/shop', async () => {
    const shop = join(PROJECT_ROOT, 'examples/shop');
    const compact = await runInTree(['--format', 'compact', '.'], {}, '', shop);
    const json = await runInTree(['--format', 'json', '.'], {}, '', shop);
    const findings = (JSON.parse(json.stdout) as { findings: Array<{ file: string; line: number; column: number; severity: string; message: string; ruleId: string }> }).findings;
    const lines = compact.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(10);
    expect(lines).toHaveLength(findings.length);
    const pattern = MATCHER.pattern[0];
    const regexp = new RegExp(String(pattern.regexp));
    lines.forEach((line, index) => {
      const match = regexp.exec(line);
      expect(match, line).not.toBeNull();
      const finding = findings[index];
      expect({
        file: match![Number(pattern.file)],
        line: Number(match![Number(pattern.line)]),
        column: Number(match![Number(pattern.column)]),
        severity: match![Number(pattern.severity)],
        message: match![Number(pattern.message)],
        code: match![Number(pattern.code)],
      }).toEqual({
        file: finding.file,
        line: finding.line,
        column: finding.column,
        severity: finding.severity,
        message: finding.message.replace(/\s*(\r\n|\r|\n)\s*/g, ' ').trim(),
        code: finding.ruleId,
      });
    });
  });
});
