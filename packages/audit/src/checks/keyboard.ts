/**
 * Keyboard: presses Tab through the page as a person would (real key events, so `:focus-visible`
 * applies) and checks that
 * - every control is reached (SC 2.1.1): each rendered, enabled focusable element without a
 *   negative tabindex, across shadow roots; a radio group counts as reached when one of its radios is;
 * - Tab never gets stuck on one element (SC 2.1.2);
 * - the order follows the DOM's flat-tree order, and no positive tabindex reorders it (SC 2.4.3);
 * - the focused control looks different from its unfocused self (SC 2.4.7): its own outline,
 *   box-shadow, border, background, text colour or underline, its ::before/::after, or its
 *   parent's (a wrapper styled with `:focus-within`) change when it receives focus.
 */
import type { Page } from 'puppeteer-core';
import { failure, type Check, type CheckContext, type CheckOutcome, type RuleInfo } from '../check.ts';
import type { Finding } from '../types.ts';

const understanding = (slug: string) => `https://www.w3.org/WAI/WCAG22/Understanding/${slug}.html`;

export const KEYBOARD_RULES = {
  unreachable: {
    rule: 'keyboard-unreachable', wcag: ['2.1.1'], impact: 'serious',
    help: 'Every interactive control can be reached with the Tab key', helpUrl: understanding('keyboard'),
  },
  trap: {
    rule: 'keyboard-trap', wcag: ['2.1.2'], impact: 'critical',
    help: 'Tab moves focus away from every control (no keyboard trap)', helpUrl: understanding('no-keyboard-trap'),
  },
  positiveTabindex: {
    rule: 'tabindex-positive', wcag: ['2.4.3'], impact: 'serious',
    help: 'No positive tabindex: it takes the control out of the reading order', helpUrl: understanding('focus-order'),
  },
  order: {
    rule: 'focus-order', wcag: ['2.4.3'], impact: 'moderate',
    help: 'Tab moves through controls in the order they appear (DOM order)', helpUrl: understanding('focus-order'),
  },
  focusVisible: {
    rule: 'focus-visible', wcag: ['2.4.7'], impact: 'serious',
    help: 'A control that has keyboard focus shows a visible focus indicator', helpUrl: understanding('focus-visible'),
  },
} satisfies Record<string, RuleInfo>;

/** One control as Tab reached it. */
export interface TabStop {
  selector: string;
  html: string;
  /** Index in the flat-tree order of all elements. */
  order: number;
  /** Its tabindex (0 when it has none). */
  tabindex: number;
  /** Whether the focused control looks different from unfocused; null when there was no unfocused snapshot. */
  indicator: boolean | null;
  /** What changed, e.g. "outline", "box-shadow". */
  changed: string[];
  /** A focus outline drawn too faint to count, and its measured contrast, e.g. "rgb(253, 253, 253), 1.02:1 against rgb(255, 255, 255), the background behind it". */
  faint?: string;
}

export interface TabWalk {
  stops: TabStop[];
  /** The control where Tab stopped moving, if it did. */
  trappedAt: TabStop | null;
  /** Candidates Tab never reached. */
  unreached: Array<{ selector: string; html: string }>;
  /** Elements with tabindex > 0. */
  positive: Array<{ selector: string; html: string; tabindex: number }>;
  candidates: number;
}

/**
 * Snapshots every candidate unfocused, then presses Tab from the top of the page until focus
 * wraps, leaves the page, or stops moving. Shared with the forced-colours check, which walks again
 * in forced-colours mode.
 */
export async function walkTabOrder(page: Page): Promise<TabWalk> {
  const candidates = await page.evaluate(prepareWalk);
  const stops: TabStop[] = [];
  let leftPage = false;
  let outside = 0;
  let trappedAt: TabStop | null = null;
  let repeats = 0;
  const limit = candidates * 2 + 20;
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(describeFocus);
    if (!stop) {
      // Focus is in the browser's own interface (or on the body, or our anchor): the page ended.
      if (stops.length > 0) leftPage = true;
      if (++outside > 30) break;
      continue;
    }
    outside = 0;
    // Back in the page after leaving it: Chromium wraps to the first control, Firefox returns to
    // the last one. Either way the walk is complete.
    if (leftPage || (stops.length > 0 && stop.selector === stops[0]!.selector)) break;
    const previous = stops.at(-1);
    if (previous && previous.selector === stop.selector) {
      if (++repeats >= 2) {
        trappedAt = stop;
        break;
      }
      continue;
    }
    repeats = 0;
    stops.push(stop);
  }
  const rest = await page.evaluate(finishWalk, stops.map((s) => s.selector));
  return { stops, trappedAt, unreached: rest.unreached, positive: rest.positive, candidates };
}

/** How a control (or its parent, or a pseudo-element) is drawn: what a focus indicator changes. */
interface Look {
  outline: [string, number, string];
  boxShadow: string;
  borders: Array<[string, number, string]>;
  background: [string, string];
  color: string;
  decoration: string;
}

/**
 * In the page: records candidates and their unfocused looks, and where everything is scrolled (each
 * Tab scrolls its control into view, `finishWalk` scrolls back), and puts the Tab start at the top.
 */
function prepareWalk(): number {
  const helpers = window.__dvcAudit;
  helpers.saveScroll('walk');
  helpers.blurAll();
  const candidates = helpers.allElements().filter((el) => helpers.isTabbableCandidate(el));
  const look = (el: Element | null, pseudo?: string): Look | null => {
    if (!el) return null;
    const s = getComputedStyle(el, pseudo);
    if (pseudo && (s.content === 'none' || s.content === 'normal')) return null;
    return {
      outline: [s.outlineStyle, parseFloat(s.outlineWidth) || 0, s.outlineColor],
      boxShadow: s.boxShadow,
      borders: (['top', 'right', 'bottom', 'left'] as const).map((side) => [
        s.getPropertyValue(`border-${side}-style`), parseFloat(s.getPropertyValue(`border-${side}-width`)) || 0, s.getPropertyValue(`border-${side}-color`),
      ] as [string, number, string]),
      background: [s.backgroundColor, s.backgroundImage],
      color: s.color,
      decoration: s.textDecorationLine,
    };
  };
  const snapshot = (el: Element) => ({
    self: look(el), before: look(el, '::before'), after: look(el, '::after'), parent: look(helpers.flatParent(el)),
  });
  const looks = new Map<Element, ReturnType<typeof snapshot>>();
  for (const el of [...candidates, ...helpers.allElements().filter((el) => el.hasAttribute('tabindex'))]) looks.set(el, snapshot(el));
  helpers.scratch['snapshot'] = snapshot;
  helpers.scratch['looks'] = looks;
  helpers.scratch['candidates'] = candidates;
  const order = new Map<Element, number>();
  helpers.allElements().forEach((el, i) => order.set(el, i));
  helpers.scratch['order'] = order;
  // An invisible anchor at the very start of the page, focused, so the walk starts where a
  // visitor's first Tab does, wherever an earlier click left the browser's "sequential focus
  // starting point". Its tabindex of 1 puts it first in the real order: before other positive
  // tabindexes (equal values go in DOM order, and it is first in the DOM), which come before the rest.
  document.querySelectorAll(`[${helpers.OWN}="start"]`).forEach((el) => el.remove());
  const anchor = document.createElement('span');
  anchor.setAttribute(helpers.OWN, 'start');
  anchor.tabIndex = 1;
  document.body.prepend(anchor);
  anchor.focus({ preventScroll: true });
  return candidates.length;
}

/**
 * In the page: the focused control, and whether it looks focused. A change counts as a visible
 * indicator when it draws something: an outline (not none, wider than 0, not transparent), a
 * box-shadow, a border that gets wider, an underline added, a new background image — or when a
 * colour (border, background, text, outline) changes with a contrast of at least 3:1 between
 * before and after (the threshold of SC 1.4.11 and 2.4.13: a navy-to-black border is no indicator).
 */
function describeFocus(): TabStop | null {
  const helpers = window.__dvcAudit;
  // Firefox keeps document.activeElement on the last control while focus is in its toolbar.
  if (!document.hasFocus()) return null;
  const el = helpers.deepActiveElement();
  if (!el || el.hasAttribute(helpers.OWN)) return null;
  type Snapshot = Record<'self' | 'before' | 'after' | 'parent', Look | null>;
  const looks = helpers.scratch['looks'] as Map<Element, Snapshot>;
  const snapshot = helpers.scratch['snapshot'] as (el: Element) => Snapshot;
  const order = helpers.scratch['order'] as Map<Element, number>;
  const old = looks.get(el);
  let indicator: boolean | null = null;
  const changed: string[] = [];
  let faint: string | undefined;
  // A focus outline must stand out by 3:1 from what is painted around it (SC 1.4.11's test of a
  // focus indicator): a near-white ring on white is drawn, but no one sees it. What is painted just
  // outside the ring is asked of the browser on each side, not taken from the parent's background:
  // a skip link placed over a dark header is seen against the header. A ring counts as faint when it
  // is on most sides it can be seen on: one neighbour of the ring's colour does not hide it, nor does
  // one neighbour of another colour show it.
  const faintOutline = (color: string): string | undefined => {
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    const gap = (parseFloat(style.outlineOffset) || 0) + (parseFloat(style.outlineWidth) || 0) + 1;
    const root = el.getRootNode() as Document | ShadowRoot;
    const sides: Array<[number, number]> = [
      [box.left + box.width / 2, box.top - gap], [box.left + box.width / 2, box.bottom + gap],
      [box.left - gap, box.top + box.height / 2], [box.right + gap, box.top + box.height / 2],
    ];
    const around = sides
      .filter(([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight)
      .map(([x, y]) => root.elementsFromPoint(x, y).find((under) => !helpers.flatContains(el, under)))
      .filter((under): under is Element => under !== undefined)
      .map((under) => helpers.effectiveBackground(under));
    if (around.length === 0) around.push(helpers.effectiveBackground(helpers.flatParent(el)));
    const faintAgainst = around.filter((background) => helpers.contrast(color, background) < 3);
    if (faintAgainst.length * 2 <= around.length) return undefined;
    const worst = faintAgainst.reduce((a, b) => (helpers.contrast(color, a) <= helpers.contrast(color, b) ? a : b));
    return `${color}, ${helpers.contrast(color, worst).toFixed(2)}:1 against ${worst}, the colour painted around it`;
  };
  if (old) {
    const now = snapshot(el);
    const distinct = (a: string, b: string) => helpers.contrast(a, b) >= 3;
    const drawn = (o: [string, number, string]) => o[0] !== 'none' && o[1] > 0 && helpers.rgba(o[2])[3] > 0;
    for (const where of ['self', 'before', 'after', 'parent'] as const) {
      const a = old[where];
      const b = now[where];
      const name = where === 'self' ? '' : `${where} `;
      if (!b) continue;
      if (!a) {
        if (where !== 'parent') changed.push(`${name}added`);
        continue;
      }
      if (drawn(b.outline) && (!drawn(a.outline) || b.outline[1] > a.outline[1] || distinct(a.outline[2], b.outline[2]))) {
        // The browser's own ring (outline-style: auto) is drawn in two colours to show on any
        // background; its computed colour is one of them, so it is not measured.
        const tooFaint = where === 'self' && b.outline[0] !== 'auto' ? faintOutline(b.outline[2]) : undefined;
        if (tooFaint) faint = tooFaint;
        else changed.push(`${name}outline`);
      }
      if (b.boxShadow !== 'none' && b.boxShadow !== a.boxShadow) changed.push(`${name}box-shadow`);
      if (b.borders.some((side, i) => {
        const before = a.borders[i]!;
        if (side[0] === 'none' || side[0] === 'hidden' || side[1] < 1) return false;
        return side[1] >= before[1] + 1 || before[0] === 'none' || distinct(before[2], side[2]);
      })) changed.push(`${name}border`);
      if (b.background[1] !== a.background[1] && b.background[1] !== 'none') changed.push(`${name}background-image`);
      else if (distinct(a.background[0], b.background[0])) changed.push(`${name}background`);
      if (distinct(a.color, b.color)) changed.push(`${name}color`);
      if (b.decoration !== a.decoration && b.decoration !== 'none') changed.push(`${name}text-decoration`);
    }
    indicator = changed.length > 0;
  }
  const tabindex = Number(el.getAttribute('tabindex')) || 0;
  return { selector: helpers.selectorFor(el), html: helpers.snippet(el), order: order.get(el) ?? -1, tabindex, indicator, changed, ...(faint ? { faint } : {}) };
}

/** In the page: what Tab never reached, positive tabindexes, and cleanup (focus and scrolling as they were). */
function finishWalk(reached: string[]): Pick<TabWalk, 'unreached' | 'positive'> {
  const helpers = window.__dvcAudit;
  const seen = new Set(reached);
  const candidates = helpers.scratch['candidates'] as Element[];
  const reachedElements = candidates.filter((el) => seen.has(helpers.selectorFor(el)));
  // One Tab stop per radio group: the group is reached when any of its radios is.
  const groupOf = (el: Element) => {
    if (!(el instanceof HTMLInputElement) || el.type !== 'radio' || !el.name) return null;
    const root = el.getRootNode();
    const scope = el.form ?? (root instanceof ShadowRoot ? root.host : document.documentElement);
    return `${helpers.selectorFor(scope)}|${el.name}`;
  };
  const reachedGroups = new Set(reachedElements.map(groupOf).filter(Boolean));
  const unreached = candidates
    .filter((el) => !seen.has(helpers.selectorFor(el)))
    .filter((el) => { const group = groupOf(el); return !(group && reachedGroups.has(group)); })
    .map((el) => ({ selector: helpers.selectorFor(el), html: helpers.snippet(el) }));
  const positive = helpers.allElements()
    .filter((el) => Number(el.getAttribute('tabindex')) > 0)
    .map((el) => ({ selector: helpers.selectorFor(el), html: helpers.snippet(el), tabindex: Number(el.getAttribute('tabindex')) }));
  document.querySelectorAll(`[${helpers.OWN}="start"]`).forEach((el) => el.remove());
  helpers.blurAll();
  helpers.restoreScroll('walk');
  return { unreached, positive };
}

/**
 * The indexes of the longest run (not necessarily contiguous) of stops in increasing page order:
 * the stops outside it are the ones that jump, and only they are reported — one control with
 * tabindex="5" is one problem, not a problem for every control it jumped over.
 */
export function longestInOrder(orders: number[]): Set<number> {
  const length = orders.map(() => 1);
  const previous = orders.map(() => -1);
  for (let i = 0; i < orders.length; i++) {
    for (let j = 0; j < i; j++) {
      if (orders[j]! < orders[i]! && length[j]! + 1 > length[i]!) {
        length[i] = length[j]! + 1;
        previous[i] = j;
      }
    }
  }
  let end = length.indexOf(Math.max(0, ...length));
  const keep = new Set<number>();
  while (end >= 0) {
    keep.add(end);
    end = previous[end]!;
  }
  return keep;
}

/** Turns a walk into findings. `focusRule` lets the forced-colours check reuse the indicator test. */
export function walkFindings(walk: TabWalk, focusRule: RuleInfo, check: Finding['check'], orderAndReach: boolean): Finding[] {
  const findings: Finding[] = [];
  if (orderAndReach) {
    for (const el of walk.positive) {
      findings.push(failure(check, KEYBOARD_RULES.positiveTabindex, el, `tabindex="${el.tabindex}" moves this element ahead of the page's order.`));
    }
    const inOrder = longestInOrder(walk.stops.map((s) => s.order));
    walk.stops.forEach((stop, i) => {
      if (!inOrder.has(i)) {
        findings.push(failure(check, KEYBOARD_RULES.order, stop, 'Tab reaches this control out of the order it has in the page.'));
      }
    });
    if (walk.trappedAt) {
      findings.push(failure(check, KEYBOARD_RULES.trap, walk.trappedAt, 'Pressing Tab here leaves focus on this control.'));
    }
    for (const el of walk.unreached) {
      findings.push(failure(check, KEYBOARD_RULES.unreachable, el, 'Tab never reaches this control.'));
    }
  }
  for (const stop of walk.stops) {
    if (stop.indicator === false) {
      findings.push(failure(check, focusRule, stop, stop.faint
        ? `The focus outline cannot be seen: ${stop.faint}; a focus indicator needs at least 3:1, and nothing else about this control changes.`
        : 'Nothing about this control changes when it receives keyboard focus (outline, box-shadow, border, background, colour, underline).'));
    }
  }
  return findings;
}

/** The keyboard check. */
export const keyboardCheck: Check = {
  id: 'keyboard',
  async run(context: CheckContext): Promise<CheckOutcome> {
    const walk = await walkTabOrder(context.page);
    const findings = walkFindings(walk, KEYBOARD_RULES.focusVisible, 'keyboard', true);
    // The focus indicator is only visible while focused: screenshot those with focus on them.
    await captureFocused(context, findings.filter((f) => f.rule === KEYBOARD_RULES.focusVisible.rule));
    await context.capture(findings.filter((f) => f.rule !== KEYBOARD_RULES.focusVisible.rule));
    const summary = `${walk.stops.length} Tab stops for ${walk.candidates} focusable controls`;
    return { findings, summary };
  },
};

/** Focuses each finding's element by script (after a Tab, so it counts as keyboard focus) and screenshots it. */
export async function captureFocused(context: CheckContext, findings: Finding[]): Promise<void> {
  for (const finding of findings) {
    await context.page.evaluate((selector: string) => {
      (window.__dvcAudit.resolve(selector) as HTMLElement | null)?.focus();
    }, finding.selector);
    await context.capture([finding]);
  }
  await context.page.evaluate(() => window.__dvcAudit.blurAll());
}
