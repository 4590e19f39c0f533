import { describe, expect, it } from 'vitest';
import { liveFactsOf } from '../../src/cluster/live-facts.js';
import { snapshot, topic } from './live-snapshot.js';

describe('live facts', () => {
  it('turns a live topic into a topic fact at its logical location, with live-origin settings', () => {
    const { facts } = liveFactsOf(snapshot({ topics: [topic('orders', [1, 2, 3], [1], { 'min.insync.replicas': '2', 'segment.ms': '100' }, 2)] }));
    const [orders] = facts.topics;
    expect(orders.file).toBe('kafka://test-cluster/topic/orders');
    expect(orders.declaredBy).toBe('live');
    expect(orders.replicationFactor?.value).toBe(3);
    expect(orders.partitions?.value).toBe(2);
    expect(orders.settings.find((setting) => setting.key === 'min.insync.replicas')).toMatchObject({ value: 2, origin: { kind: 'live', cluster: 'test-cluster' } });
  });

  it('keeps sensitive entries (no value) out of the settings', () => {
    const brokers = [{ nodeId: 1, host: 'h', port: 1, configs: [{ name: 'sasl.jaas.config', value: null, sensitive: true }, { name: 'min.insync.replicas', value: '2' }] }];
    const { facts } = liveFactsOf(snapshot({ brokers }));
    expect(facts.brokers[0].settings.map((setting) => setting.key)).toEqual(['min.insync.replicas']);
  });

  it('puts a value every broker reports alike on the first broker only, and keeps per-broker differences', () => {
    const configs = (unclean: string) => [{ name: 'default.replication.factor', value: '1' }, { name: 'unclean.leader.election.enable', value: unclean }];
    const brokers = [1, 2, 3].map((nodeId) => ({ nodeId, host: 'h', port: nodeId, configs: configs(nodeId === 2 ? 'true' : 'false') }));
    const { facts } = liveFactsOf(snapshot({ brokers }));
    expect(facts.brokers.map((broker) => broker.settings.map((setting) => `${setting.key}=${String(setting.value)}`))).toEqual([
      ['default.replication.factor=1', 'unclean.leader.election.enable=false'],
      ['unclean.leader.election.enable=true'],
      ['unclean.leader.election.enable=false'],
    ]);
  });

  it('computes lag only for committed partitions', () => {
    const groups = [{ groupId: 'g', state: 'Stable', protocolType: 'consumer', protocol: 'range', memberCount: 1, offsets: [{ topic: 't', partition: 0, committed: 100, highWatermark: 150 }, { topic: 't', partition: 1, committed: -1, highWatermark: 9 }] }];
    const { live } = liveFactsOf(snapshot({ groups }), 10);
    expect(live.groups[0].offsets.map((offset) => offset.lag)).toEqual([50, undefined]);
    expect(live.lagThreshold).toBe(10);
  });
});
