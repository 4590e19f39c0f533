import { defineRule } from '../src/engine/rule.js';
import { isExplicit, judgeableNumber } from '../src/model/judgeable.js';
import { clientsWithRole } from '../src/model/queries.js';
import { describeEffective, explicitSetting } from '../src/model/resolve.js';

// CommonClientConfigs (heartbeat.interval.ms): "must be set lower than session.timeout.ms, but typically should be set
// no higher than 1/3 of that value". librdkafka documents the same pair with the same meaning.

export default defineRule({
  id: 'heartbeat-session-ratio',
  meta: {
    category: 'consumer-groups',
    defaultSeverity: 'warning',
    description: 'A consumer heartbeats too rarely for its session timeout (more than a third of it), or not within it at all.',
    messages: {
      tooFewHeartbeats: 'Consumer heartbeats less than three times per session timeout: {{heartbeat}} and {{session}}. One delayed or lost heartbeat is enough for the coordinator to declare the member dead and rebalance the group.',
      heartbeatNotBelowSession: 'Consumer heartbeat interval is not below its session timeout: {{heartbeat}} and {{session}}. The session expires before the next heartbeat is due, so the member keeps being removed from the group and the group rebalances over and over.',
    },
    help: 'Keep heartbeat.interval.ms at most a third of session.timeout.ms (the defaults are 3000 and 45000); raise the session timeout rather than the heartbeat interval.',
    inputs: ['properties', 'yaml', 'json', 'env', 'code'],
  },
  check({ model, report }) {
    for (const consumer of clientsWithRole(model, 'consumer')) {
      // With KIP-848's consumer protocol both values are set on the broker (group.consumer.*), not by the client.
      const protocol = explicitSetting(consumer, 'group.protocol');
      if (protocol && (protocol.placeholder || protocol.value === 'consumer')) continue;
      const heartbeat = judgeableNumber(consumer, 'heartbeat.interval.ms');
      const session = judgeableNumber(consumer, 'session.timeout.ms');
      if (!heartbeat || !session || heartbeat.value <= 0 || session.value <= 0) continue;
      if (!isExplicit(heartbeat.effective) && !isExplicit(session.effective)) continue;
      const notBelow = heartbeat.value >= session.value;
      if (!notBelow && heartbeat.value * 3 <= session.value) continue;
      const deciding = isExplicit(heartbeat.effective) ? heartbeat.effective : session.effective;
      report({
        messageId: notBelow ? 'heartbeatNotBelowSession' : 'tooFewHeartbeats',
        data: { heartbeat: describeEffective(heartbeat.effective), session: describeEffective(session.effective) },
        location: deciding.setting?.location ?? consumer.location,
        subject: consumer,
        ...(notBelow ? { severity: 'error' as const } : {}),
        origin: deciding.origin,
        fingerprintKey: 'heartbeat.interval.ms',
      });
    }
  },
});
