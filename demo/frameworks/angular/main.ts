// Angular 21, compiled just in time in the browser (JIT, `@angular/compiler`) and bundled by Vite: the Angular CLI's
// ahead-of-time build would add its own toolchain (@angular/build, compiler-cli) to this demo for no difference in
// how the widgets are used. CUSTOM_ELEMENTS_SCHEMA lets templates use the tags; `[event]` binds the property and
// `(ra-register)` the event. Without decorator metadata, dependencies come from `inject()`.
import '@angular/compiler';
import 'ra-widgets/agenda';
import 'ra-widgets/event-card';
import type { AgendaEvent, RaRegisterEvent } from 'ra-widgets/agenda';
import {
  CUSTOM_ELEMENTS_SCHEMA,
  Component,
  Injectable,
  provideZonelessChangeDetection,
  signal,
} from '@angular/core';
import { inject } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { RouterLink, RouterOutlet, provideRouter, withHashLocation } from '@angular/router';
import { FEED, NOW, featuredEvent } from '../shared';

/** The name of the event the reader asked to register for, shared by the pages. */
@Injectable({ providedIn: 'root' })
class Registrations {
  readonly registered = signal<string | undefined>(undefined);
}

@Component({
  selector: 'app-agenda-page',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `<main>
    @if (featured(); as event) {
      <ra-event-card [event]="event" [now]="now" (ra-register)="onRegister($event)"></ra-event-card>
    }
    <ra-agenda [feed]="feed" [now]="now" [limit]="3" (ra-register)="onRegister($event)"></ra-agenda>
  </main>`,
})
class AgendaPage {
  readonly feed = FEED;
  readonly now = NOW;
  readonly featured = signal<AgendaEvent | undefined>(undefined);
  readonly #registrations = inject(Registrations);

  constructor() {
    featuredEvent().then((event) => this.featured.set(event), console.error);
  }

  onRegister(event: Event): void {
    const register = event as RaRegisterEvent;
    register.preventDefault(); // this app handles registration itself
    this.#registrations.registered.set(register.event.name);
  }
}

@Component({
  selector: 'app-about-page',
  template: `<p id="about">Réseau Alliances, the CSR business network of Hauts-de-France.</p>`,
})
class AboutPage {}

@Component({
  selector: 'app-root',
  imports: [RouterOutlet, RouterLink],
  template: `<nav>
      <a routerLink="/" id="to-agenda">Agenda</a> · <a routerLink="/about" id="to-about">À propos</a>
    </nav>
    @if (registrations.registered(); as name) {
      <p id="registered">Inscription demandée : {{ name }}</p>
    }
    <router-outlet />`,
})
class App {
  readonly registrations = inject(Registrations);
}

bootstrapApplication(App, {
  providers: [
    provideZonelessChangeDetection(),
    provideRouter(
      [
        { path: '', component: AgendaPage },
        { path: 'about', component: AboutPage },
      ],
      withHashLocation(),
    ),
  ],
}).catch(console.error);
