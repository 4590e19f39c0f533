import { describe, expect, it } from 'vitest';
import { scrubSecrets } from '../../src/report/redact.js';

describe('scrubSecrets', () => {
  it('replaces every occurrence of every secret', () => {
    expect(scrubSecrets('pw=hunter2; again hunter2, and s3cret', new Set(['hunter2', 's3cret']))).toBe('pw=****; again ****, and ****');
  });

  it('replaces the longest secret first, so no part of it is left behind', () => {
    expect(scrubSecrets('a=abcdef b=abc', new Set(['abc', 'abcdef']))).toBe('a=**** b=****');
  });

  it('ignores values shorter than 3 characters, which would match everywhere', () => {
    expect(scrubSecrets('acks=1 retries=10', new Set(['1', '10']))).toBe('acks=1 retries=10');
  });

  it('treats regular-expression characters in a secret literally', () => {
    expect(scrubSecrets('x=a.b*c(d) y=aXbbc(d)', new Set(['a.b*c(d)']))).toBe('x=**** y=aXbbc(d)');
  });

  it('finds a secret inside JSON strings, where quotes and backslashes are escaped', () => {
    const secret = 'pa"ss\\word\n1';
    const json = JSON.stringify({ message: `value ${secret} end` });
    expect(json).not.toContain(secret);
    const scrubbed = scrubSecrets(json, new Set([secret]));
    expect(JSON.parse(scrubbed).message).toBe('value **** end');
  });

  it('finds a secret inside workflow commands, in data and in property escaping', () => {
    const secret = 'p%ss:w,rd';
    const data = '::error::leaked p%25ss:w,rd here';
    const property = '::error title=p%25ss%3Aw%2Crd::x';
    expect(scrubSecrets(data, new Set([secret]))).toBe('::error::leaked **** here');
    expect(scrubSecrets(property, new Set([secret]))).toBe('::error title=****::x');
  });

  it('finds a secret inside XML text', () => {
    expect(scrubSecrets('<failure message="a&amp;b&lt;c"/>', new Set(['a&b<c']))).toBe('<failure message="****"/>');
  });

  it('leaves text alone when there are no secrets', () => {
    expect(scrubSecrets('nothing to hide', new Set())).toBe('nothing to hide');
  });
});
