import { describe, expect, it } from 'vitest';
import { lintFiles } from '../support/lint-harness.js';
export function ruleTester(ruleId: string, cases: { valid: { name: string; files: Record<string, string> }[]; invalid: { name: string; files: Record<string, string> }[] }): void {
  describe(ruleId + ' strict', () => {
    for (const testCase of [...cases.valid, ...cases.invalid]) {
      it(testCase.name, async () => {
        const result = await lintFiles(testCase.files);
        expect(result.findings.filter((f) => f.ruleId === 'parse-error').map((f) => f.message)).toEqual([]);
        const handlers = result.model.clients.flatMap((c) => c.code?.handlers ?? []);
        if (!/outside any handler|no try|unhandled|listener|crash|restart|escape|export|CRASH|connect|run\(|never/i.test(testCase.name)) expect(handlers.length, 'handlers found').toBeGreaterThan(0);
      });
    }
  });
}
