import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Two at a time on the 2-core machines we run on: the files mostly wait on sockets and
    // child processes (sandboxes, Chromium, rate limits). Vitest's default (cores - 1) ran
    // them one by one: 289 s of CI's unit step became 193 s.
    maxWorkers: 2,
  },
});
