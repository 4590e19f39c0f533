import { describe, expect, it } from 'vitest';
import { extractJsonFacts } from '../../src/sources/json/json-source.js';
import { LineIndex, parseJson, type JsonValue } from '../../src/sources/json/parse-json.js';

function plain(value: JsonValue): unknown {
  if (value.kind === 'object') return Object.fromEntries(value.members.map((member) => [member.key, plain(member.value)]));
  if (value.kind === 'array') return value.items.map(plain);
  return value.value;
}

function errorAt(text: string, lenient = false) {
  const result = parseJson(text, { lenient });
  if (result.ok) throw new Error('expected a syntax error');
  return { ...new LineIndex(text).position(result.error.offset), message: result.error.message };
}

describe('parseJson', () => {
  const valid = [
    '{"a": 1, "b": [true, false, null], "c": {"d": "e"}}',
    '  [1, -0.5, 2e3, 1E-2, 0]  ',
    '"\\u00e9\\n\\t\\/\\\\\\"\\ud83d\\ude00"',
    '{"key with: colon": "value # not a comment", "url": "http://x//y"}',
    '{\r\n\t"a":\t1\r\n}',
    '{}',
    '[]',
  ];
  for (const text of valid) {
    it(`reads ${JSON.stringify(text)} as JSON.parse does`, () => {
      const result = parseJson(text);
      expect(result.ok).toBe(true);
      if (result.ok) expect(plain(result.value)).toEqual(JSON.parse(text));
    });
  }

  it('keeps repeated keys as separate members with their spans', () => {
    const result = parseJson('{"a": 1, "a": 2}');
    if (!result.ok) throw new Error('parse failed');
    if (result.value.kind !== 'object') throw new Error('not an object');
    expect(result.value.members.map((member) => [member.key, member.keySpan.start, member.start, member.end])).toEqual([
      ['a', 1, 1, 7],
      ['a', 9, 9, 15],
    ]);
  });

  const invalid: Array<[string, number, number, string]> = [
    ['{"a": 1,}', 1, 8, "trailing comma before '}'"],
    ['[1, 2,\n]', 1, 6, "trailing comma before ']'"],
    ['{\n  /* no */ "a": 1}', 2, 3, 'comments are not allowed'],
    ["{'a': 1}", 1, 2, 'property names must use double quotes'],
    ['{a: 1}', 1, 2, 'expected a property name in double quotes'],
    ['{"a" 1}', 1, 6, "expected ':'"],
    ['{"a": tru}', 1, 7, 'only true, false and null are bare words'],
    ['{"a": 01}', 1, 7, 'invalid number'],
    ['{"a": "x\\q"}', 1, 9, 'invalid escape'],
    ['{"a": "\\u12"}', 1, 8, 'invalid \\u escape'],
    ['{"a": 1} {"b": 2}', 1, 10, 'unexpected text after the JSON value'],
    ['', 1, 1, 'the file holds no JSON value'],
    ['{"a": [1, 2}', 1, 12, "expected ',' or ']'"],
    ['{"a": 1', 1, 8, "found end of file"],
  ];
  for (const [text, line, column, message] of invalid) {
    it(`rejects ${JSON.stringify(text)} at ${line}:${column}`, () => {
      expect(() => JSON.parse(text)).toThrow();
      const error = errorAt(text);
      expect([error.line, error.column]).toEqual([line, column]);
      expect(error.message).toContain(message);
    });
  }

  it('accepts comments and trailing commas in lenient mode, as .NET reads appsettings.json', () => {
    const result = parseJson('{\n  // note\n  "a": [1, 2,], /* x */\n}', { lenient: true });
    expect(result.ok && plain(result.value)).toEqual({ a: [1, 2] });
    expect(errorAt('{ "a": 1 /* never closed', true).message).toBe('unterminated comment');
  });

  it('refuses nesting deeper than any config file instead of exhausting the stack', () => {
    const text = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(errorAt(text).message).toContain('nested deeper');
  });
});

describe('extractJsonFacts never throws', () => {
  // A small deterministic fuzz: cut, duplicate and replace characters of Kafka-looking JSON.
  const seeds = [
    '{"name": "s", "config": {"connector.class": "X", "errors.deadletterqueue.topic.name": "d", "errors.deadletterqueue.topic.replication.factor": 1, "topic.creation.default.partitions": 3, "consumer.override.group.id": "g", "topics": ["a", "b"]}}',
    '{"kafka": {"producer": {"bootstrap.servers": ["a", 1, null], "acks": -1}, "consumer": {"group.id": null}}}',
    '{"Kafka": {"BootstrapServers": "k", "SecurityProtocol": 3, "Producer": {"Acks": ["All"]}, "Consumer": {"GroupId": {}}}}',
  ];
  let state = 42;
  const random = (limit: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % limit;
  };
  const alphabet = '{}[]":,.\\ \n0-1eatrufln/*\ufeff';
  it('on 3000 mutated inputs', () => {
    for (let round = 0; round < 3000; round++) {
      let text = seeds[round % seeds.length];
      for (let edit = 0; edit <= random(4); edit++) {
        const at = random(text.length + 1);
        const choice = random(3);
        if (choice === 0) text = text.slice(0, at) + text.slice(at + 1 + random(5));
        else if (choice === 1) text = text.slice(0, at) + alphabet[random(alphabet.length)] + text.slice(at);
        else text = text.slice(0, at) + text.slice(random(text.length), random(text.length)) + text.slice(at);
      }
      for (const file of ['x.json', 'appsettings.json']) {
        expect(() => extractJsonFacts(file, text), text).not.toThrow();
      }
    }
  });
});
