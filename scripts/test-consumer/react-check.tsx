// React 19 JSX typings from `ra-widgets/react`: the documented props type-check, wrong ones do not.
import type {} from 'ra-widgets/react';
import type { AgendaEvent } from 'ra-widgets/agenda';

export function Agenda({ event }: { event: AgendaEvent }) {
  return (
    <>
      <ra-agenda feed="https://www.reseau-alliances.org/feed.json" limit={5} />
      <ra-agenda
        feed="/feed.json"
        category="atelier"
        layout="grid"
        url-state="query"
        filters={false}
        onra-register={(e) => {
          e.preventDefault();
          console.log(e.event.name);
        }}
        onra-feed-error={(e) => console.error(e.url, e.error)}
      />
      <ra-event-card event={event} layout="compact" />
      <ra-event-card feed="/feed.json" event-id="cycle-habiter-julien-dossier-2020-05-28" />
      <ra-registration-form
        feed="/feed.json"
        eventId={event.id}
        privacy-policy="/confidentialite"
        onra-registration-success={(e) => console.log(e.status, e.registrationId)}
      />
      <ra-member-badge member="etika-spirulina" feed="/feed.json" variant="icon">
        <a href="https://www.reseau-alliances.org/">Adhérent Réseau Alliances</a>
      </ra-member-badge>
      {/* @ts-expect-error limit is a number */}
      <ra-agenda limit="five" />
      {/* @ts-expect-error not a layout */}
      <ra-agenda layout="carousel" />
      {/* @ts-expect-error the register event has no `nope` */}
      <ra-agenda onra-register={(e) => e.nope} />
      {/* @ts-expect-error the badge's variants are full, compact and icon */}
      <ra-member-badge variant="huge" />
    </>
  );
}
