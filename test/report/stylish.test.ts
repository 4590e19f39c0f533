import { describe, expect, it } from 'vitest';
import { formatStylish } from '../../src/report/stylish.js';
import { handMadeFinding, reportInputFor } from '../support/report-input-for.js';

const ESC = '\u001b';

const PRODUCER = 'bootstrap.servers=k:9092\nacks=1\n';
const OTHER = '# orders producer\nbootstrap.servers=k:9092\n\tacks=1\n';
const BROKEN_JSON = '{ "bootstrap.servers": "k:9092",\n "acks": }\n';

async function threeFindings() {
  return reportInputFor(
    { 'a/producer.properties': PRODUCER, 'b/other.properties': OTHER, 'c/broken.json': BROKEN_JSON },
    { onlyRules: ['producer-acks-one', 'parse-error'] },
  );
}

describe('stylish', () => {
  it('groups findings under their file, in order, with line:col, severity, message and rule id', async () => {
    const { input } = await threeFindings();
    const lines = formatStylish(input).split('\n');
    const headers = lines.filter((line) => /^\S/.test(line) && !line.startsWith('✖'));
    expect(headers).toEqual(['a/producer.properties', 'b/other.properties', 'c/broken.json']);
    const findingLines = lines.filter((line) => /^ {2}\d+:\d+ {2}/.test(line));
    expect(findingLines).toHaveLength(3);
    expect(findingLines[0]).toMatch(/^ {2}2:1 {2}warning {2}Producer acknowledges records once the leader alone has them: .* {2}producer-acks-one$/);
    expect(findingLines[1]).toMatch(/^ {2}3:2 {2}warning {2}.* {2}producer-acks-one$/);
    expect(findingLines[2]).toMatch(/^ {2}2:10 {2}error {2}Could not parse this file.* {2}parse-error$/);
    // Each finding sits under its own file's header.
    expect(lines.indexOf(findingLines[1])).toBeGreaterThan(lines.indexOf('b/other.properties'));
    expect(lines.indexOf(findingLines[1])).toBeLessThan(lines.indexOf('c/broken.json'));
  });

  it('shows the line with a caret under the column and a tilde run to the end of the range', async () => {
    const { input } = await threeFindings();
    const lines = formatStylish(input).split('\n');
    const acks = lines.indexOf('    2 | acks=1');
    expect(acks).toBeGreaterThan(-1);
    expect(lines[acks + 1]).toBe('      | ^~~~~~');

    const json = lines.indexOf('    2 |  "acks": }');
    expect(json).toBeGreaterThan(-1);
    const caretLine = lines[json + 1];
    expect(caretLine.indexOf('^')).toBe(lines[json].indexOf('}'));
  });

  it('keeps tabs under a tab-indented line so the caret lines up at any tab width', async () => {
    const { input } = await threeFindings();
    const lines = formatStylish(input).split('\n');
    const frame = lines.indexOf('    3 | \tacks=1');
    expect(frame).toBeGreaterThan(-1);
    expect(lines[frame + 1]).toBe('      | \t^~~~~~');
  });

  it('ends each finding with a help line and its docs link', async () => {
    const { input } = await threeFindings();
    const output = formatStylish(input);
    expect(output).toContain('    help: Set acks=all');
    expect(output).toContain('    docs: https://github.com/kafkalint/kafkalint/blob/main/rules/producer-acks-one.md');
    expect(output).toContain('    docs: https://github.com/kafkalint/kafkalint/blob/main/rules/parse-error.md');
  });

  it('counts problems by severity in the summary line', async () => {
    const { input } = await threeFindings();
    input.findings.push(handMadeFinding({ ruleId: 'compression-none', file: 'a/producer.properties', line: 1, severity: 'info' }));
    const lines = formatStylish(input).trimEnd().split('\n');
    expect(lines.at(-1)).toBe('✖ 4 problems (1 error, 2 warnings, 1 info)');
  });

  it('says so in one line when there is nothing to report', async () => {
    const { input } = await reportInputFor({ 'producer.properties': 'bootstrap.servers=k:9092\nacks=all\n' }, { onlyRules: ['producer-acks-one'] });
    expect(formatStylish(input)).toBe('✔ No problems found in 1 file.\n');
  });

  it('lists the files it skipped and why', async () => {
    const { input } = await threeFindings();
    input.notes = [{ file: 'big/dump.properties', reason: 'larger than 1 MB' }];
    const output = formatStylish(input);
    expect(output).toContain('Skipped 1 file:\n  big/dump.properties  larger than 1 MB\n');
  });

  it('colours only when asked to', async () => {
    const plain = await reportInputFor({ 'producer.properties': PRODUCER }, { onlyRules: ['producer-acks-one'] });
    expect(formatStylish(plain.input)).not.toContain(ESC);
    const coloured = await reportInputFor({ 'producer.properties': PRODUCER }, { color: true, onlyRules: ['producer-acks-one'] });
    const output = formatStylish(coloured.input);
    expect(output).toContain(`${ESC}[33mwarning${ESC}[39m`);
    // Colour codes never change the text itself.
    expect(output.replace(/\u001b\[\d+m/g, '')).toBe(formatStylish(plain.input));
  });

  it('prints related locations under the finding', async () => {
    const { input } = await threeFindings();
    input.findings = [
      handMadeFinding({
        ruleId: 'acks-all-with-min-isr-1',
        file: 'a/producer.properties',
        line: 2,
        related: [{ message: 'min.insync.replicas=1 is set here', location: { file: 'server.properties', line: 7, column: 1 } }],
      }),
    ];
    expect(formatStylish(input)).toContain('    related: server.properties:7:1 min.insync.replicas=1 is set here\n');
  });

  describe('secrets in code frames', () => {
    const CLIENT = [
      'bootstrap.servers=broker.example.com:9093',
      'security.protocol=SASL_SSL',
      'sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required \\',
      '    username="orders" \\',
      '    password="Frame-Pw-2291";',
      'ssl.key.password=Key-Pw-8810',
      'ssl.keystore.location=/etc/kafka/keystore.jks',
    ].join('\n');

    it('masks the value of a secret line the model knows, key and separator kept', async () => {
      const { input } = await reportInputFor({ 'client.properties': CLIENT }, { onlyRules: [] });
      expect([...input.secretLines.get('client.properties')!].sort()).toEqual([3, 4, 5, 6]);
      input.findings = [3, 5, 6, 7].map((line) => handMadeFinding({ ruleId: 'hardcoded-credentials', file: 'client.properties', line, column: 1, endColumn: 10 }));
      const output = formatStylish(input);
      expect(output).toContain('    3 | sasl.jaas.config=****\n');
      expect(output).toContain('    5 |     password=****\n');
      expect(output).toContain('    6 | ssl.key.password=****\n');
      // A line next to the secrets that holds none is shown as written.
      expect(output).toContain('    7 | ssl.keystore.location=/etc/kafka/keystore.jks\n');
      expect(output).not.toContain('Frame-Pw-2291');
      expect(output).not.toContain('Key-Pw-8810');
    });

    it('masks a secret assignment in a file that could not be parsed, where the model knows no secrets', async () => {
      const text = 'spring:\n  kafka:\n    properties:\n      sasl.password: Broken-Pw-6120: x\n';
      const { input, result } = await reportInputFor({ 'application.yaml': text }, { onlyRules: ['parse-error'] });
      expect(result.secrets.size).toBe(0);
      expect(input.findings.map((finding) => finding.line)).toEqual([4]);
      const output = formatStylish(input);
      expect(output).toContain('    4 |       sasl.password: ****\n');
      expect(output).not.toContain('Broken-Pw-6120');
    });

    it('leaves placeholders readable', async () => {
      const { input } = await reportInputFor({ 'client.properties': 'bootstrap.servers=k:9092\nsasl.password=${SASL_PASSWORD}\n' }, { onlyRules: [] });
      input.findings = [handMadeFinding({ ruleId: 'sasl-plain-without-tls', file: 'client.properties', line: 2 })];
      expect(formatStylish(input)).toContain('    2 | sasl.password=${SASL_PASSWORD}\n');
    });
  });

  it('shows control characters from a file as visible marks, never as terminal escapes', async () => {
    const { input } = await reportInputFor({ 'client.properties': `bootstrap.servers=k:9092\nclient.id=a${ESC}[2Jb\u202ec\n` }, { onlyRules: [] });
    input.findings = [handMadeFinding({ ruleId: 'missing-client-id', file: 'client.properties', line: 2, column: 11, message: `bad ${ESC}[31mred` })];
    const output = formatStylish(input);
    expect(output).not.toContain(ESC);
    expect(output).not.toContain('\u202e');
    expect(output).toContain('    2 | client.id=a\ufffd[2Jb\ufffdc\n');
    expect(output).toContain('      |           ^\n');
  });

  it('cuts a very long line around the column', async () => {
    const longValue = 'x'.repeat(400);
    const { input } = await reportInputFor({ 'client.properties': `bootstrap.servers=k:9092\nclient.id=${longValue}Z\n` }, { onlyRules: [] });
    input.findings = [handMadeFinding({ ruleId: 'missing-client-id', file: 'client.properties', line: 2, column: 411 })];
    const frame = formatStylish(input).split('\n').find((line) => line.startsWith('    2 | '))!;
    expect(frame.length).toBeLessThan(200);
    expect(frame).toMatch(/^ {4}2 \| …x+Z$/);
    const caret = formatStylish(input).split('\n')[formatStylish(input).split('\n').indexOf(frame) + 1];
    expect(caret.indexOf('^')).toBe(frame.indexOf('Z'));
  });
});
