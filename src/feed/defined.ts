/** Drops `undefined` properties so that optional fields are absent rather than present and empty. */
export function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
