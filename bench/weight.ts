/**
 * Weight: our CDN build as scripts/size.mjs measures it, beside the peers and the floor bundled from
 * bench/weights/*.ts with esbuild --minify (ES module, browser) and compressed the same way.
 */
import { build } from 'esbuild';
import { browserBundle } from './build-pages.js';
import { fileURLToPath } from 'node:url';
import { kb, verdict } from './stats.js';

interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

interface SizeRow extends Sizes {
  key: string;
  label: string;
  files: string[];
  budget?: number;
  later?: Sizes & { files: string[] };
  /** Set when the budget is missed: the weight by module group. */
  breakdown?: { group: string; raw: number; gzip: number }[];
}

interface SizeReport {
  dir: string;
  rows: SizeRow[];
  total: SizeRow;
  problems: string[];
}

/** scripts/size.mjs is plain JavaScript (CI runs it without tsx): its API as the benchmark uses it. */
interface SizeModule {
  compressedSizes(buffer: Uint8Array): Sizes;
  measureCdn(dir?: string): SizeReport;
  sizeTable(report: SizeReport): string;
  breakdownTable(row: SizeRow): string;
}

const sizeModule = new URL('../scripts/size.mjs', import.meta.url).href;

const references = [
  { file: 'fullcalendar.ts', label: 'FullCalendar 6 core + list', kind: 'peer' },
  { file: 'add-to-calendar-button.ts', label: 'add-to-calendar-button 2.15', kind: 'peer' },
  { file: 'lit-element.ts', label: 'lit 3.3 + one tiny element', kind: 'floor' },
  { file: 'date-fns.ts', label: 'date-fns `format` + `parseISO` + `fr`', kind: 'floor' },
  { file: 'valibot.ts', label: 'valibot, 15-field object + `parse`', kind: 'floor' },
  { file: 'dompurify.ts', label: 'DOMPurify (our lazy sanitizer)', kind: 'reference' },
] as const;

export interface WeightResult {
  markdown: string;
  misses: string[];
}

export async function measureWeight(cdnDir: string): Promise<WeightResult> {
  const size = (await import(sizeModule)) as SizeModule;
  const report = size.measureCdn(cdnDir);
  const agenda = report.rows.find((row) => row.key === 'agenda')!;
  const measured = await Promise.all(
    references.map(async (reference) => {
      const result = await build({
        entryPoints: [fileURLToPath(new URL(`weights/${reference.file}`, import.meta.url))],
        ...browserBundle,
        write: false,
      });
      return { ...reference, ...size.compressedSizes(result.outputFiles[0]!.contents) };
    }),
  );
  const floor = measured.filter((row) => row.kind === 'floor');
  const floorSum = floor.reduce((sum, row) => sum + row.gzip, 0);
  const lines = [
    size.sizeTable(report),
    '',
    ...report.rows.map((row) => `- ${row.label}: ${row.files.map((file) => `\`${file}\``).join(' + ')}`),
    '',
    // Why each missed budget is missed, generated from the build's source maps.
    ...[...report.rows, report.total]
      .filter((row) => row.breakdown)
      .flatMap((row) => [size.breakdownTable(row), '']),
    'Beside them, bundled from `bench/weights/*.ts` with esbuild (`--bundle --minify`, ES module, browser, es2022)',
    'and compressed the same way:',
    '',
    '| peer or floor | min | min + gzip | min + brotli | our agenda first load (gzip) against it |',
    '|---|--:|--:|--:|--:|',
    ...measured.map(
      (row) =>
        `| ${row.kind}: ${row.label} | ${kb(row.raw)} | ${kb(row.gzip)} | ${kb(row.brotli)} | ${(agenda.gzip / row.gzip).toFixed(2)}× |`,
    ),
    `| floor: the three together (sum) | | ${kb(floorSum)} | | ${(agenda.gzip / floorSum).toFixed(2)}× |`,
  ];
  const misses = [...report.rows, report.total]
    .filter((row) => row.budget !== undefined && row.gzip > row.budget)
    .map(
      (row) =>
        `Weight, ${row.label}: ${kb(row.gzip)} gzip against ${kb(row.budget!)}, ${verdict(false, kb(row.gzip - row.budget!))}`,
    );
  misses.push(
    ...report.problems.filter((problem) => !/over its budget/.test(problem)).map((p) => `Weight: ${p}`),
  );
  return { markdown: lines.join('\n'), misses };
}
