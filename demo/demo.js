// Demo glue, loaded as a file so the page runs under a strict Content-Security-Policy (no inline script).
import { copyCode } from './copy.js';

const select = document.querySelector('#form-event');
const slot = document.querySelector('#form-slot');

if (select && slot) {
  const response = await fetch('/feed.json');
  const feed = await response.json();
  const registrable = feed.events.filter((event) => event.registration?.mode === 'inline');
  for (const event of registrable) {
    select.append(new Option(event.name, event.id));
  }
  const show = () => {
    const form = document.createElement('ra-registration-form');
    form.setAttribute('feed', '/feed.json');
    form.setAttribute('event-id', select.value);
    form.setAttribute('privacy-policy', 'https://www.reseau-alliances.org/');
    form.setAttribute('now', '2020-03-16T09:00:00+01:00');
    slot.replaceChildren(form);
  };
  select.addEventListener('change', show);
  if (registrable.length > 0) show();
}

// The partner's snippet above the agenda: copied as shown, or selected when the clipboard refuses.
document
  .querySelector('#copy-snippet')
  ?.addEventListener('click', () =>
    copyCode(document.querySelector('#snippet'), document.querySelector('#snippet-status')),
  );
