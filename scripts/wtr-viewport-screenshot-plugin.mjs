// A web-test-runner command that returns what the browser painted: a PNG of the viewport, as base64.
// Browser tests call it with `executeServerCommand('viewport-screenshot')` to measure colours as a
// person sees them (test-support/non-text-contrast.ts), where computed styles cannot tell: native
// radios and checkboxes are drawn by the browser, not by the page's CSS.
// Works in Chromium (CDP) and Firefox (WebDriver BiDi): both are driven by puppeteer-core here.

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function viewportScreenshotPlugin() {
  return {
    name: 'viewport-screenshot-command',
    async executeCommand({ command, session }) {
      if (command !== 'viewport-screenshot') return undefined;
      if (session.browser.type !== 'puppeteer') {
        throw new Error(`viewport-screenshot needs a puppeteer-driven browser, not ${session.browser.type}.`);
      }
      const page = session.browser.getPage(session.id);
      return page.screenshot({ encoding: 'base64', type: 'png' });
    },
  };
}
