/** Floor: Lit 3 with one tiny element. */
import { LitElement, css, html } from 'lit';

class TinyElement extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
  `;

  static override properties = { name: {} };
  name = 'monde';

  override render() {
    return html`<p>Bonjour ${this.name}</p>`;
  }
}

customElements.define('tiny-element', TinyElement);
