// Server side of the SASL mechanisms the test broker offers: PLAIN (RFC 4616) and SCRAM-SHA-256/512 (RFC 5802, RFC 7677;
// Kafka's KIP-84 uses them without channel binding).

import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';

export type SaslMechanism = 'PLAIN' | 'SCRAM-SHA-256' | 'SCRAM-SHA-512';

export interface SaslStep {
  /** true: authenticated; false: refused; null: the client must send another token. */
  outcome: boolean | null;
  reply: Buffer;
}

/** One authentication attempt on one connection: feed it each client token in turn. */
export interface SaslExchange {
  step(token: Buffer): SaslStep;
}

const REFUSED: SaslStep = { outcome: false, reply: Buffer.alloc(0) };

function plainExchange(users: Record<string, string>): SaslExchange {
  return {
    step(token) {
      const [, user = '', password] = token.toString('utf8').split('\0');
      const ok = Object.hasOwn(users, user) && users[user] === password;
      return { outcome: ok, reply: Buffer.alloc(0) };
    },
  };
}

const SCRAM_ITERATIONS = 4096; // Kafka's minimum for SCRAM credentials

function scramExchange(hash: 'sha256' | 'sha512', users: Record<string, string>): SaslExchange {
  const hmac = (key: Buffer, text: string) => createHmac(hash, key).update(text).digest();
  let expect: 'client-first' | 'client-final' | 'done' = 'client-first';
  let clientFirstBare = '';
  let serverFirst = '';
  let nonce = '';
  let user = '';
  let salt = Buffer.alloc(0);

  function attributes(message: string): Map<string, string> {
    return new Map(message.split(',').map((part) => [part.slice(0, 1), part.slice(2)]));
  }

  return {
    step(token) {
      const message = token.toString('utf8');
      if (expect === 'client-first') {
        // gs2 header "n,," (no channel binding, no authzid) then "n=user,r=client-nonce".
        clientFirstBare = message.replace(/^[ny],[^,]*,/, '');
        const attrs = attributes(clientFirstBare);
        user = (attrs.get('n') ?? '').replace(/=2C/g, ',').replace(/=3D/g, '=');
        nonce = `${attrs.get('r') ?? ''}${randomBytes(12).toString('base64')}`;
        salt = createHash('sha256').update(`salt:${user}`).digest().subarray(0, 16);
        serverFirst = `r=${nonce},s=${salt.toString('base64')},i=${SCRAM_ITERATIONS}`;
        expect = 'client-final';
        return { outcome: null, reply: Buffer.from(serverFirst) };
      }
      if (expect !== 'client-final') return REFUSED;
      expect = 'done';
      const attrs = attributes(message);
      const password = users[user];
      // Kafka's ScramSaslServer accepts a final nonce that ENDS with its own: librdkafka 2.0 sends client nonce + server nonce.
      if (!(attrs.get('r') ?? '').endsWith(nonce) || password === undefined || !Object.hasOwn(users, user)) return REFUSED;
      const saltedPassword = pbkdf2Sync(password, salt, SCRAM_ITERATIONS, hash === 'sha256' ? 32 : 64, hash);
      const clientKey = hmac(saltedPassword, 'Client Key');
      const storedKey = createHash(hash).update(clientKey).digest();
      const authMessage = `${clientFirstBare},${serverFirst},${message.replace(/,p=[^,]*$/, '')}`;
      const signature = hmac(storedKey, authMessage);
      const proof = Buffer.from(attrs.get('p') ?? '', 'base64');
      if (proof.length !== signature.length) return REFUSED;
      const claimedClientKey = Buffer.from(proof.map((byte, i) => byte ^ signature[i]!));
      const claimedStoredKey = createHash(hash).update(claimedClientKey).digest();
      if (!timingSafeEqual(claimedStoredKey, storedKey)) return REFUSED;
      const serverSignature = hmac(hmac(saltedPassword, 'Server Key'), authMessage);
      return { outcome: true, reply: Buffer.from(`v=${serverSignature.toString('base64')}`) };
    },
  };
}

export function saslExchange(mechanism: SaslMechanism, users: Record<string, string>): SaslExchange {
  if (mechanism === 'PLAIN') return plainExchange(users);
  return scramExchange(mechanism === 'SCRAM-SHA-256' ? 'sha256' : 'sha512', users);
}

/** The message Kafka's SaslServerAuthenticator sends for bad credentials. */
export function authenticationFailedMessage(mechanism: SaslMechanism): string {
  return mechanism === 'PLAIN'
    ? 'Authentication failed: Invalid username or password'
    : `Authentication failed during authentication due to invalid credentials with SASL mechanism ${mechanism}`;
}
