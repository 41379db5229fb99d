// How every tool here starts Debian's Chromium (tests, end-to-end, benchmarks): one place for the path and flags.
// The background-networking flags matter: this machine's closed network refuses Chromium's own connections.

/** `CHROME_PATH` overrides Debian's `/usr/bin/chromium`. */
export const chromiumPath = process.env.CHROME_PATH || '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Playwright's `launch()` options for that Chromium, headless. */
export const chromiumLaunchOptions = { executablePath: chromiumPath, headless: true, args: chromiumArgs };
