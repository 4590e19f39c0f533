import { describe, expect, it } from 'vitest';
import { configRelativePath, fileGlobMatcher, rebaseGlob } from '../../src/config/file-globs.js';

const cases: Array<[pattern: string, matches: string[], misses: string[]]> = [
  ['docker-compose*.yml', ['docker-compose.yml', 'deploy/docker-compose.dev.yml'], ['docker-compose.yaml', 'compose.yml']],
  ['*.properties', ['producer.properties', 'a/b/consumer.properties'], ['producer.properties.bak']],
  ['services/telemetry/**', ['services/telemetry/producer.properties', 'services/telemetry/src/app.ts'], ['services/telemetry-v2/app.properties', 'other/services/telemetry/x.yml']],
  ['services/telemetry', ['services/telemetry/producer.properties'], ['services/telemetry2/producer.properties']],
  ['services/*/producer.properties', ['services/orders/producer.properties'], ['services/orders/v1/producer.properties']],
  ['**/test/**', ['test/a.yml', 'services/orders/test/fixtures/b.properties'], ['services/testing/a.yml', 'latest/a.yml']],
  ['/application.yml', ['application.yml'], ['service/application.yml']],
  ['./deploy/', ['deploy/kafka.yaml', 'deploy/prod/kafka.yaml'], ['other/deploy/kafka.yaml']],
  ['deploy/{prod,staging}/**', ['deploy/prod/topics.yaml', 'deploy/staging/topics.yaml'], ['deploy/dev/topics.yaml']],
  ['config/producer-?.properties', ['config/producer-1.properties'], ['config/producer-10.properties']],
  ['config/[ab].env', ['config/a.env', 'config/b.env'], ['config/c.env']],
  ['payments.v1.properties', ['payments.v1.properties'], ['paymentsXv1.properties']],
];

describe('file globs', () => {
  for (const [pattern, matches, misses] of cases) {
    it(`${pattern} matches what .gitignore would`, () => {
      const matcher = fileGlobMatcher([pattern]);
      for (const path of matches) expect(matcher(path), path).toBe(true);
      for (const path of misses) expect(matcher(path), path).toBe(false);
    });
  }

  it('lets a later !pattern take a file back, and the last matching pattern decides', () => {
    const matcher = fileGlobMatcher(['fixtures/**', '!fixtures/keep/**']);
    expect(matcher('fixtures/broken.yml')).toBe(true);
    expect(matcher('fixtures/keep/good.yml')).toBe(false);
    expect(fileGlobMatcher(['!fixtures/keep/**', 'fixtures/**'])('fixtures/keep/good.yml')).toBe(true);
  });

  it('matches nothing with an empty list', () => {
    expect(fileGlobMatcher([])('docker-compose.yml')).toBe(false);
  });

  it('sees a file from the configuration folder: the working directory is a prefix below it', () => {
    expect(configRelativePath('producer.properties', '')).toBe('producer.properties');
    expect(configRelativePath('producer.properties', 'services/orders')).toBe('services/orders/producer.properties');
    expect(configRelativePath('../billing/app.yml', 'services/orders')).toBe('services/billing/app.yml');
  });

  it('rewrites a glob relative to a folder below, keeping its meaning', () => {
    expect(rebaseGlob('docker-compose*.yml', 'config')).toBe('config/**/docker-compose*.yml');
    expect(rebaseGlob('../services/**', 'config')).toBe('services/**');
    expect(rebaseGlob('!keep/**', 'config')).toBe('!config/keep/**');
    expect(rebaseGlob('services/**', '')).toBe('services/**');
  });
});
