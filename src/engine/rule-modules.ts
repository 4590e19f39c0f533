// Where the built-in rule modules come from. Running from source or from the tsc build, they are found by listing
// rules/ (adding a rule is adding its files, with no index to keep in step). The bundled CLI (scripts/build.mjs)
// replaces this module with a generated one that imports every rule statically, because loading one file is much
// faster than resolving and loading sixty: start-up time is the pre-commit hook's budget.

import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface RuleModule {
  /** File name in rules/, e.g. `producer-acks-one.ts`. */
  fileName: string;
  module: { default?: unknown };
}

// From src/engine (source) and from dist/src/engine (built) alike, the compiled or source rules sit at ../../rules.
const RULES_DIRECTORY = new URL('../../rules/', import.meta.url);

export function isRuleModuleName(name: string): boolean {
  return /^[a-z0-9]+(-[a-z0-9]+)*\.(ts|js)$/.test(name) && !name.endsWith('.d.ts');
}

export async function loadRuleModules(): Promise<RuleModule[]> {
  const directory = fileURLToPath(RULES_DIRECTORY);
  const names = readdirSync(directory).filter(isRuleModuleName).sort();
  const modules: RuleModule[] = [];
  for (const fileName of names) modules.push({ fileName, module: (await import(pathToFileURL(`${directory}${fileName}`).href)) as RuleModule['module'] });
  return modules;
}
