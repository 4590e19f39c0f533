// What the CLI needs from its process, passed in so that tests run the real CLI in-process.

export interface CliIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<string>;
  /** Whether stdout is a terminal (colours on by default). */
  isTTY: boolean;
  /** Environment variables (NO_COLOR, FORCE_COLOR). */
  env: Record<string, string | undefined>;
}

/** A mistake of the user's (unknown flag, format, rule, missing path): one line on stderr, exit code 2. */
export class UsageError extends Error {}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
