import { expect } from '@open-wc/testing';
import type { CSSResult, CSSResultGroup, ReactiveElement } from 'lit';
import { minifyCssParts } from '../scripts/minify-css.js';
import { RaAgenda } from '../src/components/agenda/agenda.js';
import { RaEventCard } from '../src/components/event-card/event-card.js';
import { RaMemberBadge } from '../src/components/member-badge/member-badge.js';
import { RaRegistrationForm } from '../src/components/registration-form/registration-form.js';

/**
 * The rules as the browser reads them. A value holding `var()` keeps its text as written until it is computed, so
 * whitespace is compared as CSS reads it: a run is one space, none is needed around `{ } ; ,`.
 */
function rules(text: string): string[] {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  return [...sheet.cssRules].map((rule) => rule.cssText.replace(/\s+/g, ' ').replace(/ ?([{};,]) ?/g, '$1'));
}

/** Every `css` result of an element's styles (ours are never native sheets). */
function results(group: CSSResultGroup | undefined): CSSResult[] {
  if (group === undefined) return [];
  return Array.isArray(group) ? group.flatMap(results) : [group as CSSResult];
}

const elements: [string, typeof ReactiveElement][] = [
  ['<ra-agenda>', RaAgenda],
  ['<ra-event-card>', RaEventCard],
  ['<ra-member-badge>', RaMemberBadge],
  ['<ra-registration-form>', RaRegistrationForm],
];

// The CDN build minifies the widgets' `css` templates (scripts/vite-minify-lit-css.ts): the browser must read
// the same rules from them.
describe('CSS minification', () => {
  for (const [name, element] of elements) {
    it(`keeps every rule of ${name}`, () => {
      for (const { cssText } of results(element.styles)) {
        const [minified] = minifyCssParts([cssText])!;
        expect(rules(minified!)).to.deep.equal(rules(cssText));
        expect(minified!.replace(/\n/g, '').length).to.be.lessThan(cssText.length);
      }
    });
  }
});
