// The comment scanners behind suppressions: which text of each input kind is a comment, and which only looks like one.

import { describe, expect, it } from 'vitest';
import { commentsOf, LineIndex } from '../../src/engine/suppression-comments.js';

/** `line:column body` of each comment, the body trimmed. */
function comments(path: string, text: string): string[] {
  const lines = new LineIndex(text);
  return commentsOf(path, text, lines).map((comment) => {
    const { line, column } = lines.positionOf(comment.start);
    return `${line}:${column} ${comment.body.trim()}`;
  });
}

describe('TS/JS', () => {
  const cases: Array<{ name: string; text: string; expected: string[] }> = [
    { name: 'line and block comments', text: 'a() // one\n/* two */ b()\n', expected: ['1:5 one', '2:1 two'] },
    { name: 'a string holding // is not a comment', text: 'const u = "http://x" // real\n', expected: ['1:22 real'] },
    { name: 'escaped quotes stay in the string', text: "const s = 'it\\'s // no' // yes\n", expected: ['1:25 yes'] },
    { name: 'a regex holding // and a quote', text: 'const r = /\\/\\/"/g // yes\n', expected: ['1:20 yes'] },
    { name: 'a regex with / inside a class', text: 'if (/[/]x/.test(s)) {} // yes\n', expected: ['1:24 yes'] },
    { name: 'division is not a regex', text: 'const x = a / b / c // yes\n', expected: ['1:21 yes'] },
    { name: 'a regex after return', text: 'function f() { return /"/ } // yes\n', expected: ['1:29 yes'] },
    { name: 'template with nested braces and a string', text: 'const t = `${ {a: "}"}.a } // no` // yes\n', expected: ['1:35 yes'] },
    { name: 'nested templates', text: 'const t = `a${`b${c}// no`}// no` // yes\n', expected: ['1:35 yes'] },
    { name: 'a template over lines', text: 'const t = `\n// no\n` // yes\n', expected: ['3:3 yes'] },
    { name: 'an apostrophe in JSX text only affects its line', text: "const e = <p>don't</p>\n// yes\n", expected: ['2:1 yes'] },
    { name: 'a hashbang line is not a comment', text: '#!/usr/bin/env node\n// yes\n', expected: ['2:1 yes'] },
    { name: 'an unterminated block comment runs to the end', text: 'a()\n/* open\n', expected: ['2:1 open'] },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => {
      expect(comments('src/a.tsx', testCase.text)).toEqual(testCase.expected);
    });
  }
});

describe('YAML', () => {
  it('# at line start or after a blank, outside quotes', () => {
    const text = ['# top', 'a: b # trailing', "c: 'x # no'", 'd: "y # no" # yes', 'e: f#no', "g: it's # yes", '- [a, "#no"] # yes', ''].join('\n');
    expect(comments('x.yaml', text)).toEqual(['1:1 top', '2:6 trailing', '4:13 yes', '6:9 yes', '7:14 yes']);
  });

  it('inside a block scalar only lines that start with # are comments', () => {
    const text = ['config: |', '  # embedded', '  a=b # part of the value', 'next: 1 # yes', ''].join('\n');
    expect(comments('values.yaml', text)).toEqual(['2:3 embedded', '4:9 yes']);
  });

  it('a block scalar under a sequence entry ends at its sibling key', () => {
    const text = ['- config: >-', '    a=b # value', '  other: x # yes', ''].join('\n');
    expect(comments('list.yml', text)).toEqual(['3:12 yes']);
  });
});

describe('.properties', () => {
  it('# and ! lines, but not a # later on a line or on a continuation line', () => {
    const text = ['# one', '  ! two', 'a=b # value', 'c=d,\\', '  # value too', 'e=f\\\\', '# three', ''].join('\n');
    expect(comments('x.properties', text)).toEqual(['1:1 one', '2:3 two', '7:1 three']);
  });
});

describe('.env', () => {
  it('full-line and trailing comments, quotes over several lines', () => {
    const text = ['# one', 'A=b # two', 'B=c#no', 'C="d # no" # three', "D='multi", '# no', "line' # four", ''].join('\n');
    expect(comments('.env', text)).toEqual(['1:1 one', '2:5 two', '4:12 three', '7:7 four']);
  });
});

describe('JSON and manifests', () => {
  it('have no comments', () => {
    expect(comments('a.json', '{ "a": "# no // no" }\n')).toEqual([]);
    expect(comments('pnpm-lock.yaml', '# no\n')).toEqual([]);
  });
});
