// Generates custom-elements.json from the elements' JSDoc: Storybook's docs tables and editors read it.
export default {
  // The base element too: its attributes (lang, theme, now) are inherited by every element.
  globs: ['src/components/**/*.ts', 'src/internal/ra-element.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/**/*.messages.ts', 'src/**/*.styles.ts'],
  litelement: true,
  outdir: '.',
  plugins: [
    {
      // The analyzer also lists `dispatchEvent(new SomeEvent())` calls it cannot name; our `@fires` tags name
      // every event, so the nameless duplicates only add empty rows to the docs.
      name: 'drop-nameless-events',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (declaration.events) declaration.events = declaration.events.filter((event) => event.name);
          }
        }
      },
    },
  ],
};
