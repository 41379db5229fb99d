// Generates custom-elements.json from the elements' JSDoc: Storybook's docs tables and editors read it.

/** The `declare class`es of each module, by path: types only (see the `mixins-once` plugin). */
const declaredClasses = new Map();

export default {
  // The base elements too: their attributes (lang and theme on every element, now on the three that show events)
  // are inherited.
  globs: ['src/components/**/*.ts', 'src/internal/ra-element.ts', 'src/internal/ra-event-element.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/**/*.messages.ts', 'src/**/*.styles.ts'],
  litelement: true,
  outdir: '.',
  plugins: [
    {
      // Storybook's tables and the framework typings read every member the analyzer lists: keep only the public
      // API (TypeScript `private`/`protected`, `#private` and `@internal` members are implementation).
      // A mixin's `static properties` are Lit's declarations, which the analyzer drops from classes only.
      name: 'public-api-only',
      packageLinkPhase({ customElementsManifest }) {
        const isPublic = (member) =>
          !member.privacy || member.privacy === 'public'
            ? !member.name.startsWith('#') &&
              !/@internal\b/.test(member.description ?? '') &&
              !(member.static && member.name === 'properties')
            : false;
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (declaration.members) declaration.members = declaration.members.filter(isPublic);
          }
        }
      },
    },
    {
      // The analyzer skips a field tagged `@internal`, but not an entry of `static properties` so tagged: it would list
      // it as a public property without a description.
      name: 'internal-static-properties',
      analyzePhase({ ts, node, moduleDoc }) {
        if (!ts.isClassDeclaration(node) || !node.name) return;
        const internal = node.members
          .filter((member) => ts.isPropertyDeclaration(member) && member.name.getText() === 'properties')
          .flatMap((member) =>
            member.initializer && ts.isObjectLiteralExpression(member.initializer)
              ? member.initializer.properties
              : [],
          )
          .filter((entry) => ts.getJSDocTags(entry).some((tag) => tag.tagName.text === 'internal'))
          .map((entry) => entry.name?.getText());
        const declaration = moduleDoc.declarations?.find((d) => d.name === node.name.getText());
        if (internal.length && declaration?.members) {
          declaration.members = declaration.members.filter((member) => !internal.includes(member.name));
        }
      },
    },
    {
      // A mixin (`RaElement`) is listed with its members; the analyzer also lists the class inside it, by the same
      // name, and the `declare class` that types it (Lit's pattern): neither is API.
      name: 'mixins-once',
      analyzePhase({ ts, node, moduleDoc }) {
        if (!ts.isClassDeclaration(node) || !node.name) return;
        if (node.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.DeclareKeyword)) {
          declaredClasses.set(moduleDoc.path, [
            ...(declaredClasses.get(moduleDoc.path) ?? []),
            node.name.getText(),
          ]);
        }
      },
      moduleLinkPhase({ moduleDoc }) {
        const declared = declaredClasses.get(moduleDoc.path) ?? [];
        const declarations = moduleDoc.declarations ?? [];
        const mixins = new Set(declarations.filter((d) => d.kind === 'mixin').map((d) => d.name));
        moduleDoc.declarations = declarations.filter(
          (d) => !declared.includes(d.name) && !(d.kind === 'class' && mixins.has(d.name)),
        );
        moduleDoc.exports = moduleDoc.exports?.filter((e) => !declared.includes(e.name));
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
