// Svelte 5: the widgets as plain tags. Svelte sets `event={…}` as a property (the element has one) and
// `onra-register` as a listener; `ra-widgets/svelte` types both for svelte-check.
import 'ra-widgets/agenda';
import 'ra-widgets/event-card';
import { mount } from 'svelte';
import App from './App.svelte';

mount(App, { target: document.getElementById('app')! });
