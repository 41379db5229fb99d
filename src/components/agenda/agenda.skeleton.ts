/**
 * The agenda's list while the feed loads: a month heading and placeholder cards in the same boxes (the same
 * classes, gaps and card heights) as the list that replaces it, enough of them to fill a first screen, so that
 * neither the agenda nor the page below it moves when the events arrive (Cumulative Layout Shift).
 */
import { html, type TemplateResult } from 'lit';
import type { AgendaLayout } from './agenda.js';

const screenfuls: Record<AgendaLayout, number> = { list: 3, compact: 6, grid: 6 };

/**
 * A screen's worth of cards in `layout` (a grid shows several per row): the placeholder's cards (at most
 * `limit`), and the cards the agenda lays out at once rather than deferring (`content-visibility`).
 */
export function screenful(layout: AgendaLayout): number {
  // An unknown `layout` attribute renders as a list.
  return screenfuls[layout] ?? screenfuls.list;
}

export function renderSkeletonList(layout: AgendaLayout, limit: number): TemplateResult {
  const count = Math.max(1, Math.min(limit, screenful(layout)));
  return html`<section class="month" aria-hidden="true">
    <div class="month-heading"><span class="skeleton-line"></span></div>
    <ul class="items">
      ${Array.from({ length: count }, () => html`<li class="item"><div part="skeleton" class="skeleton"></div></li>`)}
    </ul>
  </section>`;
}
