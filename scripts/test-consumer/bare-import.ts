// The issue's own lines, alone in their program: a bare side-effect import is enough to type the tag and its events.
import 'ra-widgets/agenda';

const agenda = document.querySelector('ra-agenda');
agenda?.addEventListener('ra-register', (e) => console.log(e.event.id));
document.addEventListener('ra-feed-error', (e) => console.log(e.url, e.error.message));
if (agenda) agenda.limit = 5;
