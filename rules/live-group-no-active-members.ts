import { defineRule } from '../src/engine/rule.js';

// An Empty group with unread records falls further behind with nobody consuming; once it stays empty longer than
// offsets.retention.minutes (7 days by default, KIP-186) its offsets expire and auto.offset.reset applies.

export default defineRule({
  id: 'live-group-no-active-members',
  meta: {
    category: 'live',
    defaultSeverity: 'warning',
    description: 'A consumer group has committed offsets and unread records but no active member.',
    messages: {
      empty: 'Group {{group}} has no active member but {{lag}} unread record(s) behind its committed offsets; if it stays empty past offsets.retention.minutes its offsets expire.',
    },
    help: 'Start the group\'s consumers again, or delete the group if it is retired.',
    inputs: ['live'],
  },
  check({ model, report }) {
    for (const group of model.live?.groups ?? []) {
      if (group.state !== 'Empty' || group.memberCount > 0) continue;
      const lag = group.offsets.reduce((sum, offset) => sum + (offset.lag ?? 0), 0);
      if (lag === 0) continue;
      report({ messageId: 'empty', data: { group: group.groupId, lag }, location: group.location, origin: { kind: 'live', cluster: model.live!.clusterId }, fingerprintKey: group.groupId });
    }
  },
});
