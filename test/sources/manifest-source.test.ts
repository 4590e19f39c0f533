import { describe, expect, it } from 'vitest';
import { versionFromRange } from '../../src/sources/manifests/kafka-packages.js';
import { extractManifestFacts } from '../../src/sources/manifests/manifest-source.js';
import { lintFiles } from '../support/lint-harness.js';

const lines = (...text: string[]) => `${text.join('\n')}\n`;

async function dependenciesOf(files: Record<string, string>) {
  const result = await lintFiles(files);
  expect(result.model.problems).toEqual([]);
  return result.model.dependencies.map(({ library, version, file }) => ({ library, version, file }));
}

describe('package.json', () => {
  it('lists each Kafka client package with the version its range pins', async () => {
    const dependencies = await dependenciesOf({
      'package.json': JSON.stringify(
        {
          name: 'shop',
          dependencies: { express: '^4.19.0', kafkajs: '^2.2.4', 'node-rdkafka': '*' },
          devDependencies: { '@confluentinc/kafka-javascript': '~1.3.0', '@kafkajs/confluent-schema-registry': '^3.3.0' },
          peerDependencies: { '@platformatic/kafka': 'latest' },
        },
        null,
        2,
      ),
    });
    expect(dependencies).toEqual([
      { library: 'kafkajs', version: '2.2.4', file: 'package.json' },
      { library: 'confluent-kafka-javascript', version: '1.3.0', file: 'package.json' },
      { library: 'node-rdkafka', version: undefined, file: 'package.json' },
      { library: 'platformatic', version: undefined, file: 'package.json' },
    ]);
  });

  it('prefers a pinned range in any field over an open one', async () => {
    const dependencies = await dependenciesOf({
      'services/api/package.json': JSON.stringify({ peerDependencies: { kafkajs: '*' }, devDependencies: { kafkajs: '2.1.0' } }),
    });
    expect(dependencies).toEqual([{ library: 'kafkajs', version: '2.1.0', file: 'services/api/package.json' }]);
  });

  it('gives nothing for a package.json without Kafka packages', async () => {
    expect(await dependenciesOf({ 'package.json': JSON.stringify({ dependencies: { kafka: '1.0.0', 'kafka-node': '^5.0.0' } }) })).toEqual([]);
  });

  it('reports a malformed package.json that names a Kafka package, at the error', async () => {
    const result = await lintFiles({ 'package.json': lines('{', '  "dependencies": {', '    "kafkajs": "^2.2.4",', '  }', '}') });
    expect(result.model.problems).toEqual([{ file: 'package.json', line: 3, column: 24, message: "JSON syntax error: trailing comma before '}'" }]);
    expect(result.findings.map((finding) => [finding.ruleId, finding.line])).toEqual([['parse-error', 3]]);
  });

  it('ignores a malformed package.json that names none', async () => {
    const result = await lintFiles({ 'package.json': lines('{', '  "dependencies": { "express": "^4" },', '}') });
    expect(result.model.problems).toEqual([]);
    expect(result.findings).toEqual([]);
  });
});

describe('versionFromRange', () => {
  const cases: Array<[string, string | undefined]> = [
    ['2.2.4', '2.2.4'],
    ['^2.2.4', '2.2.4'],
    ['~1.3.0', '1.3.0'],
    ['>=2.0.0', '2.0.0'],
    ['=v2.2.4', '2.2.4'],
    ['1.0.0-beta.3', '1.0.0-beta.3'],
    ['*', undefined],
    ['latest', undefined],
    ['2.x', undefined],
    ['^2', undefined],
    ['>=2.0.0 <3.0.0', undefined],
    ['^1.0.0 || ^2.0.0', undefined],
    ['github:tulios/kafkajs#v2.2.4', undefined],
    ['git+https://github.com/tulios/kafkajs.git', undefined],
    ['file:../kafkajs', undefined],
    ['workspace:^2.2.4', undefined],
    ['npm:kafkajs@2.2.4', undefined],
  ];
  for (const [range, version] of cases) {
    it(`${range} → ${version}`, () => expect(versionFromRange(range)).toBe(version));
  }
});

describe('package-lock.json', () => {
  it('v3: reads the root and workspace installs, not copies nested inside other packages', async () => {
    const lockfile = {
      name: 'shop',
      lockfileVersion: 3,
      packages: {
        '': { dependencies: { kafkajs: '^2.0.0' } },
        'node_modules/legacy-bus/node_modules/kafkajs': { version: '1.16.0' },
        'node_modules/kafkajs': { version: '2.2.4' },
        'packages/worker/node_modules/node-rdkafka': { version: '3.0.1' },
        'node_modules/@confluentinc/kafka-javascript': { resolved: 'file:../ckjs', link: true },
      },
    };
    expect(await dependenciesOf({ 'package-lock.json': JSON.stringify(lockfile, null, 2) })).toEqual([
      { library: 'kafkajs', version: '2.2.4', file: 'package-lock.json' },
      { library: 'node-rdkafka', version: '3.0.1', file: 'package-lock.json' },
    ]);
  });

  it('v1: reads top-level dependencies', async () => {
    const lockfile = {
      lockfileVersion: 1,
      dependencies: { kafkajs: { version: '1.16.0', resolved: 'https://registry.npmjs.org/kafkajs/-/kafkajs-1.16.0.tgz' }, 'node-rdkafka': { version: 'github:blizzard/node-rdkafka#abc' } },
    };
    expect(await dependenciesOf({ 'npm-shrinkwrap.json': JSON.stringify(lockfile) })).toEqual([
      { library: 'kafkajs', version: '1.16.0', file: 'npm-shrinkwrap.json' },
    ]);
  });
});

describe('yarn.lock', () => {
  it('classic v1', async () => {
    const text = lines(
      '# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.',
      '# yarn lockfile v1',
      '',
      '',
      '"@confluentinc/kafka-javascript@^1.2.0":',
      '  version "1.2.0"',
      '  resolved "https://registry.yarnpkg.com/@confluentinc/kafka-javascript/-/kafka-javascript-1.2.0.tgz"',
      '',
      'kafkajs-utils@^1.0.0:',
      '  version "9.9.9"',
      '  dependencies:',
      '    kafkajs "^2.0.0"',
      '',
      'kafkajs@^2.0.0, kafkajs@^2.2.4:',
      '  version "2.2.4"',
    );
    expect(await dependenciesOf({ 'yarn.lock': text })).toEqual([
      { library: 'confluent-kafka-javascript', version: '1.2.0', file: 'yarn.lock' },
      { library: 'kafkajs', version: '2.2.4', file: 'yarn.lock' },
    ]);
  });

  it('berry (v2+), with a patch entry of the same version counted once', async () => {
    const text = lines(
      '__metadata:',
      '  version: 8',
      '  cacheKey: 10c0',
      '',
      '"@platformatic/kafka@npm:^1.10.0":',
      '  version: 1.10.0',
      '  resolution: "@platformatic/kafka@npm:1.10.0"',
      '',
      '"kafkajs@npm:2.2.4":',
      '  version: 2.2.4',
      '  resolution: "kafkajs@npm:2.2.4"',
      '',
      '"kafkajs@patch:kafkajs@npm%3A2.2.4#~/.yarn/patches/kafkajs.patch":',
      '  version: 2.2.4',
    );
    expect(await dependenciesOf({ 'yarn.lock': text })).toEqual([
      { library: 'platformatic', version: '1.10.0', file: 'yarn.lock' },
      { library: 'kafkajs', version: '2.2.4', file: 'yarn.lock' },
    ]);
  });
});

describe('pnpm-lock.yaml', () => {
  it('v9: the importer version of a direct dependency, peer suffix removed', async () => {
    const text = lines(
      "lockfileVersion: '9.0'",
      'importers:',
      '  .:',
      '    dependencies:',
      '      kafkajs:',
      '        specifier: ^2.2.0',
      '        version: 2.2.4',
      '      node-rdkafka:',
      '        specifier: ^3.0.0',
      '        version: 3.0.1(bindings@1.5.0)',
      'packages:',
      '  kafkajs@1.16.0:',
      '    resolution: {integrity: sha512-x}',
      '  kafkajs@2.2.4:',
      '    resolution: {integrity: sha512-y}',
    );
    expect(await dependenciesOf({ 'pnpm-lock.yaml': text })).toEqual([
      { library: 'kafkajs', version: '2.2.4', file: 'pnpm-lock.yaml' },
      { library: 'node-rdkafka', version: '3.0.1', file: 'pnpm-lock.yaml' },
    ]);
  });

  it('v5: top-level dependencies, and `packages` keys when nothing depends on the package directly', async () => {
    const text = lines(
      'lockfileVersion: 5.4',
      'specifiers:',
      '  kafkajs: ^2.2.0',
      'dependencies:',
      '  kafkajs: 2.2.3',
      'packages:',
      '  /kafkajs/2.2.3:',
      '    resolution: {integrity: sha512-x}',
      '  /@confluentinc/kafka-javascript/1.0.0_bindings@1.5.0:',
      '    resolution: {integrity: sha512-y}',
    );
    expect(await dependenciesOf({ 'pnpm-lock.yaml': text })).toEqual([
      { library: 'kafkajs', version: '2.2.3', file: 'pnpm-lock.yaml' },
      { library: 'confluent-kafka-javascript', version: '1.0.0', file: 'pnpm-lock.yaml' },
    ]);
  });

  it('v6: `/name@version` package keys', async () => {
    const text = lines("lockfileVersion: '6.0'", 'packages:', '  /@platformatic/kafka@1.4.0:', '    resolution: {integrity: sha512-x}');
    expect(await dependenciesOf({ 'pnpm-lock.yaml': text })).toEqual([{ library: 'platformatic', version: '1.4.0', file: 'pnpm-lock.yaml' }]);
  });

  it('reports broken YAML in a lockfile that names a Kafka package', async () => {
    const result = await lintFiles({ 'pnpm-lock.yaml': lines('packages:', '  /kafkajs@2.2.4:', '    resolution: {integrity: sha512-x', '  bad: [') });
    expect(result.model.problems).toHaveLength(1);
    expect(result.model.problems[0]).toMatchObject({ file: 'pnpm-lock.yaml', message: expect.stringContaining('YAML syntax error') });
  });
});

describe('lockfile next to package.json', () => {
  it('keeps both: the lockfile has the installed version, package.json the floor of its range', async () => {
    const dependencies = await dependenciesOf({
      'package.json': JSON.stringify({ dependencies: { kafkajs: '^2.0.0' } }),
      'yarn.lock': lines('kafkajs@^2.0.0:', '  version "2.2.4"'),
    });
    expect(dependencies).toEqual([
      { library: 'kafkajs', version: '2.0.0', file: 'package.json' },
      { library: 'kafkajs', version: '2.2.4', file: 'yarn.lock' },
    ]);
  });
});

describe('extractManifestFacts never throws', () => {
  const seeds: Record<string, string> = {
    'package.json': '{"dependencies": {"kafkajs": "^2.2.4", "node-rdkafka": {"x": 1}}, "devDependencies": ["kafkajs"]}',
    'package-lock.json': '{"lockfileVersion": 3, "packages": {"node_modules/kafkajs": {"version": 2}, "": null}, "dependencies": {"kafkajs": "2.2.4"}}',
    'yarn.lock': 'kafkajs@^2:\n  version "2.2.4"\n"@platformatic/kafka@npm:1":\n  version: 1.0.0\n',
    'pnpm-lock.yaml': "importers:\n  .:\n    dependencies:\n      kafkajs: {specifier: '1', version: [2]}\npackages:\n  /kafkajs@2.2.4: {}\n  kafkajs: 3\n",
  };
  let state = 7;
  const random = (limit: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % limit;
  };
  it('on 2000 mutated inputs', () => {
    for (let round = 0; round < 2000; round++) {
      for (const [file, seed] of Object.entries(seeds)) {
        let text = seed;
        const at = random(text.length + 1);
        text = random(2) === 0 ? text.slice(0, at) + text.slice(at + 1 + random(4)) : text.slice(0, at) + '{}[]":,\n -@'[random(12)] + text.slice(at);
        expect(() => extractManifestFacts(file, text), `${file}: ${text}`).not.toThrow();
      }
    }
  });
});
