/**
 * A Vite plugin for the CDN build: minifies the CSS inside Lit `css` templates of our own modules, which no
 * minifier touches (it is template text to them). Only the text between `${…}` changes; interpolations, strings
 * and every other template stay as written. See `minify-css.ts` for what is removed.
 */
import ts from 'typescript';
import type { Plugin } from 'vite';
import { minifyCssParts } from './minify-css.js';

interface Replacement {
  start: number;
  end: number;
  text: string;
}

/** The source ranges of a template's static parts: after its opening backtick or `}`, before its `${` or backtick. */
function partRanges(template: ts.TemplateLiteral, source: ts.SourceFile): [number, number][] {
  if (ts.isNoSubstitutionTemplateLiteral(template)) {
    return [[template.getStart(source) + 1, template.getEnd() - 1]];
  }
  return [
    [template.head.getStart(source) + 1, template.head.getEnd() - 2],
    ...template.templateSpans.map(({ literal }): [number, number] => [
      literal.getStart(source) + 1,
      literal.getEnd() - (ts.isTemplateTail(literal) ? 1 : 2),
    ]),
  ];
}

/** `code` with the CSS of its `css` tagged templates minified; `undefined` when it has none. */
export function minifyLitCss(code: string, fileName: string): string | undefined {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const replacements: Replacement[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === 'css') {
      const ranges = partRanges(node.template, source);
      const minified = minifyCssParts(ranges.map(([start, end]) => code.slice(start, end)));
      minified?.forEach((text, index) =>
        replacements.push({ start: ranges[index]![0], end: ranges[index]![1], text }),
      );
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (replacements.length === 0) return undefined;
  let result = code;
  for (const { start, end, text } of replacements.sort((a, b) => b.start - a.start)) {
    result = result.slice(0, start) + text + result.slice(end);
  }
  return result;
}

/** Minifies the `css` templates of the modules under `src/`. Line breaks are kept: source maps stay right. */
export function minifyLitCssPlugin(): Plugin {
  return {
    name: 'ra-minify-lit-css',
    // Before TypeScript is compiled away: the parser reads the module as written.
    enforce: 'pre',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('css`')) return undefined;
      const minified = minifyLitCss(code, id);
      return minified === undefined ? undefined : { code: minified, map: null };
    },
  };
}
