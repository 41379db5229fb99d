/**
 * Whitespace and comments out of the CSS of a Lit `css` template, for the CDN build (`vite-minify-lit-css.ts`).
 * Conservative on purpose: runs of whitespace become one space, none around `{ } ; , >`, after `:` and `(` or before
 * `)`; a block's last `;` goes. Strings, escapes, custom property values (their text is their value) and every
 * other character stay as written. Line breaks stay too, so that the module's lines, and its source map, do not
 * move. `test/minify-css.test.ts` checks that the browser reads the same rules from every widget's styles.
 */

/** Punctuation that needs no whitespace on either side. */
const TIGHT = new Set(['{', '}', ';', ',', '>']);
/** …after it only: `a :hover` is not `a:hover`, `and (` is not `and(`. */
const TIGHT_AFTER = new Set([...TIGHT, ':', '(']);
/** …before it only. */
const TIGHT_BEFORE = new Set([...TIGHT, ')']);

/**
 * The static parts of one template (the text around its `${…}`), minified; `undefined` when a string or a comment
 * runs across an interpolation: that template is then left alone.
 */
export function minifyCssParts(parts: readonly string[]): string[] | undefined {
  const result: string[] = [];
  // Inside a custom property's value, and how deep in its brackets.
  let custom = false;
  let depth = 0;
  for (const [index, part] of parts.entries()) {
    const last = index === parts.length - 1;
    let out = '';
    // The whitespace (comments included) read since the last character written.
    let space = '';
    // An interpolation is a value like a word: the space after it matters. It may also be whole declarations.
    let previous = index === 0 ? '' : 'x';
    let declarationStart = true;
    const flush = (next: string) => {
      if (custom) out += space;
      else {
        const newlines = space.split('\n').length - 1;
        const tight = previous === '' || TIGHT_AFTER.has(previous) || TIGHT_BEFORE.has(next);
        if (newlines) out += '\n'.repeat(newlines);
        else if (space && !tight) out += ' ';
      }
      space = '';
    };
    for (let i = 0; i < part.length; i++) {
      const char = part[i]!;
      if (/\s/.test(char)) {
        space += char;
      } else if (char === '/' && part[i + 1] === '*') {
        const end = part.indexOf('*/', i + 2);
        if (end < 0) return undefined;
        space += part.slice(i, end + 2).replace(/[^\n]/g, '') || ' ';
        i = end + 1;
      } else if (char === "'" || char === '"') {
        flush(char);
        let end = i + 1;
        while (end < part.length && part[end] !== char) end += part[end] === '\\' ? 2 : 1;
        if (end >= part.length) return undefined;
        out += part.slice(i, end + 1);
        previous = char;
        declarationStart = false;
        i = end;
      } else if (char === '\\') {
        flush(char);
        out += part.slice(i, i + 2);
        // An escaped character is part of a word.
        previous = 'x';
        declarationStart = false;
        i++;
      } else {
        const customStarts = declarationStart && char === '-' && part[i + 1] === '-';
        if (custom) {
          if ('([{'.includes(char)) depth++;
          else if (depth > 0 && ')]}'.includes(char)) depth--;
          else if (char === ';' || char === '}') {
            // The value ends; whitespace before `;` is not part of it.
            custom = false;
            depth = 0;
          }
        }
        // `;}`: the last declaration needs no semicolon.
        if (char === '}' && previous === ';') out = out.slice(0, -1);
        flush(char);
        if (customStarts) custom = true;
        out += char;
        previous = char;
        declarationStart = char === '{' || char === ';' || char === '}';
      }
    }
    if (last) space = space.replace(/[^\n]/g, '');
    flush(last ? '' : 'x');
    result.push(out);
  }
  return result;
}
