// Topic and group patterns in a policy's `match`: globs over the whole name, or `/regex/`.

import { describe, expect, it } from 'vitest';
import { nameMatcher } from '../../src/policy/name-pattern.js';

describe('topic and group name patterns', () => {
  it('payments.* matches every payments topic, and the dot is a dot', () => {
    const matches = nameMatcher('payments.*');
    expect(matches('payments.v1')).toBe(true);
    expect(matches('payments.refunds.dlq')).toBe(true);
    expect(matches('payments')).toBe(false);
    expect(matches('paymentsXv1')).toBe(false);
    expect(matches('old.payments.v1')).toBe(false);
  });

  it('* spans any characters, since names are not paths', () => {
    expect(nameMatcher('team-*')('team-a/billing')).toBe(true);
  });

  it('{a,b} and ? work in names', () => {
    const matches = nameMatcher('{orders,refunds}.v?');
    expect(matches('orders.v2')).toBe(true);
    expect(matches('refunds.v9')).toBe(true);
    expect(matches('refunds.v10')).toBe(false);
    expect(matches('invoices.v1')).toBe(false);
  });

  it('regex characters in a glob are literal, and an unclosed brace too', () => {
    expect(nameMatcher('a+b')('a+b')).toBe(true);
    expect(nameMatcher('a+b')('aab')).toBe(false);
    expect(nameMatcher('orders{')('orders{')).toBe(true);
    expect(nameMatcher('orders\\*')('orders*')).toBe(true);
    expect(nameMatcher('orders\\*')('orders.v1')).toBe(false);
  });

  it('/regex/ is a regular expression, unanchored unless written so', () => {
    expect(nameMatcher('/^payments\\.(v1|v2)$/')('payments.v2')).toBe(true);
    expect(nameMatcher('/^payments\\.(v1|v2)$/')('payments.v3')).toBe(false);
    expect(nameMatcher('/refund/')('payments.refunds')).toBe(true);
    expect(nameMatcher('/PAYMENTS/i')('payments.v1')).toBe(true);
  });

  it('a global flag does not make matching alternate', () => {
    const matches = nameMatcher('/payments/g');
    expect([matches('payments.v1'), matches('payments.v1'), matches('payments.v1')]).toEqual([true, true, true]);
  });
});
