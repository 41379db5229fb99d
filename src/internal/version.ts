/** The library's version, stamped on every element class so that two bundles on one page can tell each other apart. */
export const VERSION = '0.1.0';
