// End-to-end suite: Playwright drives Debian's Chromium (no browser download) against the real
// server that `cargo xtask test` starts on a random port with a fresh SQLite database.
import { defineConfig } from '@playwright/test';

const baseURL = process.env.PASSPLUS_E2E_BASE_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  testDir: './specs',
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL,
    // An English-speaking browser: the app must still open in French.
    locale: 'en-US',
    launchOptions: {
      executablePath: process.env.PASSPLUS_CHROMIUM ?? '/usr/bin/chromium',
      // Without the background-networking flags Chromium keeps calling home on a closed network.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
