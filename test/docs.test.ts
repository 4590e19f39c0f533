// The README's promises: its first lines are the two commands a newcomer runs, CI runs exactly its test command, and
// its rule list names every built-in rule.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtInRules } from '../src/engine/registry.js';

const readme = readFileSync('README.md', 'utf8');

describe('README', () => {
  it('opens with the demo command and the test command', () => {
    const firstBlock = readme.split('```')[1];
    expect(firstBlock).toContain('node bin/kafkalint.js examples/shop');
    expect(firstBlock).toContain('npm ci && npm test');
  });

  it('is what CI runs', () => {
    expect(readFileSync('.ci/run', 'utf8')).toMatch(/^npm ci && npm test$/m);
  });

  it('lists every rule with a link to its page', async () => {
    for (const id of (await builtInRules()).keys()) expect(readme).toContain(`[${id}](rules/${id}.md)`);
  });
});
