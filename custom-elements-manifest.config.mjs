// Generates custom-elements.json from the elements' JSDoc: Storybook's docs tables and editors read it.
export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/**/*.messages.ts', 'src/**/*.styles.ts'],
  litelement: true,
  outdir: '.',
};
