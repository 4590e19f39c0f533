// The code files of one run: parsed on demand, once each, with relative imports resolved to files of the run.

import type { SourceContext } from '../source-context.js';
import { parseModule, type ParsedModule } from './parse-module.js';

const CODE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** How deep relative imports are followed from a Kafka module: config objects live one or two modules away. */
const MAX_IMPORT_DEPTH = 3;

function normalise(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

export class CodeProject {
  private readonly modules = new Map<string, ParsedModule | null>();

  constructor(private readonly context: SourceContext) {}

  static of(context: SourceContext): CodeProject {
    let project = context.caches.get('typescript') as CodeProject | undefined;
    if (!project) context.caches.set('typescript', (project = new CodeProject(context)));
    return project;
  }

  /** The file a relative specifier (`./kafka-config`, `../config.js`) names, among the run's files. */
  resolveImport(fromFile: string, specifier: string): string | undefined {
    if (!specifier.startsWith('.')) return undefined;
    const folder = fromFile.includes('/') ? fromFile.slice(0, fromFile.lastIndexOf('/') + 1) : '';
    const base = normalise(folder + specifier);
    const withoutJsExtension = base.replace(/\.(js|jsx|mjs|cjs)$/, '');
    const candidates = [base, ...CODE_EXTENSIONS.map((extension) => withoutJsExtension + extension), ...CODE_EXTENSIONS.map((extension) => `${base}/index${extension}`)];
    return candidates.find((candidate) => this.context.files.has(candidate));
  }

  /** The parsed module, or undefined when it is not a file of the run or does not parse (reported elsewhere). */
  parsed(file: string): ParsedModule | undefined {
    return this.modules.get(file) ?? undefined;
  }

  /** Parse a file and, to a bounded depth, the modules it imports by relative path. */
  async load(file: string, depth = 0): Promise<ParsedModule> {
    const existing = this.modules.get(file);
    if (existing) return existing;
    const text = this.context.files.get(file);
    if (text === undefined) throw new Error(`not a file of this run: ${file}`);
    this.context.stats.typescriptParserLoaded = true;
    this.context.stats.codeFilesParsed.push(file);
    const parsed = await parseModule(file, text);
    this.modules.set(file, parsed);
    if (depth < MAX_IMPORT_DEPTH) {
      for (const statement of parsed.ast.body) {
        if (statement.type !== 'ImportDeclaration' && statement.type !== 'ExportNamedDeclaration' && statement.type !== 'ExportAllDeclaration') continue;
        const specifier = statement.source?.value;
        const target = typeof specifier === 'string' ? this.resolveImport(file, specifier) : undefined;
        if (!target || this.modules.has(target)) continue;
        try {
          await this.load(target, depth + 1);
        } catch {
          // A module that does not parse only loses us its values; its own parse error is reported when it is linted.
          this.modules.set(target, null);
        }
      }
    }
    return parsed;
  }
}
