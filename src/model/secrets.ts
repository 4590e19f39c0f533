// Which settings carry secrets, and which values are placeholders rather than secrets.
// Secret values never reach output: rules do not interpolate them, code frames mask them, and the CLI scrubs every
// known secret value from whatever a formatter produced (report/redact.ts).

/** Keys whose values are secrets: JAAS configs, passwords, private keys, OAuth client secrets, SR credentials. */
export function isSecretKey(key: string): boolean {
  const lower = key.toLowerCase();
  // `basic.auth.credentials.source` and cp-kafka's `KAFKA_SSL_*_CREDENTIALS` name where a secret comes from, not the
  // secret itself.
  if (/credentials[._]source$/.test(lower) || /^kafka_ssl_.*_credentials$/.test(lower)) return false;
  return (
    lower.endsWith('sasl.jaas.config') ||
    /password|passwd|secret|credentials|user\.info|api[._-]?key/.test(lower) ||
    /(^|\.)ssl\.key(store)?\.(pem|key|password)$/.test(lower) ||
    lower === 'ssl.key.pem' ||
    lower === 'ssl.keystore.key' ||
    lower === 'ssl_key' ||
    lower === 'ssl.key'
  );
}

const PLACEHOLDER_PATTERNS: RegExp[] = [
  /\$\{[^}]*\}/, // ${KAFKA_PASSWORD}, ${env:X}, ${file:/secrets:key}
  /\{\{[^}]*\}\}/, // {{ .Values.pw }}
  /^<[^<>]+>$/, // <PASSWORD>
  /<[A-Za-z_ -]*(password|secret|key|token|api)[A-Za-z_ -]*>/i, // password="<your-password>"
  /^\$[A-Z_][A-Z0-9_]*$/, // $KAFKA_PASSWORD (shell expansion in env files)
  /^%[A-Z_][A-Z0-9_]*%$/, // %PASSWORD% (Windows)
  /^process\.env\.[A-Za-z_$][\w$]*$/, // process.env.KAFKA_PASSWORD (JS/TS code reads it at run time)
  /^([A-Z][A-Z0-9]*_)*(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY)(_[A-Z0-9]+)*$/, // KAFKA_PASSWORD, a token a script replaces (sed)
];

/** Masks that stand for a secret only where a secret is expected: `*` is a wildcard in any other key. */
const MASK_PATTERNS: RegExp[] = [/^x{3,}$/i, /^\*+$/];

/**
 * True for values that stand for something supplied elsewhere: these are neither hard-coded credentials nor
 * values a rule can judge. Masks (`****`, `XXXX`) count only for secret keys, so `trusted.packages=*` is a value.
 */
export function isPlaceholder(value: string, key?: string): boolean {
  const text = value.trim();
  if (MASK_PATTERNS.some((pattern) => pattern.test(text))) return key === undefined || isSecretKey(key);
  return PLACEHOLDER_PATTERNS.some((pattern) => pattern.test(text));
}

/** The password options inside a JAAS config string (`password="s3cret"`, `clientSecret='…'`). */
export function jaasSecretValues(jaas: string): string[] {
  const values: string[] = [];
  const option = /\b(password|clientSecret|client_secret|secret|user_[A-Za-z0-9_-]+)\s*=\s*("([^"]*)"|'([^']*)'|([^\s;]+))/gi;
  for (const match of jaas.matchAll(option)) {
    const value = match[3] ?? match[4] ?? match[5] ?? '';
    if (value !== '') values.push(value);
  }
  return values;
}

/** The literal secrets a setting holds, placeholders excluded; used for findings and for scrubbing output. */
export function literalSecretsOf(key: string, raw: string): string[] {
  if (!isSecretKey(key)) return [];
  const candidates = key.toLowerCase().endsWith('sasl.jaas.config') ? jaasSecretValues(raw) : [raw.trim()];
  return candidates.filter((value) => value !== '' && !isPlaceholder(value));
}

/** What output shows instead of a secret. */
export const REDACTED = '****';
