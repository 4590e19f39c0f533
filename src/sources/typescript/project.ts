// The code files of one run: parsed on demand (again only when a parse was let go, see KEPT_MODULES), with relative
// imports resolved to files of the run.

import type { SourceContext } from '../source-context.js';
import { loadParser, parseModuleWith, type ParsedModule, type ParserModules } from './parse-module.js';

const CODE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** How deep relative imports are followed from a Kafka module: config objects live one or two modules away. */
const MAX_IMPORT_DEPTH = 3;

/**
 * How many parsed modules are kept between files. Memory on a 5,000-file monorepo: a parsed module (AST with
 * locations, ranges and parent links, plus its scope analysis) holds ~0.4 MB, and keeping every module the run parses
 * alive until the end grew the live heap by ~75 MB for ~200 modules, in proportion to the Kafka code in the
 * repository. A file's analysis only needs its own module and the modules it imports, which are parsed just before it
 * and sit next to it in the walk's order, so a small least-recently-used set keeps nearly every reuse; a module asked
 * for after it was let go is parsed again (same text, same tree).
 */
const KEPT_MODULES = 32;

function normalise(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

/** The file a relative specifier (`./kafka-config`, `../config.js`) names, among the files `exists` knows. */
export function resolveRelativeImport(fromFile: string, specifier: string, exists: (path: string) => boolean): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const folder = fromFile.includes('/') ? fromFile.slice(0, fromFile.lastIndexOf('/') + 1) : '';
  const base = normalise(folder + specifier);
  const withoutJsExtension = base.replace(/\.(js|jsx|mjs|cjs)$/, '');
  const candidates = [base, ...CODE_EXTENSIONS.map((extension) => withoutJsExtension + extension), ...CODE_EXTENSIONS.map((extension) => `${base}/index${extension}`)];
  return candidates.find(exists);
}

/** A relative import of a module and the file of the run it resolved to (none: no such file). */
export interface ResolvedImport {
  specifier: string;
  resolved: string | undefined;
}

export class CodeProject {
  /**
   * Every module loaded so far: true once it parsed, false when it did not. Which modules a file's analysis can see
   * depends only on this (not on which parses are still kept), so letting parses go never changes a finding.
   */
  private readonly loaded = new Map<string, boolean>();
  /** The parses still held, least recently used first (a Map iterates in insertion order). */
  private readonly kept = new Map<string, ParsedModule>();
  private parser: ParserModules | undefined;
  /** Each parsed module's relative imports: a few strings per module, kept when its parse is let go. */
  private readonly importLists = new Map<string, ResolvedImport[]>();

  constructor(private readonly context: SourceContext) {}

  static of(context: SourceContext): CodeProject {
    let project = context.caches.get('typescript') as CodeProject | undefined;
    if (!project) context.caches.set('typescript', (project = new CodeProject(context)));
    return project;
  }

  /** The file a relative specifier (`./kafka-config`, `../config.js`) names, among the run's files. */
  resolveImport(fromFile: string, specifier: string): string | undefined {
    return resolveRelativeImport(fromFile, specifier, (candidate) => this.context.files.has(candidate));
  }

  /**
   * The relative imports of a module parsed in this run (whatever its depth), or undefined when it was not parsed.
   * The facts cache uses them to know which files a Kafka module's facts depend on.
   */
  importsOf(file: string): readonly ResolvedImport[] | undefined {
    return this.importLists.get(file);
  }

  /** The parsed module, or undefined when it is not a file of the run or does not parse (reported elsewhere). */
  parsed(file: string): ParsedModule | undefined {
    if (this.loaded.get(file) !== true) return undefined;
    let module = this.kept.get(file);
    if (module) {
      this.kept.delete(file);
    } else {
      // Let go between files and asked for again: it parsed before, so it parses again, synchronously.
      module = parseModuleWith(this.parser!, file, this.context.files.get(file)!);
    }
    this.kept.set(file, module);
    return module;
  }

  /** Parse a file and, to a bounded depth, the modules it imports by relative path. */
  async load(file: string, depth = 0): Promise<ParsedModule> {
    // Parses are let go only here, before a file's analysis starts: during one analysis every parsed() call for a
    // module returns the same object, whose nodes the analysis compares and keys maps by.
    if (depth === 0) this.letGoBeyond(KEPT_MODULES);
    const existing = this.parsed(file);
    if (existing) return existing;
    const text = this.context.files.get(file);
    if (text === undefined) throw new Error(`not a file of this run: ${file}`);
    this.context.stats.typescriptParserLoaded = true;
    this.context.stats.codeFilesParsed.push(file);
    this.parser ??= await loadParser();
    const parsed = parseModuleWith(this.parser, file, text);
    this.loaded.set(file, true);
    this.kept.set(file, parsed);
    const imports: ResolvedImport[] = [];
    for (const statement of parsed.ast.body) {
      if (statement.type !== 'ImportDeclaration' && statement.type !== 'ExportNamedDeclaration' && statement.type !== 'ExportAllDeclaration') continue;
      const specifier = statement.source?.value;
      if (typeof specifier === 'string' && specifier.startsWith('.')) imports.push({ specifier, resolved: this.resolveImport(file, specifier) });
    }
    this.importLists.set(file, imports);
    if (depth < MAX_IMPORT_DEPTH) {
      for (const { resolved: target } of imports) {
        if (!target || this.loaded.has(target)) continue;
        try {
          await this.load(target, depth + 1);
        } catch {
          // A module that does not parse only loses us its values; its own parse error is reported when it is linted.
          this.loaded.set(target, false);
        }
      }
    }
    return parsed;
  }

  private letGoBeyond(limit: number): void {
    for (const file of this.kept.keys()) {
      if (this.kept.size <= limit) return;
      this.kept.delete(file);
    }
  }
}
