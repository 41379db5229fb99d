// Vue 3 with vue-router: the compiler treats `ra-*` tags as custom elements (vite.config.ts), and
// `ra-widgets/vue` types their props and events for vue-tsc.
import 'ra-widgets/agenda';
import 'ra-widgets/event-card';
import { createApp } from 'vue';
import { createRouter, createWebHashHistory } from 'vue-router';
import App from './App.vue';
import AgendaPage from './AgendaPage.vue';
import AboutPage from './AboutPage.vue';

const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', component: AgendaPage },
    { path: '/about', component: AboutPage },
  ],
});

createApp(App).use(router).mount('#app');
