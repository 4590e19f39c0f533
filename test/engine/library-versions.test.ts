import { describe, expect, it } from 'vitest';
import { versionFor } from '../../src/engine/lint.js';
import type { LibraryDependency } from '../../src/model/types.js';

const dependency = (file: string, version: string): LibraryDependency => ({ library: 'kafkajs', version, file });

describe('which manifest gives a client its library version', () => {
  it('a lockfile beats the package.json range beside it, whatever the file order', () => {
    const dependencies = [dependency('package.json', '2.0.0'), dependency('yarn.lock', '2.2.4')];
    expect(versionFor({ file: 'src/producer.ts', library: 'kafkajs' }, dependencies)).toBe('2.2.4');
    expect(versionFor({ file: 'src/producer.ts', library: 'kafkajs' }, [...dependencies].reverse())).toBe('2.2.4');
  });

  it('the nearest manifest above the file wins in a monorepo', () => {
    const dependencies = [dependency('package-lock.json', '2.2.4'), dependency('services/legacy/package.json', '1.16.0')];
    expect(versionFor({ file: 'services/legacy/src/producer.ts', library: 'kafkajs' }, dependencies)).toBe('1.16.0');
    expect(versionFor({ file: 'services/orders/src/producer.ts', library: 'kafkajs' }, dependencies)).toBe('2.2.4');
  });

  it('another library or a manifest in a sibling folder gives nothing', () => {
    const dependencies = [dependency('services/legacy/package.json', '1.16.0'), { library: 'node-rdkafka', version: '3.0.0', file: 'package.json' } as LibraryDependency];
    expect(versionFor({ file: 'services/orders/producer.ts', library: 'kafkajs' }, dependencies)).toBeUndefined();
  });
});
