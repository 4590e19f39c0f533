import { defineRule } from '../src/engine/rule.js';
import { describeEffective, explicitSetting } from '../src/model/resolve.js';
import { locationKey } from '../src/model/setting-occurrences.js';
import type { Setting } from '../src/model/types.js';

const KEY = 'spring.json.trusted.packages';

function packagesOf(setting: Setting): string[] {
  const items = Array.isArray(setting.value) ? setting.value : String(setting.value ?? '').split(',');
  return items.map((item) => item.trim());
}

/**
 * Spring Kafka's JsonDeserializer picks the target class from the record's type headers unless
 * `spring.json.use.type.headers=false`; with headers ignored, the trusted-packages list is never consulted.
 */
function ignoresTypeHeaders(setting: Setting | undefined): boolean {
  return setting !== undefined && !setting.placeholder && setting.raw.trim().toLowerCase() === 'false';
}

export default defineRule({
  id: 'spring-json-trusted-packages-wildcard',
  meta: {
    category: 'security',
    defaultSeverity: 'error',
    description: "Spring's JsonDeserializer trusts every package, so a record's type header can make the consumer instantiate any class on its classpath.",
    messages: {
      trustsEverything:
        'JsonDeserializer trusts all packages: {{effective}}. It builds whatever class a record\'s __TypeId__ header names, so anyone who can write to the topic chooses which classes this consumer instantiates and fills from the payload.',
    },
    help: 'List the packages of your payload classes (spring.json.trusted.packages: com.example.events), or ignore type headers (spring.json.use.type.headers: false) and set spring.json.value.default.type.',
    inputs: ['properties', 'yaml'],
  },
  check({ model, report }) {
    const reported = new Set<string>();
    for (const client of model.clients) {
      const setting = explicitSetting(client, KEY);
      if (!setting || setting.placeholder || !packagesOf(setting).includes('*')) continue;
      if (ignoresTypeHeaders(explicitSetting(client, 'spring.json.use.type.headers'))) continue;
      const key = locationKey(setting.location);
      if (reported.has(key)) continue;
      reported.add(key);
      report({
        messageId: 'trustsEverything',
        data: { effective: describeEffective({ key: KEY, value: setting.value, origin: { kind: 'explicit' }, setting }) },
        location: setting.location,
        subject: client,
        origin: { kind: 'explicit' },
        fingerprintKey: KEY,
      });
    }
  },
});
