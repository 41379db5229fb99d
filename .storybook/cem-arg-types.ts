/**
 * Storybook's docs tables from custom-elements.json, one row per public API entry.
 *
 * Storybook's own extractor keys every row by its bare name, so the agenda's `filters` attribute vanished behind
 * its `filters` CSS part, attributes hid their properties' descriptions, and the nameless default slot was dropped.
 * Here attributes carry their property's description, type and default; properties without an attribute, events,
 * slots, custom properties and parts get their own keys.
 */
import type { ArgTypes } from '@storybook/web-components';

interface Item {
  name: string;
  description?: string;
  type?: { text?: string };
  default?: string;
  fieldName?: string;
  attribute?: string;
  kind?: string;
  static?: boolean;
}

interface Declaration {
  kind: string;
  tagName?: string;
  attributes?: Item[];
  members?: Item[];
  events?: Item[];
  slots?: Item[];
  cssProperties?: Item[];
  cssParts?: Item[];
}

interface Manifest {
  modules: { declarations?: Declaration[] }[];
}

/** One table row; only attributes and properties get an editor, the other categories are reference. */
const row = (item: Item, category: string, name = item.name, editable = false): ArgTypes[string] => ({
  name,
  description: item.description ?? '',
  ...(editable ? {} : { control: false }),
  table: {
    category,
    type: { summary: item.type?.text ?? '' },
    ...(item.default !== undefined ? { defaultValue: { summary: item.default } } : {}),
  },
});

export function argTypesFor(manifest: Manifest, tagName: string): ArgTypes {
  const declaration = manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .find((candidate) => candidate.tagName === tagName);
  if (!declaration) return {};
  const members = (declaration.members ?? []).filter((member) => member.kind === 'field' && !member.static);
  const argTypes: ArgTypes = {};
  for (const attribute of declaration.attributes ?? []) {
    const field = members.find((member) => member.name === attribute.fieldName);
    const merged: Item = {
      ...field,
      ...attribute,
      description: attribute.description ?? field?.description,
      type: attribute.type ?? field?.type,
    };
    argTypes[attribute.fieldName ?? attribute.name] = row(merged, 'attributes', attribute.name, true);
  }
  for (const member of members) {
    if (member.attribute || argTypes[member.name]) continue;
    argTypes[member.name] = row(member, 'properties', member.name, true);
  }
  for (const event of declaration.events ?? [])
    argTypes[`event:${event.name}`] = row(event, 'events', event.name);
  for (const slot of declaration.slots ?? [])
    argTypes[`slot:${slot.name || 'default'}`] = row(slot, 'slots', slot.name || '(default)');
  for (const property of declaration.cssProperties ?? [])
    argTypes[property.name] = row(property, 'css custom properties');
  for (const part of declaration.cssParts ?? [])
    argTypes[`part:${part.name}`] = row(part, 'css shadow parts', `::part(${part.name})`);
  return argTypes;
}
