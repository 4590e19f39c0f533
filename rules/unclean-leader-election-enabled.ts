import { defineRule } from '../src/engine/rule.js';
import { explicitValue, topicPhrase } from '../src/model/replication.js';
import { describeEffective, explicitSetting } from '../src/model/resolve.js';
import { configFacts, locationKey, type ConfigFact } from '../src/model/setting-occurrences.js';

// unclean.leader.election.enable lets "replicas not in the ISR set … be elected as leader as a last resort, even
// though doing so may result in data loss" (ReplicationConfigs); default false since 0.11.0.0 (upgrade notes).

function whatSetsIt(fact: ConfigFact): string {
  switch (fact.kind) {
    case 'topic':
      return topicPhrase(fact);
    case 'broker':
      return fact.label ?? 'this broker';
    case 'client':
      return fact.label ?? 'this configuration';
  }
}

export default defineRule({
  id: 'unclean-leader-election-enabled',
  meta: {
    category: 'durability',
    defaultSeverity: 'error',
    description: 'unclean.leader.election.enable=true lets a replica that is missing records become leader, discarding acknowledged writes.',
    messages: {
      uncleanElection: 'Unclean leader election is allowed for {{what}}: {{effective}}. When every in-sync replica is gone, Kafka makes an out-of-sync replica leader, and the acknowledged records it never received are gone for good, with consumers never told.',
    },
    help: 'Remove unclean.leader.election.enable or set it to false; recover an offline partition by bringing an in-sync replica back, or elect an unclean leader by hand (kafka-leader-election --election-type unclean) as a deliberate, one-off decision.',
    inputs: ['properties', 'yaml', 'json', 'env', 'live'],
  },
  check({ model, report }) {
    // The value in force is the last occurrence in each fact; one line shared by several facts gives one finding.
    const reported = new Set<string>();
    for (const fact of configFacts(model)) {
      const setting = explicitSetting(fact, 'unclean.leader.election.enable');
      if (!setting || setting.placeholder || setting.value !== true || reported.has(locationKey(setting.location))) continue;
      reported.add(locationKey(setting.location));
      const effective = explicitValue(setting);
      report({
        messageId: 'uncleanElection',
        data: { what: whatSetsIt(fact), effective: describeEffective(effective) },
        location: setting.location,
        subject: fact,
        origin: effective.origin,
        fingerprintKey: fact.kind === 'topic' ? fact.name : 'unclean.leader.election.enable',
      });
    }
  },
});
