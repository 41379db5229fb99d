/** Peer: add-to-calendar-button 2.15, which registers its `<add-to-calendar-button>` element on import. */
import 'add-to-calendar-button';
