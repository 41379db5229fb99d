/**
 * The "Agenda du réseau" block in the editor: its settings in the sidebar, a placeholder in the post. The page
 * renders it on the server, like the [ra_agenda] shortcode (ra-widgets.php). Plain script: no build step.
 */
(function (blocks, element, blockEditor, components, i18n) {
  var el = element.createElement;
  var __ = i18n.__;

  blocks.registerBlockType('ra-widgets/agenda', {
    edit: function (props) {
      var attributes = props.attributes;
      function field(name, label, help) {
        return el(components.TextControl, {
          label: label,
          help: help,
          value: attributes[name] || '',
          onChange: function (value) {
            var change = {};
            change[name] = value;
            props.setAttributes(change);
          },
        });
      }
      return el(
        'div',
        blockEditor.useBlockProps(),
        el(
          blockEditor.InspectorControls,
          null,
          el(
            components.PanelBody,
            { title: __('Agenda', 'ra-widgets') },
            field(
              'feed',
              __('Feed URL', 'ra-widgets'),
              __('Empty: the default feed of the settings.', 'ra-widgets'),
            ),
            field(
              'category',
              __('Categories', 'ra-widgets'),
              __('Comma-separated slugs, e.g. atelier,club', 'ra-widgets'),
            ),
            el(components.SelectControl, {
              label: __('Layout', 'ra-widgets'),
              value: attributes.layout,
              options: [
                { label: __('List', 'ra-widgets'), value: 'list' },
                { label: __('Compact', 'ra-widgets'), value: 'compact' },
                { label: __('Grid', 'ra-widgets'), value: 'grid' },
              ],
              onChange: function (value) {
                props.setAttributes({ layout: value });
              },
            }),
          ),
        ),
        el(components.Placeholder, {
          icon: 'calendar-alt',
          label: __('Agenda du réseau', 'ra-widgets'),
          instructions: __('The network agenda shows here on the published page.', 'ra-widgets'),
        }),
      );
    },
    save: function () {
      return null;
    },
  });
})(window.wp.blocks, window.wp.element, window.wp.blockEditor, window.wp.components, window.wp.i18n);
