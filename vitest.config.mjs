// The Storybook stories as tests (`npm run test:stories`, a step of `npm test`): every story renders
// in the system Chromium (vitest browser mode, playwright driving /usr/bin/chromium — playwright's
// own browsers are never downloaded) and the a11y addon's axe checks it (`parameters.a11y.test:
// 'error'` in .storybook/preview.ts, so a violation fails the story).
//
// Stories talk to a sandbox API: run under scripts/with-sandbox.mjs, which passes its URL as
// DVC_SANDBOX_URL; stories/api.ts reads it as import.meta.env.STORYBOOK_DVC_API.
import { defineConfig } from 'vitest/config';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { ensureChromium } from './scripts/system-packages.mjs';

if (process.env.DVC_SANDBOX_URL) process.env.STORYBOOK_DVC_API = process.env.DVC_SANDBOX_URL;

export default defineConfig({
  // Vite hands prefixed variables of the environment to import.meta.env.
  envPrefix: ['VITE_', 'STORYBOOK_'],
  test: {
    projects: [
      {
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: {
          name: 'storybook',
          // Two cores on CI: two story files at a time.
          maxWorkers: 2,
          testTimeout: 30_000,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              launchOptions: {
                executablePath: ensureChromium(),
                args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
              },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
