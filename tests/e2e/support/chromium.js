// Debian's Chromium and the flags every headless run of it here uses, shared by
// the end-to-end tests (browser.ts) and `npm run docs:screenshots`. Plain
// JavaScript so that a script Node runs can import it as well as the tests.

/** Debian's Chromium; nothing here ever downloads a browser. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Flags that keep Chromium from reaching for the network (this machine has none but the package registries). */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
