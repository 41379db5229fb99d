/** The server's and the CLI's settings, from the environment (documented in docs/registration-api.md). */
import { DEFAULT_ALLOWED_ORIGINS } from './app.js';

const list = (value: string | undefined) =>
  value
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);

const positive = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};

/** `RA_NOW` pins the server's clock (the demo's feed is from 2020); unset, the real clock runs. */
function fixedClock(value: string | undefined): (() => Date) | undefined {
  if (!value) return undefined;
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime()))
    throw new Error(`RA_NOW must be an ISO 8601 date-time, not "${value}"`);
  const offset = instant.getTime() - Date.now();
  // The clock still runs from that instant, so rate-limit windows and timestamps keep moving.
  return () => new Date(Date.now() + offset);
}

export function readConfig() {
  const env = process.env;
  return {
    port: Number(env.PORT ?? 8787),
    host: env.HOST ?? '127.0.0.1',
    allowedOrigins: list(env.RA_ALLOWED_ORIGINS) ?? DEFAULT_ALLOWED_ORIGINS,
    rateLimit: {
      windowMs: positive('RA_RATE_LIMIT_WINDOW_MS', 60_000),
      max: positive('RA_RATE_LIMIT_MAX', 20),
    },
    staffToken: env.RA_STAFF_TOKEN || undefined,
    publicOrigin: env.RA_PUBLIC_ORIGIN || undefined,
    trustProxy: env.RA_TRUST_PROXY === '1',
    retentionDays: positive('RA_RETENTION_DAYS', 365),
    now: fixedClock(env.RA_NOW),
  };
}
