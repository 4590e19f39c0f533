import { defineRule } from '../src/engine/rule.js';
import { canonicalKey } from '../src/model/keys.js';
import { formatLocation, formatValue } from '../src/model/resolve.js';
import { isSecretKey } from '../src/model/secrets.js';
import { configFacts, locationKey } from '../src/model/setting-occurrences.js';
import type { Setting, SettingValue } from '../src/model/types.js';

/**
 * Which spellings of a key compete by file order. Flat spellings — the canonical key and its librdkafka aliases —
 * are one family: the later line wins. A prefixed spelling belongs to its prefix: Spring Boot's
 * `spring.kafka.producer.acks`, `spring.kafka.producer.properties.acks` and `spring.kafka.properties.acks` are
 * merged by scope (the properties map over typed properties, client-specific over common), not by line order, and
 * Bitnami reads `KAFKA_CFG_*` while Confluent images read `KAFKA_*`. Only settings of one family can shadow each
 * other silently by order, so only those are duplicates.
 */
function spellingFamily(setting: Setting): string {
  const written = setting.writtenAs.trim();
  if (canonicalKey(written) === setting.key) return '';
  const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');
  const spelled = squash(written);
  const key = squash(setting.key);
  return spelled.endsWith(key) ? spelled.slice(0, spelled.length - key.length) : spelled;
}

function shown(value: SettingValue): string {
  return Array.isArray(value) && value.length === 0 ? '""' : formatValue(value);
}

function sameValue(left: Setting, right: Setting): boolean {
  return JSON.stringify(left.value) === JSON.stringify(right.value);
}

export default defineRule({
  id: 'duplicate-setting',
  meta: {
    category: 'governance',
    defaultSeverity: 'warning',
    description: 'The same setting is written twice in one configuration, and the later one silently replaces the earlier.',
    messages: {
      overridden:
        '{{key}} is set a second time{{writtenAs}}: {{key}}={{later}} here replaces {{key}}={{earlier}} from {{earlierAt}}. Whoever reads or edits the earlier line sees a value that is not in effect.',
      repeated:
        '{{key}} is set a second time{{writtenAs}}, to the same value as at {{earlierAt}} ({{later}}). Only this line counts: a later edit to the earlier one would be silently ignored.',
      secretRepeated:
        '{{key}} is set a second time{{writtenAs}} (values not shown: it holds a secret). Only this line counts; the one at {{earlierAt}} is silently ignored, and whoever edits it changes nothing.',
    },
    help: 'Delete one of the two lines, keeping the value you mean.',
    inputs: ['properties', 'yaml', 'json', 'env'],
  },
  check({ model, report }) {
    const reported = new Set<string>();
    for (const fact of configFacts(model)) {
      // A client read from code gathers settings from several calls — the Kafka object's options and then the
      // client's, one `acks` per send() — where a later one applies on purpose, not by accident of file order.
      if (fact.kind === 'client' && fact.code) continue;
      const earlier = new Map<string, Setting>();
      for (const setting of fact.settings) {
        const group = `${setting.key}\u0000${spellingFamily(setting)}\u0000${setting.location.file}`;
        const previous = earlier.get(group);
        earlier.set(group, setting);
        if (!previous) continue;
        const key = `${setting.key}@${locationKey(setting.location)}`;
        if (reported.has(key)) continue;
        reported.add(key);
        const secret = isSecretKey(setting.key) || isSecretKey(setting.writtenAs);
        const written = setting.writtenAs.trim();
        report({
          messageId: secret ? 'secretRepeated' : sameValue(previous, setting) ? 'repeated' : 'overridden',
          data: {
            key: setting.key,
            writtenAs: written !== setting.key ? ` (as ${written})` : '',
            earlierAt: formatLocation(previous.location),
            ...(secret ? {} : { later: shown(setting.value), earlier: shown(previous.value) }),
          },
          location: setting.location,
          subject: fact,
          origin: { kind: 'explicit' },
          related: [{ message: `${setting.key} was first set here`, location: previous.location }],
          fingerprintKey: setting.key,
        });
      }
    }
  },
});
