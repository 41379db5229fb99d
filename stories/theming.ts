/**
 * The theming the stories show: the `--ra-*` custom properties on a class a page puts on the element (they inherit,
 * so an ancestor works too), plus the `::part` rules each story adds for its own element.
 */
export function themedStyle(partRules: string): HTMLStyleElement {
  const style = document.createElement('style');
  style.textContent = `
    .themed {
      --ra-color-primary: #6b2c91;
      --ra-color-accent: #f4b400;
      --ra-radius: 0;
      --ra-font-family: Georgia, serif;
    }
    ${partRules}`;
  return style;
}
