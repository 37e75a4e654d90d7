import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

/** Unit and integration tests, beside their code. Playwright specs (tests/e2e) are not vitest's. */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          // Workers, PGlite and real files on a 2-core CI machine: 5 s flakes under load, a hang still fails.
          testTimeout: 20_000,
          include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'server/**/*.test.ts', 'tests/config/**/*.test.ts', 'tests/sync/**/*.test.ts'],
        },
      },
      {
        plugins: [vue()],
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['renderer/**/*.test.ts'],
        },
      },
    ],
  },
});
