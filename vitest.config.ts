import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// One command (`vitest run`) runs every project: pure and Node code, React components in jsdom,
// the packaging check, and the end-to-end journeys in Debian's Chromium against the browser host.
export default defineConfig({
  test: {
    globals: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          // Store tests move thousands of rows through fake-indexeddb; on CI's two shared cores that can
          // take longer than the default 5 s without anything being wrong.
          testTimeout: 30_000,
          include: [
            'tests/shared/**/*.test.ts',
            'tests/electron/**/*.test.ts',
            'tests/architecture/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          name: 'jsdom',
          environment: 'jsdom',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/renderer/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'build',
          environment: 'node',
          include: ['tests/build/**/*.test.ts'],
          testTimeout: 240_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
