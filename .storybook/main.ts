import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts', '../src/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // Stories read the sample feed at /feed.json, as the demo server serves it.
  staticDirs: [
    { from: '../demo/data', to: '/' },
    { from: '../stories/data', to: '/stories-data' },
  ],
  core: { disableTelemetry: true },
};

export default config;
