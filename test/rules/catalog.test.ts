// The rule catalog's promises: every rule the core issue lists exists, has its page with the sections a reader
// needs, and has its own table test.

import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtInRules } from '../../src/engine/registry.js';

// RULES.md ids that can be decided from configuration files (issue 2).
const CONFIG_RULE_IDS = [
  'producer-acks-zero', 'producer-acks-one', 'acks-all-with-min-isr-1', 'min-isr-too-low', 'min-isr-ge-replication-factor',
  'replication-factor-too-low', 'topic-rf-defaults-to-broker', 'unclean-leader-election-enabled', 'producer-retries-zero',
  'delivery-timeout-too-small',
  'idempotence-disabled', 'idempotence-conflicting-settings', 'idempotence-silently-disabled',
  'retries-with-inflight-no-idempotence', 'read-uncommitted-on-transactional-topic', 'consumer-auto-commit-enabled',
  'auto-offset-reset-latest', 'eager-assignor', 'heartbeat-session-ratio', 'max-poll-interval-too-low', 'compression-none',
  'plaintext-security-protocol', 'sasl-plain-without-tls', 'tls-hostname-verification-disabled',
  'tls-cert-verification-disabled', 'hardcoded-credentials', 'allow-everyone-if-no-acl', 'acl-wildcard-grant',
  'spring-json-trusted-packages-wildcard',
  'client-auto-topic-creation', 'broker-auto-create-topics-enabled', 'missing-client-id', 'duplicate-setting', 'parse-error',
];

describe('rule catalog', async () => {
  const rules = await builtInRules();

  it('has every configuration rule of RULES.md', () => {
    expect(CONFIG_RULE_IDS.filter((id) => !rules.has(id))).toEqual([]);
  });

  for (const rule of rules.values()) {
    describe(rule.id, () => {
      it('has a page with what, why, how to fix, and bad and good examples', () => {
        const page = readFileSync(`rules/${rule.id}.md`, 'utf8');
        expect(page.startsWith(`# ${rule.id}\n`)).toBe(true);
        for (const heading of ['## What it finds', '## Why it matters', '## How to fix', '## Examples']) {
          expect(page, heading).toContain(heading);
        }
        expect(page).toMatch(/Bad\b/);
        expect(page).toMatch(/Good\b/);
      });

      it('has its own table test', () => {
        const testFile = `test/rules/${rule.id}.test.ts`;
        expect(existsSync(testFile)).toBe(true);
        expect(readFileSync(testFile, 'utf8')).toContain(`'${rule.id}'`);
      });

      it('has meta that every output format needs', () => {
        expect(rule.meta.description.length).toBeGreaterThan(10);
        expect(rule.meta.help.length).toBeGreaterThan(10);
        expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
        expect(rule.meta.inputs.length).toBeGreaterThan(0);
      });
    });
  }
});
