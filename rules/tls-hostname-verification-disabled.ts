import { defineRule } from '../src/engine/rule.js';
import { describeOrigin } from '../src/model/resolve.js';
import { configFacts, distinctSettings } from '../src/model/setting-occurrences.js';
import type { Setting } from '../src/model/types.js';

const KEY = 'ssl.endpoint.identification.algorithm';

/** The key itself or a prefixed form of it (`listener.name.internal.…`, Connect's `producer.…`, `consumer.…`). */
function isEndpointIdentificationKey(key: string): boolean {
  return key === KEY || key.endsWith(`.${KEY}`);
}

/**
 * How the value turns verification off: empty or blank (the Java client's switch, KIP-294 made `https` the default
 * in Kafka 2.0), or `none` (librdkafka's switch; its default is `https` since v2.0.0).
 */
function disabledBy(setting: Setting): 'empty' | 'none' | undefined {
  if (setting.placeholder) return undefined;
  const text = setting.raw.trim();
  if (text === '') return 'empty';
  return text.toLowerCase() === 'none' ? 'none' : undefined;
}

export default defineRule({
  id: 'tls-hostname-verification-disabled',
  meta: {
    category: 'security',
    defaultSeverity: 'error',
    description: 'TLS hostname verification is turned off, so any certificate the trust store accepts passes for any broker.',
    messages: {
      emptyAlgorithm:
        '{{key}} is {{shown}} ({{origin}}), which turns off TLS hostname verification. The connection accepts a certificate issued for any host, so anyone holding one signed by a trusted CA can sit between {{who}} and read or change the traffic.',
      noneAlgorithm:
        '{{key}}=none ({{origin}}) turns off TLS hostname verification in librdkafka-based clients (the Java client does not accept `none`). A certificate issued for any host passes, so anyone holding one signed by a trusted CA can sit between {{who}} and read or change the traffic.',
    },
    help: 'Remove the setting (the default `https` verifies host names) and give the brokers certificates whose subject alternative names match the addresses clients use.',
    inputs: ['properties', 'yaml', 'json', 'env'],
  },
  check({ model, report }) {
    for (const { setting, fact } of distinctSettings(configFacts(model))) {
      if (!isEndpointIdentificationKey(setting.key)) continue;
      const how = disabledBy(setting);
      if (!how) continue;
      const origin = describeOrigin({ key: setting.key, value: setting.raw, origin: { kind: 'explicit' }, setting });
      report({
        messageId: how === 'empty' ? 'emptyAlgorithm' : 'noneAlgorithm',
        data: {
          key: setting.key,
          shown: setting.raw === '' ? 'empty' : `blank (${JSON.stringify(setting.raw)})`,
          origin,
          who: fact.kind === 'broker' ? 'this broker and the brokers and controllers it connects to' : 'the client and the broker',
        },
        location: setting.location,
        subject: fact,
        origin: { kind: 'explicit' },
        fingerprintKey: setting.key,
      });
    }
  },
});
