import { defineConfig } from '@playwright/test'

// Browser e2e against `podlab serve` (each test starts its own host on a fresh cluster file: see
// e2e/fixtures/podlab-host.ts). Needs a build first (`npx electron-vite build`): the host serves out/renderer
// and runs out/main/cli.js. Chromium is Debian's (/usr/bin/chromium); Playwright never downloads one here.
// The Electron specs under e2e/electron launch their own app and skip themselves where no binary exists.
export default defineConfig({
  testDir: 'e2e',
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  use: {
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      // Without the background-networking flags Chromium floods the closed network with refused connections.
      args: [
        '--headless',
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
  projects: [
    { name: 'chromium', use: { browserName: 'chromium' }, testIgnore: /.*\.electron\.spec\.ts/ },
    // Launches the app through Playwright's _electron; needs no browser, skips itself without the binary.
    { name: 'electron', testMatch: /.*\.electron\.spec\.ts/ },
  ],
})
