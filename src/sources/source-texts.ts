// The texts of a run's files, by display path. A code file that does not contain "kafka" anywhere can yield no facts
// (it imports no Kafka client) and hold no suppression comment (`kafkalint-…`), so discovery does not keep its text:
// it is "deferred", known by path and read again from disk only if a Kafka module imports it (a config object one
// module away). On a 5,000-file monorepo that is most of the files and most of the bytes, and holding every text for
// the whole run was a fifth of its peak memory.
//
// A SourceTexts is a Map of the texts it holds. `has` and `get` also answer for deferred files (`get` reads the file
// and holds its text from then on); iterating yields only the texts held, which are all the texts that can contain
// facts or suppression comments.

/** Whether a text can matter to kafkalint: every client module name and every suppression comment contains this. */
export function mentionsKafka(text: string): boolean {
  return text.includes('kafka');
}

export class SourceTexts extends Map<string, string> {
  private readonly deferred = new Map<string, () => string | undefined>();

  /** A file known by path whose text is read only when asked for; `read` returns undefined when it cannot. */
  defer(path: string, read: () => string | undefined): void {
    if (!super.has(path)) this.deferred.set(path, read);
  }

  override has(path: string): boolean {
    return super.has(path) || this.deferred.has(path);
  }

  override get(path: string): string | undefined {
    const held = super.get(path);
    if (held !== undefined) return held;
    const read = this.deferred.get(path);
    if (!read) return undefined;
    const text = read();
    if (text === undefined) return undefined;
    this.deferred.delete(path);
    super.set(path, text);
    return text;
  }

  /** Every file of the run, held or deferred. */
  get fileCount(): number {
    return this.size + this.deferred.size;
  }
}
