import { defineConfig } from 'vitest/config';

// `npm run test:integrations`: the slow tests that install this package the way users do (pre-commit, npm pack,
// the GitHub Action's first run). They need the npm registry and take minutes, so `npm test` skips them.
export default defineConfig({
  test: {
    include: ['test/integrations/**/*.test.ts'],
    env: { KAFKALINT_INTEGRATIONS: '1' },
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
