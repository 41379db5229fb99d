// React 19: the widgets as plain JSX tags. React 19 sets `event={…}` as a property and `onra-register` as a listener;
// `ra-widgets/react` types both. Hash routes: leaving "Agenda" unmounts the agenda, coming back mounts a new one.
import 'ra-widgets/agenda';
import 'ra-widgets/event-card';
import type {} from 'ra-widgets/react';
import type { AgendaEvent, RaRegisterEvent } from 'ra-widgets/agenda';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { FEED, NOW, featuredEvent } from '../shared';

function useHashRoute(): string {
  const [route, setRoute] = useState(location.hash || '#/');
  useEffect(() => {
    const onChange = () => setRoute(location.hash || '#/');
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

function App() {
  const route = useHashRoute();
  const [featured, setFeatured] = useState<AgendaEvent>();
  const [registered, setRegistered] = useState<string>();
  useEffect(() => {
    featuredEvent().then(setFeatured, console.error);
  }, []);
  const onRegister = (event: RaRegisterEvent) => {
    event.preventDefault(); // this app handles registration itself
    setRegistered(event.event.name);
  };
  return (
    <>
      <nav>
        <a href="#/" id="to-agenda">
          Agenda
        </a>{' '}
        ·{' '}
        <a href="#/about" id="to-about">
          À propos
        </a>
      </nav>
      {registered && <p id="registered">Inscription demandée : {registered}</p>}
      {route === '#/about' ? (
        <p id="about">Réseau Alliances, the CSR business network of Hauts-de-France.</p>
      ) : (
        <main>
          {featured && <ra-event-card event={featured} now={NOW} onra-register={onRegister} />}
          <ra-agenda feed={FEED} now={NOW} limit={3} onra-register={onRegister} />
        </main>
      )}
    </>
  );
}

createRoot(document.getElementById('app')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
