import { LitElement, type PropertyDeclarations } from 'lit';
import { RaElement } from './ra-element.js';

/**
 * An element that shows events: a `LitElement` with what every element shares (`RaElement`: `lang`, `theme`) and a
 * clock (`now`). In a module of its own, since a bundle keeps any class with static fields that its modules declare:
 * the member badge, whose one-file bundle is weighed byte by byte (issue 16), carries neither it nor Lit's templates.
 */
export class RaEventElement extends RaElement(LitElement) {
  static override properties: PropertyDeclarations = {
    now: {},
  };

  /**
   * The present as an ISO 8601 date-time, for demos on past feeds and for tests; default: the real clock. Decides
   * what is upcoming and whether registration is open.
   */
  now?: string;

  /** The instant `now` pins, when it is a valid date-time. */
  protected get pinnedNow(): Date | undefined {
    const pinned = this.now ? new Date(this.now) : undefined;
    return pinned && !Number.isNaN(pinned.getTime()) ? pinned : undefined;
  }
}
