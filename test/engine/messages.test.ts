import { describe, expect, it } from 'vitest';
import { shortenOwnFileReferences } from '../../src/engine/lint.js';
import { lintFiles } from '../support/lint-harness.js';

describe('references to files in messages', () => {
  it('a finding names a line of its own file by line number only', () => {
    expect(shortenOwnFileReferences('acks=1 (set at config/p.properties:2)', 'config/p.properties')).toBe('acks=1 (set at line 2)');
  });

  it('other files keep their path, including one whose name ends the same way', () => {
    const message = 'min ISR set at deploy/config/p.properties:7 and at config/p.properties:3';
    expect(shortenOwnFileReferences(message, 'config/p.properties')).toBe('min ISR set at deploy/config/p.properties:7 and at line 3');
  });

  it('applies to real findings', async () => {
    const { findings } = await lintFiles({ 'svc/producer.properties': 'bootstrap.servers=k:9092\nacks=1\n' });
    const finding = findings.find((candidate) => candidate.ruleId === 'producer-acks-one');
    expect(finding?.message).toContain('acks=1 (set at line 2)');
  });
});

describe('repeated findings', () => {
  it('two findings of one rule at one position with different messages both stay', async () => {
    const { findings } = await lintFiles({
      'server.properties': 'broker.id=1\nlisteners=PLAINTEXT://0.0.0.0:9092,PLAINTEXT_HOST://0.0.0.0:29092\nadvertised.listeners=PLAINTEXT://kafka-1.example.com:9092,PLAINTEXT_HOST://kafka-1.example.com:29092\nlistener.security.protocol.map=PLAINTEXT:PLAINTEXT,PLAINTEXT_HOST:PLAINTEXT\n',
    });
    const plaintext = findings.filter((finding) => finding.ruleId === 'plaintext-security-protocol');
    expect(new Set(plaintext.map((finding) => finding.message)).size).toBe(plaintext.length);
    expect(plaintext.length).toBeGreaterThanOrEqual(2);
  });
});
