// Files shipped beside the code (rule pages, schemas) are found from the package root, which is two levels up from
// src/engine when running from source and three levels up from dist/src/engine when built.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cachedRoot: string | undefined;

export function packageRoot(): string {
  if (cachedRoot) return cachedRoot;
  let directory = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(directory, 'package.json'))) {
    const parent = dirname(directory);
    if (parent === directory) throw new Error('kafkalint: cannot find its own package.json');
    directory = parent;
  }
  cachedRoot = directory;
  return directory;
}
