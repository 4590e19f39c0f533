import { defineRule } from '../src/engine/rule.js';
import { describeOrigin } from '../src/model/resolve.js';
import { configFacts, distinctSettings } from '../src/model/setting-occurrences.js';
import type { Setting } from '../src/model/types.js';

const KEY = 'enable.ssl.certificate.verification';

/** librdkafka's switch (CONFIGURATION.md): `false` skips verification of the broker's certificate chain. */
function disablesLibrdkafkaVerification(setting: Setting): boolean {
  if (setting.key !== KEY && !setting.key.endsWith(`.${KEY}`)) return false;
  return setting.value === false || setting.raw.trim().toLowerCase() === 'false';
}

/** Node.js: "If value equals '0', certificate validation is disabled for TLS connections" (Node CLI docs). */
function disablesNodeVerification(setting: Setting): boolean {
  const name = /^NODE_TLS_REJECT_UNAUTHORIZED$/i;
  return (name.test(setting.writtenAs.trim()) || name.test(setting.key)) && setting.raw.trim() === '0';
}

export default defineRule({
  id: 'tls-cert-verification-disabled',
  meta: {
    category: 'security',
    defaultSeverity: 'error',
    description: 'The client does not verify the broker certificate, so any certificate — self-signed or forged — is accepted.',
    messages: {
      librdkafkaVerificationOff:
        '{{key}}=false ({{origin}}): the client accepts any certificate the broker presents, self-signed or forged. TLS still encrypts, but to whoever answers, so a machine in the middle can read and change the traffic and collect SASL credentials.',
      nodeVerificationOff:
        '{{writtenAs}}=0 ({{origin}}) turns off certificate verification for every TLS connection the Node.js process makes, Kafka included. Any certificate is accepted, so a machine in the middle can read and change the traffic.',
    },
    help: 'Remove the override and trust the broker CA instead (ssl.ca.location for librdkafka, ssl.ca / NODE_EXTRA_CA_CERTS for Node.js).',
    inputs: ['properties', 'yaml', 'json', 'env', 'code'],
  },
  check({ model, report }) {
    for (const { setting, fact } of distinctSettings(configFacts(model))) {
      if (setting.placeholder) continue;
      const librdkafka = disablesLibrdkafkaVerification(setting);
      if (!librdkafka && !disablesNodeVerification(setting)) continue;
      report({
        messageId: librdkafka ? 'librdkafkaVerificationOff' : 'nodeVerificationOff',
        data: {
          key: setting.key,
          writtenAs: setting.writtenAs,
          origin: describeOrigin({ key: setting.key, value: setting.value, origin: { kind: 'explicit' }, setting }),
        },
        location: setting.location,
        subject: fact,
        origin: { kind: 'explicit' },
        fingerprintKey: librdkafka ? setting.key : 'NODE_TLS_REJECT_UNAUTHORIZED',
      });
    }
  },
});
