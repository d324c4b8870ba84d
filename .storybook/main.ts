import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // No internet on our machines: no telemetry, no update checks.
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  viteFinal: async (viteConfig) => ({
    ...viteConfig,
    // Workspace packages resolve to their TypeScript sources, as in the tests.
    resolve: { ...viteConfig.resolve, conditions: ['source', 'browser', 'module', 'import', 'default'] },
    // Lit's standard decorators (`@property() accessor x`) are not in browsers yet: lower them.
    esbuild: { ...viteConfig.esbuild, target: 'es2022' },
  }),
};

export default config;
