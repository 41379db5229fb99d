import { setCustomElementsManifest } from '@storybook/web-components';
import type { Preview } from '@storybook/web-components';
import manifest from '../custom-elements.json';
import { argTypesFor } from './cem-arg-types.js';

// Docs tables (attributes, properties, events, parts, CSS properties, slots) come from the JSDoc of each element.
setCustomElementsManifest(manifest);

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    controls: { expanded: true },
    actions: { argTypesRegex: '^on.*' },
    docs: { extractArgTypes: (tagName: string) => argTypesFor(manifest, tagName) },
  },
};

export default preview;
