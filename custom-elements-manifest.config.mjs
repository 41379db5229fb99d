// Generates custom-elements.json from the elements' JSDoc: Storybook's docs tables and editors read it.
export default {
  // The base element too: its attributes (lang, theme, now) are inherited by every element.
  globs: ['src/components/**/*.ts', 'src/internal/ra-element.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/**/*.messages.ts', 'src/**/*.styles.ts'],
  litelement: true,
  outdir: '.',
  plugins: [
    {
      // Storybook's tables and the framework typings read every member the analyzer lists: keep only the public
      // API (TypeScript `private`/`protected`, `#private` and `@internal` members are implementation).
      name: 'public-api-only',
      packageLinkPhase({ customElementsManifest }) {
        const isPublic = (member) =>
          !member.privacy || member.privacy === 'public'
            ? !member.name.startsWith('#') && !/@internal\b/.test(member.description ?? '')
            : false;
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (declaration.members) declaration.members = declaration.members.filter(isPublic);
          }
        }
      },
    },
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
