/**
 * Reflow (SC 1.4.10, AA): at 320 CSS px wide the page scrolls vertically only. The viewport is set
 * to 320 × 640 (what 1280 px at 400 % zoom gives), and the document must not be wider than the
 * window. When it is, the elements that stick out past the right edge are reported — the outermost
 * ones, which are the cause; content inside its own horizontal scroller (a wide data table in an
 * `overflow-x: auto` box, which the criterion allows) does not scroll the page and is not reported.
 */
import { DEFAULT_VIEWPORT, settle } from '../browser.ts';
import { failure, type Check, type CheckContext, type CheckOutcome, type RuleInfo } from '../check.ts';

export const REFLOW_RULE = {
  rule: 'reflow', wcag: ['1.4.10'], impact: 'serious',
  help: 'At 320 CSS px wide, content reflows without scrolling in two directions',
  helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/reflow.html',
} satisfies RuleInfo;

/** The narrow viewport. */
export const REFLOW_VIEWPORT = { width: 320, height: 640 } as const;

interface Overflow { scrollWidth: number; clientWidth: number; culprits: Array<{ selector: string; html: string; right: number; width: number }> }

/** In the page: how wide the document is, and what sticks out. */
function measureOverflow(): Overflow {
  const helpers = window.__dvcAudit;
  const root = document.documentElement;
  const clientWidth = root.clientWidth;
  const scrollWidth = Math.max(root.scrollWidth, document.body?.scrollWidth ?? 0);
  if (scrollWidth <= clientWidth + 1) return { scrollWidth, clientWidth, culprits: [] };
  const scrolls = (el: Element) => /auto|scroll|hidden|clip/.test(getComputedStyle(el).overflowX) && el !== root && el !== document.body;
  const sticking = new Set<Element>();
  for (const el of helpers.allElements()) {
    if (!helpers.isRendered(el)) continue;
    const rect = el.getBoundingClientRect();
    if (rect.right + scrollX <= clientWidth + 1 || rect.width === 0) continue;
    // Inside its own scroller (or clipped) it does not widen the page.
    if (helpers.flatAncestors(el).some((a) => scrolls(a) && a.getBoundingClientRect().right + scrollX <= clientWidth + 1)) continue;
    sticking.add(el);
  }
  const culprits = [...sticking]
    .filter((el) => !helpers.flatAncestors(el).some((a) => sticking.has(a)))
    .slice(0, 10)
    .map((el) => {
      const rect = el.getBoundingClientRect();
      return { selector: helpers.selectorFor(el), html: helpers.snippet(el), right: Math.round(rect.right + scrollX), width: Math.round(rect.width) };
    });
  return { scrollWidth, clientWidth, culprits };
}

/** The reflow check: narrows the viewport, measures, screenshots, restores. */
export const reflowCheck: Check = {
  id: 'reflow',
  async run(context: CheckContext): Promise<CheckOutcome> {
    const { page } = context;
    const before = page.viewport() ?? DEFAULT_VIEWPORT;
    await page.setViewport({ ...before, ...REFLOW_VIEWPORT });
    try {
      await settle(page, 200, 3000);
      const overflow = await page.evaluate(measureOverflow);
      const findings = overflow.culprits.map((c) => failure('reflow', REFLOW_RULE, c,
        `At 320 px the page is ${overflow.scrollWidth} px wide: this element reaches ${c.right} px (it is ${c.width} px wide).`));
      if (overflow.scrollWidth > overflow.clientWidth + 1 && findings.length === 0) {
        findings.push(failure('reflow', REFLOW_RULE, { selector: 'html', html: '<html>' },
          `At 320 px the page is ${overflow.scrollWidth} px wide (scrolls horizontally).`));
      }
      await context.capture(findings);
      return { findings, summary: `document ${overflow.scrollWidth} px wide in a ${overflow.clientWidth} px viewport` };
    } finally {
      await page.setViewport(before);
      await settle(page, 200, 3000);
    }
  },
};
