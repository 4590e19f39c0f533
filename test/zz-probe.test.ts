import { it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { lintFiles } from './support/lint-harness.js';
it('probe', async () => {
  const dir = process.env.PROBE_DIR!;
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir)) files[name] = readFileSync(`${dir}/${name}`, 'utf8');
  const { findings } = await lintFiles(files);
  for (const f of findings) if (/consumer|auto-commit|parse/.test(f.ruleId)) console.log(`${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.message}`);
});
