// What an extractor may know beyond its own file: the other files of the run (a TS module imports a config object
// from another module) and counters that `--stats` prints.

export interface RunStats {
  filesRead: number;
  /** Code files that passed the prefilter and were parsed (the others were only scanned for module names). */
  codeFilesParsed: string[];
  /** Whether the TypeScript parser was loaded at all in this run. */
  typescriptParserLoaded: boolean;
}

export interface SourceContext {
  /** Every file of the run by its display path. */
  files: ReadonlyMap<string, string>;
  stats: RunStats;
  /** Per-run caches owned by one source (e.g. parsed modules), keyed by the source's name. */
  caches: Map<string, unknown>;
}

export function newSourceContext(files: ReadonlyMap<string, string>): SourceContext {
  return { files, stats: { filesRead: files.size, codeFilesParsed: [], typescriptParserLoaded: false }, caches: new Map() };
}
