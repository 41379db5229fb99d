import type { Meta, StoryObj } from '@storybook/web-components';
import { mountSnippetBuilder } from '../demo/snippet-builder.js';
import '../demo/snippet-builder.css';
import '../src/components/agenda/define.js';
import '../src/components/event-card/define.js';
import '../src/components/registration-form/define.js';
import '../src/components/member-badge/define.js';

/**
 * What a partner copies: choose the widget, the feed, filters, layout, language and colours, see it live, copy the
 * module snippet, the markup WordPress keeps for Authors, or the plugin's shortcode. The same builder as the demo's
 * `/builder.html`; only the preview pins the clock to the sample feed's 2020.
 */
const meta: Meta = {
  title: 'Guides/Snippet builder',
  render: () => {
    const container = document.createElement('div');
    void mountSnippetBuilder(container, {
      scriptSrc: 'https://cdn.example.org/ra-widgets/ra-widgets.js',
      feed: '/feed.json',
      previewNow: '2020-03-16T09:00:00+01:00',
    });
    return container;
  },
};
export default meta;

export const SnippetBuilder: StoryObj = {};
