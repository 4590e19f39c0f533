// Host names in `bootstrap.servers` and listener URLs, and whether they stay on this machine. Security rules judge a
// plaintext connection by where it goes: to loopback it never crosses a network, to any other host it may.

/**
 * The host of one address as written in `bootstrap.servers` or a listener: `kafka-1:9092`, `SASL_SSL://k:9093`,
 * `[::1]:9092`, `http://127.0.0.1:9092`. Returns `''` for an empty host (`PLAINTEXT://:9092`) and undefined when the
 * text is not an address at all (a template token such as `{0}` or `KAFKA_BOOTSTRAP_SERVERS`).
 */
export function hostOfAddress(address: string): string | undefined {
  let text = address.trim();
  const scheme = /^[A-Za-z][A-Za-z0-9+._-]*:\/\//.exec(text);
  if (scheme) text = text.slice(scheme[0].length);
  text = text.replace(/\/.*$/, '');
  if (text.startsWith('[')) {
    const end = text.indexOf(']');
    if (end < 0) return undefined;
    const host = text.slice(1, end);
    return /^[0-9A-Fa-f:.]+$/.test(host) ? host.toLowerCase() : undefined;
  }
  const colons = (text.match(/:/g) ?? []).length;
  // A bare IPv6 address (`::1`) has several colons and no port we could split off.
  if (colons > 1) return /^[0-9A-Fa-f:.]+$/.test(text) ? text.toLowerCase() : undefined;
  const host = colons === 1 ? text.slice(0, text.indexOf(':')) : text;
  if (colons === 1 && !/^\d*$/.test(text.slice(text.indexOf(':') + 1))) return undefined;
  // Host names are letters, digits, dots and hyphens (RFC 1123). An underscore marks a template token, not a host.
  if (!/^[A-Za-z0-9.-]*$/.test(host)) return undefined;
  // Without a port and in capitals, a word is more likely a token a script replaces than a host.
  if (colons === 0 && /^[A-Z0-9-]+$/.test(host) && /[A-Z]/.test(host)) return undefined;
  return host.toLowerCase();
}

/** True for hosts that name this machine's loopback interface: `localhost`, `*.localhost`, 127.0.0.0/8, `::1`. */
export function isLoopbackHost(host: string): boolean {
  const lower = host.toLowerCase();
  return (
    lower === 'localhost' ||
    lower.endsWith('.localhost') ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(lower) ||
    lower === '::1' ||
    lower === '0:0:0:0:0:0:0:1'
  );
}

/**
 * The unspecified addresses `0.0.0.0` and `::`. A listener bound to them accepts connections on every interface;
 * a client connecting to them reaches the local machine; Kafka refuses them as advertised hosts.
 */
export function isUnspecifiedAddress(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '0:0:0:0:0:0:0:0';
}

/** True when a client connecting to this host stays on this machine. */
export function isLocalConnectTarget(host: string): boolean {
  return isLoopbackHost(host) || isUnspecifiedAddress(host);
}

/** The hosts a bootstrap list names, leaving out entries that are not addresses or have no host. */
export function bootstrapHosts(entries: string[]): string[] {
  return entries.map(hostOfAddress).filter((host): host is string => host !== undefined && host !== '');
}

/**
 * True for an IPv4 literal outside the private (RFC 1918), loopback, link-local, shared (RFC 6598) and unspecified
 * ranges: an address on the public internet. Host names are never called public; DNS decides that at run time.
 */
export function isPublicIpv4Address(host: string): boolean {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!match) return false;
  const [a, b] = [Number(match[1]), Number(match[2])];
  if (a === 0 || a === 10 || a === 127) return false;
  if (a === 169 && b === 254) return false;
  if (a === 172 && b >= 16 && b <= 31) return false;
  if (a === 192 && b === 168) return false;
  if (a === 100 && b >= 64 && b <= 127) return false;
  return a < 224;
}
