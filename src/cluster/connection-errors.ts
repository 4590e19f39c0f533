// A failed connection becomes one line that names the cause: the user must see at once whether the host is wrong,
// the port closed, the password wrong or the cluster too slow.

function chain(error: unknown): Array<{ name: string; message: string; code?: string }> {
  const links: Array<{ name: string; message: string; code?: string }> = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const link = current as { name?: string; message?: string; code?: string; cause?: unknown; originalError?: unknown };
    links.push({ name: link.name ?? 'Error', message: link.message ?? String(current), code: link.code });
    current = link.cause ?? link.originalError;
  }
  return links;
}

export class AuditTimeoutError extends Error {}

/** The cause of a failed audit in a few words, then kafkajs' own message for the details. */
export function describeConnectionFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof AuditTimeoutError) return `timed out after ${timeoutMs} ms`;
  const links = chain(error);
  const text = links.map((link) => `${link.name} ${link.code ?? ''} ${link.message}`).join(' ');
  const detail = links[0].message;
  if (/SASLAuthentication|SASL_AUTHENTICATION_FAILED|Authentication failed|ILLEGAL_SASL_STATE|UNSUPPORTED_SASL_MECHANISM/i.test(text)) return `authentication failed: ${detail}`;
  if (/ECONNREFUSED/.test(text)) return `connection refused: ${detail}`;
  if (/ENOTFOUND|EAI_AGAIN|getaddrinfo/.test(text)) return `host name could not be resolved (DNS): ${detail}`;
  if (/SSL|TLS|certificate|EPROTO|wrong version number/i.test(text)) return `TLS handshake failed: ${detail}`;
  if (/timeout|timed out|ETIMEDOUT/i.test(text)) return `timed out after ${timeoutMs} ms: ${detail}`;
  if (/Connection error|ECONNRESET|Closed connection|socket/i.test(text)) return `connection failed: ${detail}`;
  return detail;
}
