// Hand-built live snapshots for rule tests: what read-cluster.ts would have read, without a cluster.

import { liveFactsOf } from '../../src/cluster/live-facts.js';
import type { LiveSnapshot, LiveTopicSnapshot } from '../../src/cluster/snapshot.js';
import type { LintOptions } from '../../src/engine/lint.js';

export function snapshot(parts: Partial<LiveSnapshot> = {}): LiveSnapshot {
  return {
    clusterId: 'test-cluster',
    brokers: [1, 2, 3].map((nodeId) => ({ nodeId, host: '127.0.0.1', port: 9090 + nodeId, configs: [] })),
    topics: [],
    authorizer: true,
    acls: [],
    groups: [],
    problems: [],
    ...parts,
  };
}

/** A topic whose partitions all have these replicas and ISR (leader: the first ISR member, -1 when the ISR is empty). */
export function topic(name: string, replicas: number[], isr: number[], configs: Record<string, string> = {}, partitionCount = 1): LiveTopicSnapshot {
  return {
    name,
    partitions: Array.from({ length: partitionCount }, (_, partition) => ({ partition, leader: isr[0] ?? -1, replicas, isr, errorCode: isr.length === 0 ? 5 : 0 })),
    configs: Object.entries(configs).map(([configName, value]) => ({ name: configName, value, source: 1 })),
  };
}

export function liveOptions(parts: Partial<LiveSnapshot> = {}, lagThreshold?: number): LintOptions {
  return { extraFacts: liveFactsOf(snapshot(parts), lagThreshold) };
}
