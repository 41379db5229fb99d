/** Small helpers for the figures: medians and how numbers are written in BENCHMARKS.md. */

export function median(values: readonly number[]): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** `12.3 ms` (one decimal under 100 ms). */
export function ms(value: number): string {
  return `${value < 100 ? value.toFixed(1) : Math.round(value).toLocaleString('en-US')} ms`;
}

/** `1.23×`. */
export function ratio(value: number, base: number): string {
  return `${(value / base).toFixed(2)}×`;
}

/** `12.3 MB` (1 MB = 10⁶ bytes). */
export function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** `12.34 KB` (1 KB = 1 000 bytes, as Vite and scripts/size.mjs write them). */
export function kb(bytes: number): string {
  return `${(bytes / 1000).toFixed(2)} KB`;
}

/** A target's verdict: `ok` or `**MISSED by …**`. */
export function verdict(met: boolean, by: string): string {
  return met ? 'ok' : `**MISSED by ${by}**`;
}
