/**
 * `Intl` formatters, built once per locale and options. Building one costs far more than using it, and an agenda
 * formats thousands of dates: every module asks here rather than keeping a cache of its own.
 */
/**
 * By the caller's options object, locale and zone: lookups with strings the caller holds (their hashes are kept), no
 * key to build per date.
 */
const byOptions = new WeakMap<Intl.DateTimeFormatOptions, Map<string, Map<string, Intl.DateTimeFormat>>>();
const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * The formatter for `locale` and `options`, in `timeZone` when given (it overrides `options.timeZone`). `options`
 * must be held in a constant (a new object would build a new formatter), the zone passed apart.
 */
export function dateTimeFormat(
  locale: string,
  options: Intl.DateTimeFormatOptions,
  timeZone?: string,
): Intl.DateTimeFormat {
  let locales = byOptions.get(options);
  if (!locales) byOptions.set(options, (locales = new Map()));
  let zones = locales.get(locale);
  if (!zones) locales.set(locale, (zones = new Map()));
  const zone = timeZone ?? '';
  let format = zones.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, timeZone ? { ...options, timeZone } : options);
    zones.set(zone, format);
  }
  return format;
}

export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}
