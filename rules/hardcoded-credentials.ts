import { defineRule } from '../src/engine/rule.js';
import { formatLocation } from '../src/model/resolve.js';
import { isSecretKey, literalSecretsOf } from '../src/model/secrets.js';
import { configFacts, distinctSettings } from '../src/model/setting-occurrences.js';
import type { Setting } from '../src/model/types.js';

/**
 * Keys that look secret by name but hold a reference, not the secret: `basic.auth.credentials.source` names where
 * Schema Registry credentials come from (URL, USER_INFO, SASL_INHERIT), and the Confluent images'
 * `KAFKA_SSL_*_CREDENTIALS` name a file under /etc/kafka/secrets that holds the password.
 */
function holdsReferenceOnly(name: string): boolean {
  return /credentials[._]source$/i.test(name) || /ssl[._](key|keystore|truststore)[._]credentials$/i.test(name);
}

/** The key whose conventions decide what in the value is secret: the canonical one, else the spelling as written. */
function secretKeyOf(setting: Setting): string | undefined {
  if (holdsReferenceOnly(setting.key) || holdsReferenceOnly(setting.writtenAs)) return undefined;
  if (isSecretKey(setting.key)) return setting.key;
  return isSecretKey(setting.writtenAs) ? setting.writtenAs : undefined;
}

function isJaasKey(key: string): boolean {
  return key.toLowerCase().endsWith('sasl.jaas.config');
}

// Messages name the key and never the value: findings end up in CI logs, SARIF uploads and pull-request comments.
export default defineRule({
  id: 'hardcoded-credentials',
  meta: {
    category: 'security',
    defaultSeverity: 'error',
    description: 'A password, secret or key is written literally in a secret-bearing setting instead of being supplied at run time.',
    messages: {
      literalSecret:
        '{{key}}{{writtenAs}} holds a literal secret ({{where}}). Everyone who can read this repository or its history can use it, and changing it needs a commit and a redeploy.',
      literalJaasSecret:
        '{{key}}{{writtenAs}} holds {{count}} in its JAAS options ({{where}}). Everyone who can read this repository or its history can use it, and changing it needs a commit and a redeploy.',
    },
    help: 'Supply the secret at run time — an environment variable or secret store through a placeholder (${KAFKA_PASSWORD}, a Kafka config provider such as ${file:/etc/kafka/secrets.properties:password}, a Kubernetes Secret) — and rotate the one committed here.',
    inputs: ['properties', 'yaml', 'json', 'env', 'code'],
  },
  check({ model, report }) {
    for (const { setting, fact } of distinctSettings(configFacts(model))) {
      if (setting.placeholder) continue;
      const key = secretKeyOf(setting);
      if (!key) continue;
      const secrets = literalSecretsOf(key, setting.raw);
      if (secrets.length === 0) continue;
      const jaas = isJaasKey(key);
      report({
        messageId: jaas ? 'literalJaasSecret' : 'literalSecret',
        data: {
          key: setting.key,
          writtenAs: setting.writtenAs.trim() !== setting.key ? ` (written as ${setting.writtenAs.trim()})` : '',
          count: secrets.length === 1 ? 'a literal password or secret' : `${secrets.length} literal passwords or secrets`,
          where: `set at ${formatLocation(setting.location)}`,
        },
        location: setting.location,
        subject: fact,
        origin: { kind: 'explicit' },
        fingerprintKey: setting.key,
      });
    }
  },
});
