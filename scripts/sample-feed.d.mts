/** The sample feed's bytes, with `registration.endpoint` under `origin` for inline events that have none. */
export function sampleFeedWithEndpoints(origin: string): Buffer;
