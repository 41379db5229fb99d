/** DOMPurify's XSS payload corpus (a copy of the shared corpus, served by the test runner) and a canary for it. */

declare global {
  interface Window {
    /** Set by the canary when a payload managed to run. */
    __xss?: string;
  }
}

export interface XssCorpus {
  count: number;
  items: { title?: string; payload: string }[];
}

export async function loadXssCorpus(fetcher: typeof fetch = fetch): Promise<XssCorpus> {
  return (await (await fetcher('/test/fixtures/dompurify-xss-payloads.json')).json()) as XssCorpus;
}

/**
 * Replaces the dialogs payloads call (`alert`, `confirm`, `prompt`, `print`) with a canary that records the call
 * in `window.__xss`. Returns the function that puts the originals back.
 */
export function installXssCanary(): () => void {
  const originals = {
    alert: window.alert,
    confirm: window.confirm,
    prompt: window.prompt,
    print: window.print,
  };
  const trip = (name: string) => () => {
    window.__xss = name;
    return null;
  };
  Object.assign(window, {
    alert: trip('alert'),
    confirm: trip('confirm'),
    prompt: trip('prompt'),
    print: trip('print'),
  });
  return () => {
    Object.assign(window, originals);
    delete window.__xss;
  };
}
