/**
 * Forced colours (Windows high contrast; SC 1.4.11 Non-text Contrast and SC 2.4.7 Focus Visible):
 * in forced-colours mode the browser replaces the page's colours with the user's few system
 * colours and drops backgrounds and box-shadows. Controls drawn only with a background or a shadow
 * then vanish, and so do focus rings made of box-shadow.
 *
 * Chromium: the mode is emulated (DevTools protocol `Emulation.setEmulatedMedia`, feature
 * `forced-colors: active`), which really forces the colours, and the check reports
 * - `forced-colors-invisible-control`: a control visible in normal colours that has, in forced
 *   colours, no visible border, no visible text, no background different from what is behind it,
 *   and no image or SVG drawn in a colour other than the background;
 * - `forced-colors-focus-visible`: a control whose focus does not show in forced colours (Tab is
 *   walked again in the mode).
 * Firefox: WebDriver BiDi has no way to emulate forced colours, so the check is marked not run.
 */
import type { CDPSession } from 'puppeteer-core';
import { failure, type Check, type CheckContext, type CheckOutcome, type RuleInfo } from '../check.ts';
import { captureFocused, walkFindings, walkTabOrder } from './keyboard.ts';

export const FORCED_COLORS_RULES = {
  invisible: {
    rule: 'forced-colors-invisible-control', wcag: ['1.4.11'], impact: 'serious',
    help: 'In forced-colours mode every control stays visible (a border, text or shape in a system colour)',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/non-text-contrast.html',
  },
  focus: {
    rule: 'forced-colors-focus-visible', wcag: ['2.4.7'], impact: 'serious',
    help: 'In forced-colours mode the focused control still shows a focus indicator (box-shadow is dropped there: use an outline)',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/focus-visible.html',
  },
} satisfies Record<string, RuleInfo>;

/** Why the check does not run in Firefox. */
export const FIREFOX_NOT_SUPPORTED = 'Firefox cannot emulate forced colours over WebDriver BiDi (no media-feature emulation); run with --browser chromium';

interface Seen { selector: string; html: string; visible: boolean; why: string }

/** In the page: whether each control can be seen, and by what. */
function controlVisibility(): Seen[] {
  const helpers = window.__dvcAudit;
  const controls = helpers.allElements().filter((el) => helpers.isTarget(el) || helpers.isTabbableCandidate(el))
    .filter((el) => !helpers.isVisuallyHidden(el) && el.getBoundingClientRect().width > 0);
  return controls.map((el) => {
    const s = getComputedStyle(el);
    const behind = helpers.effectiveBackground(helpers.flatParent(el));
    const differs = (color: string) => helpers.rgba(color)[3] > 0 && !helpers.sameColor(color, behind);
    const sides = ['Top', 'Right', 'Bottom', 'Left'] as const;
    const border = sides.some((side) => {
      const style = s.getPropertyValue(`border-${side.toLowerCase()}-style`);
      const width = parseFloat(s.getPropertyValue(`border-${side.toLowerCase()}-width`));
      return style !== 'none' && style !== 'hidden' && width >= 1 && differs(s.getPropertyValue(`border-${side.toLowerCase()}-color`));
    });
    const background = differs(s.backgroundColor) || s.backgroundImage !== 'none';
    const ownText = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement
      ? el.value || el.placeholder
      : (el as HTMLElement).innerText ?? el.textContent ?? '';
    const text = ownText.trim() !== '' && !helpers.sameColor(s.color, helpers.effectiveBackground(el));
    const graphic = [...el.querySelectorAll('img, svg, canvas, video'), ...(el.shadowRoot ? el.shadowRoot.querySelectorAll('img, svg, canvas, video') : [])]
      .some((g) => {
        const box = g.getBoundingClientRect();
        if (box.width < 4 || box.height < 4) return false;
        if (g.localName !== 'svg') return true;
        const shapes = [g, ...g.querySelectorAll('path, circle, rect, line, polyline, polygon, ellipse, text, use')];
        return shapes.some((shape) => {
          const gs = getComputedStyle(shape);
          return (gs.fill !== 'none' && differs(gs.fill)) || (gs.stroke !== 'none' && differs(gs.stroke));
        });
      });
    const native = el.localName === 'select' || (el instanceof HTMLInputElement && ['checkbox', 'radio', 'range', 'color', 'file'].includes(el.type) && s.appearance !== 'none');
    const why = [border && 'border', background && 'background', text && 'text', graphic && 'graphic', native && 'native control'].filter(Boolean).join(', ');
    return { selector: helpers.selectorFor(el), html: helpers.snippet(el), visible: why !== '', why };
  });
}

async function emulate(session: CDPSession, active: boolean): Promise<void> {
  await session.send('Emulation.setEmulatedMedia', { media: '', features: [{ name: 'forced-colors', value: active ? 'active' : 'none' }] });
}

/** The forced-colours check. */
export const forcedColorsCheck: Check = {
  id: 'forced-colors',
  async run(context: CheckContext): Promise<CheckOutcome> {
    if (context.browser !== 'chromium') return { findings: [], summary: '', notRun: FIREFOX_NOT_SUPPORTED };
    const { page } = context;
    const normal = new Map((await page.evaluate(controlVisibility)).map((c) => [c.selector, c]));
    const session = await page.createCDPSession();
    try {
      await emulate(session, true);
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const forced = await page.evaluate(controlVisibility);
      const findings = forced
        .filter((c) => !c.visible && normal.get(c.selector)?.visible)
        .map((c) => failure('forced-colors', FORCED_COLORS_RULES.invisible, c,
          `Visible in normal colours (${normal.get(c.selector)?.why}); in forced colours it has no border, text or shape that differs from the background.`));
      await context.capture(findings);
      const walk = await walkTabOrder(page);
      const focusFindings = walkFindings(walk, FORCED_COLORS_RULES.focus, 'forced-colors', false);
      await captureFocused(context, focusFindings);
      return {
        findings: [...findings, ...focusFindings],
        summary: `${forced.length} controls compared in forced colours; ${walk.stops.length} focus indicators checked`,
      };
    } finally {
      await emulate(session, false).catch(() => undefined);
      await session.detach().catch(() => undefined);
    }
  },
};
