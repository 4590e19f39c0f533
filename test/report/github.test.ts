import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/rule.js';
import type { Severity } from '../../src/model/types.js';
import { escapeData, escapeProperty, formatGithub } from '../../src/report/github.js';
import { handMadeFinding, reportInputFor } from '../support/report-input-for.js';

/** Reads a workflow command back the way the runner does (ActionCommand.TryParseV2 and its unescaping). */
function parseCommand(line: string) {
  const match = /^::(\w+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!match) return undefined;
  const unescapeData = (text: string) => text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
  const unescapeProperty = (text: string) => unescapeData(text.replace(/%3A/g, ':').replace(/%2C/g, ','));
  const properties: Record<string, string> = {};
  for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
    const equals = pair.indexOf('=');
    properties[pair.slice(0, equals)] = unescapeProperty(pair.slice(equals + 1));
  }
  return { command: match[1], properties, message: unescapeData(match[3]) };
}

async function inputWith(findings: Finding[]) {
  const { input } = await reportInputFor({}, { onlyRules: [] });
  input.findings = findings;
  return input;
}

function many(count: number, severity: Severity): Finding[] {
  return Array.from({ length: count }, (_, index) =>
    handMadeFinding({ ruleId: `rule-${severity}`, file: `${severity}.properties`, line: index + 1, severity }),
  );
}

describe('github', () => {
  it('annotates a real finding with file, line, range and the rule as title', async () => {
    const { input } = await reportInputFor({ 'config/producer.properties': 'bootstrap.servers=k:9092\nacks=1\n' }, { onlyRules: ['producer-acks-one'] });
    const [line] = formatGithub(input).trimEnd().split('\n');
    expect(line.startsWith('::warning file=config/producer.properties,line=2,endLine=2,col=1,endColumn=7,title=kafkalint(producer-acks-one)::Producer acknowledges')).toBe(true);
    const command = parseCommand(line)!;
    expect(command.message).toBe(`${input.findings[0].message}\nhelp: ${input.findings[0].help}\n${input.findings[0].docsUrl}`);
  });

  it('maps error → error, warning → warning, info → notice', async () => {
    const { input } = await reportInputFor({ 'broken.json': '{ "acks": }\n' }, { onlyRules: ['parse-error'] });
    input.findings.push(handMadeFinding({ ruleId: 'compression-none', file: 'p.properties', line: 1, severity: 'info' }));
    input.findings.push(handMadeFinding({ ruleId: 'producer-acks-one', file: 'p.properties', line: 2, severity: 'warning' }));
    const commands = formatGithub(input).trimEnd().split('\n').map((line) => parseCommand(line)!.command);
    expect(commands).toEqual(['error', 'notice', 'warning']);
  });

  it('escapes data as @actions/core does: %, CR and LF only', () => {
    expect(escapeData('100% sure\r\nnext: a,b')).toBe('100%25 sure%0D%0Anext: a,b');
    expect(escapeData('%0A')).toBe('%250A');
  });

  it('escapes properties as @actions/core does: also : and ,', () => {
    expect(escapeProperty('C:\\x,y%z\r\n')).toBe('C%3A\\x%2Cy%25z%0D%0A');
  });

  it('applies both escapings in the command, and the runner reads back what was meant', async () => {
    const message = '50% of records: lost,\r\nreally';
    const input = await inputWith([handMadeFinding({ ruleId: 'producer-acks-one', file: 'odd:dir/a,b%.properties', line: 3, column: 2, endColumn: 5, message })]);
    const [line] = formatGithub(input).trimEnd().split('\n');
    expect(line).toContain('file=odd%3Adir/a%2Cb%25.properties,');
    expect(line).toContain('::50%25 of records: lost,%0D%0Areally%0Ahelp: ');
    expect(line.split('\n')).toHaveLength(1);
    const command = parseCommand(line)!;
    expect(command.properties).toEqual({
      file: 'odd:dir/a,b%.properties',
      line: '3',
      endLine: '3',
      col: '2',
      endColumn: '5',
      title: 'kafkalint(producer-acks-one)',
    });
    expect(command.message.startsWith(message)).toBe(true);
  });

  it('leaves out col and endColumn when the range spans lines', async () => {
    const input = await inputWith([handMadeFinding({ ruleId: 'hardcoded-credentials', file: 'c.properties', line: 3, endLine: 5, column: 1, endColumn: 20 })]);
    const command = parseCommand(formatGithub(input).trimEnd())!;
    expect(command.properties).toEqual({ file: 'c.properties', line: '3', endLine: '5', title: 'kafkalint(hardcoded-credentials)' });
  });

  it('adds no notice when no kind has more than 10 annotations', async () => {
    const input = await inputWith([...many(10, 'error'), ...many(10, 'warning'), ...many(10, 'info')]);
    const lines = formatGithub(input).trimEnd().split('\n');
    expect(lines).toHaveLength(30);
    expect(lines.some((line) => line.includes('more findings than annotations'))).toBe(false);
  });

  it('ends with a notice that counts what GitHub will not annotate and says where to see it', async () => {
    const input = await inputWith([...many(12, 'error'), ...many(3, 'warning'), ...many(4, 'info')]);
    const lines = formatGithub(input).trimEnd().split('\n');
    expect(lines).toHaveLength(20);
    const notice = parseCommand(lines.at(-1)!)!;
    expect(notice.command).toBe('notice');
    expect(notice.properties).toEqual({ title: 'kafkalint: more findings than annotations' });
    expect(notice.message).toContain('19 findings');
    expect(notice.message).toContain('2 errors are not annotated');
    expect(notice.message).toContain('--format sarif');
    expect(notice.message).toContain('--format stylish');
  });

  it('puts the notice among the first 10 notices when info findings alone fill them', async () => {
    const input = await inputWith([...many(2, 'warning'), ...many(14, 'info')]);
    const lines = formatGithub(input).trimEnd().split('\n');
    expect(lines).toHaveLength(17);
    const notices = lines.filter((line) => line.startsWith('::notice'));
    expect(notices).toHaveLength(15);
    expect(notices[9]).toContain('more findings than annotations');
    expect(parseCommand(notices[9])!.message).toContain('4 notices are not annotated');
  });

  it('lists skipped files as plain log lines that the runner cannot take for commands', async () => {
    const input = await inputWith([]);
    input.notes = [{ file: 'weird ##[error]name.bin', reason: 'binary\nfile' }];
    const output = formatGithub(input);
    expect(output).toBe('kafkalint: skipped weird #\u200b#[error]name.bin: binary file\n');
  });
});
