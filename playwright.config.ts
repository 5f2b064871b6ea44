import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 45_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env['PW_JSON_OUT']
    ? [['list'], ['json', { outputFile: process.env['PW_JSON_OUT'] }]]
    : [['list']],
  use: { trace: 'off', screenshot: 'only-on-failure' },
});
