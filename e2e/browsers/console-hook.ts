/**
 * A few lines the cross-browser server puts at the top of the app's page, so that an engine whose driver cannot
 * listen to the console (WebKitGTK over classic WebDriver) still tells the test what went wrong: every
 * console.error and every uncaught error or rejected promise on the page is written down in sessionStorage, which
 * outlives a reload of the tab. (Errors inside the training worker reach the page as the app's own messages, or
 * as an uncaught error when the app failed to catch one.) It changes nothing else the app does.
 */

/** The sessionStorage key the hook writes its list under. */
export const CONSOLE_KEY = 'e2e-console-errors';

/** The hook, as a classic script's source. */
export const CONSOLE_HOOK = `(() => {
  const key = ${JSON.stringify(CONSOLE_KEY)};
  const note = (text) => {
    try {
      const list = JSON.parse(sessionStorage.getItem(key) || '[]');
      list.push(text);
      sessionStorage.setItem(key, JSON.stringify(list));
    } catch {}
  };
  const original = console.error.bind(console);
  console.error = (...args) => { note('console.error: ' + args.map(String).join(' ')); original(...args); };
  addEventListener('error', (e) => note('uncaught: ' + (e.error && e.error.message ? e.error.message : e.message)));
  addEventListener('unhandledrejection', (e) => note('unhandled rejection: ' + (e.reason && e.reason.message ? e.reason.message : String(e.reason))));
})();`;
