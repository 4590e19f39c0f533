// `kafkalint rules` and `kafkalint explain <rule-id>`.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../engine/package-root.js';
import { builtInRules } from '../engine/registry.js';
import { docsUrl } from '../engine/rule.js';
import { closestMatch } from './did-you-mean.js';
import { UsageError } from './io.js';

export async function listRules(format: 'text' | 'json'): Promise<string> {
  const rules = [...(await builtInRules()).values()];
  if (format === 'json') {
    const described = rules.map((rule) => ({
      id: rule.id,
      category: rule.meta.category,
      defaultSeverity: rule.meta.defaultSeverity,
      description: rule.meta.description,
      inputs: rule.meta.inputs,
      docsUrl: docsUrl(rule.id),
    }));
    return `${JSON.stringify(described, null, 2)}\n`;
  }
  const idWidth = Math.max(...rules.map((rule) => rule.id.length));
  const lines = rules.map((rule) => `${rule.id.padEnd(idWidth)}  ${rule.meta.defaultSeverity.padEnd(7)}  ${rule.meta.category.padEnd(15)}  ${rule.meta.description}`);
  return `${lines.join('\n')}\n\n${rules.length} rules. \`kafkalint explain <rule-id>\` shows a rule's page.\n`;
}

export async function explainRule(ruleId: string): Promise<string> {
  const rules = await builtInRules();
  if (!rules.has(ruleId)) {
    const suggestion = closestMatch(ruleId, rules.keys());
    throw new UsageError(`unknown rule "${ruleId}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; \`kafkalint rules\` lists them`);
  }
  return readFileSync(join(packageRoot(), 'rules', `${ruleId}.md`), 'utf8');
}
