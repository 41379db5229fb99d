// The consumer page: the README's snippets (imported by ./readme-snippets.ts, written by the test) run as written,
// then every element is created and used through its types. The browser check reads `window.raSeen`.
import './readme-snippets';
import { renderTypedUses, seen } from './typed-uses';

const host = document.querySelector<HTMLElement>('#typed');
if (!host) throw new Error('the page has no #typed element');
await renderTypedUses(host, '/feed.json');
(window as Window & { raSeen?: string[] }).raSeen = seen;
document.body.dataset.ready = 'true';
