import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './scripts/browser.mjs';

const baseURL = process.env.CANHGAC_CONSOLE_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  testDir: 'e2e',
  // One worker: the tests share one platform and the machine has two cores.
  workers: 1,
  fullyParallel: false,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['junit', { outputFile: 'target/playwright/results.xml' }]],
  outputDir: 'target/playwright/output',
  use: {
    baseURL,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
  },
  projects: [{ name: 'desktop', use: { ...devices['Desktop Chrome'], channel: undefined, viewport: { width: 1366, height: 860 } } }],
});
