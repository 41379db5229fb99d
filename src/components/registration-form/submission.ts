/**
 * The submission's states and the rules between them, pure (the controller in `submission-controller.ts` runs
 * them):
 *
 * ```
 * idle ──submit──► (validate) ──problems──► invalid ──submit──► …
 *                      └──valid──► sending ──► done      (confirmed, waitlisted, or a final refusal: a panel)
 *                                     │   └──► failed    (the form stays: retry, wait, or change the answers)
 *                                     └──────► retrying  (503: the same request again after Retry-After)
 *                                                 └──timer or "Réessayer"──► sending (same idempotency key)
 * ```
 */
import type { RegistrationErrorCode, RegistrationResponse } from '../../registration/contract.js';
import type { SubmissionResult } from '../../registration/client.js';

/** Answers after which the form gives way to a panel: nothing more to do here. */
export type FinalResult =
  | Exclude<RegistrationResponse, { status: 'error' }>
  | (Extract<RegistrationResponse, { status: 'error' }> & { code: FinalErrorCode });

type FinalErrorCode = Extract<
  RegistrationErrorCode,
  'already-registered' | 'closed' | 'full' | 'unknown-event'
>;

const FINAL_CODES: ReadonlySet<RegistrationErrorCode> = new Set<FinalErrorCode>([
  'already-registered',
  'closed',
  'full',
  'unknown-event',
]);

export type SubmissionState =
  /** Nothing sent yet. */
  | { status: 'idle' }
  /** The last submit found problems: the summary lists them until the next submit. */
  | { status: 'invalid' }
  /**
   * Waiting out the minimum fill time, then the request in flight. `attempt` counts sends of the same request
   * (1 = first); `previous` is the unavailability being retried, still shown meanwhile so nothing moves.
   */
  | { status: 'sending'; attempt: number; previous?: SubmissionResult }
  /** The server is unavailable for a moment (503): the same request goes again in `retryInSeconds`. */
  | { status: 'retrying'; attempt: number; result: SubmissionResult; retryInSeconds: number }
  /** Not registered; the form stays with what the person typed, and says why. */
  | { status: 'failed'; result: SubmissionResult }
  /** A final answer: a panel replaces the form. */
  | { status: 'done'; result: FinalResult };

/** Automatic retries after a 503, before the form hands over to the person ("Réessayer"). */
export const MAX_AUTOMATIC_RETRIES = 3;
/** The wait when a 503 gives no `Retry-After`. */
export const DEFAULT_RETRY_SECONDS = 5;
/** Longer waits are the person's to decide: past this, we wait no more than this. */
export const MAX_RETRY_SECONDS = 60;

export function isFinal(result: SubmissionResult): result is FinalResult {
  return (
    result.status === 'confirmed' ||
    result.status === 'waitlisted' ||
    (result.status === 'error' && FINAL_CODES.has(result.code))
  );
}

/** The state an answer leads to, after the `attempt`-th send of a request. */
export function afterResult(result: SubmissionResult, attempt: number): SubmissionState {
  if (isFinal(result)) return { status: 'done', result };
  if (result.status === 'error' && result.code === 'unavailable' && attempt <= MAX_AUTOMATIC_RETRIES) {
    const seconds = Math.min(result.retryAfter ?? DEFAULT_RETRY_SECONDS, MAX_RETRY_SECONDS);
    return { status: 'retrying', attempt, result, retryInSeconds: seconds };
  }
  return { status: 'failed', result };
}

/** The answer being shown while the form stays: a failure, an unavailability being retried. */
export function shownResult(state: SubmissionState): SubmissionResult | undefined {
  switch (state.status) {
    case 'failed':
    case 'retrying':
      return state.result;
    case 'sending':
      return state.previous;
    case 'idle':
    case 'invalid':
    case 'done':
      return undefined;
  }
}
