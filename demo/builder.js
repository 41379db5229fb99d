// The demo's snippet builder page: the CDN loader and the sample feed of this server. The preview alone pins the
// clock to the demo's March 2020; the copied code never does.
import { mountSnippetBuilder } from './snippet-builder.js';

await mountSnippetBuilder(document.querySelector('#builder'), {
  scriptSrc: new URL('/cdn/ra-widgets.js', location.href).href,
  feed: '/feed.json',
  previewNow: '2020-03-16T09:00:00+01:00',
});
