/**
 * Reflow (WCAG 1.4.10) and target size (WCAG 2.5.8) of a widget at a narrow viewport, for the
 * browser tests (`*.reflow.test.ts`, the tracker's layout test). Imported by tests only.
 *
 * {@link reflowProblems} lists, in words, everything that breaks either criterion in the widget's
 * current state; {@link expectReflow} fails the test with that list. What counts:
 *
 * - The document scrolls sideways: `<html>` is wider than the viewport.
 * - An element of the widget (its shadow tree, nested shadow roots included) reaches past the
 *   viewport's left or right edge.
 * - A box's content overflows it sideways (`scrollWidth` > `clientWidth`): spilling out (visible
 *   overflow) or cut off (hidden / clip). A box that scrolls sideways (auto / scroll) is allowed
 *   only as a deliberate scroll region — focusable (`tabindex="0"`) and named (`aria-label` or
 *   `aria-labelledby`) — and what is inside it may then reach past the viewport. Form fields
 *   (input, select, textarea) scroll their own text and are not measured inside.
 * - A pointer target (link, button, form field, summary, focusable element or ARIA widget role) is
 *   smaller than 24 × 24 CSS px and a 24 px circle centred on it intersects another target, or
 *   another small target's circle (the criterion's spacing exception). As in dvc-audit's
 *   target-size check: a radio or checkbox counts with its label when the label is larger (a click
 *   on it chooses), and a link inline in a line of text is exempt (the inline exception).
 *
 * Left out: the visually hidden pattern (a 1 px box with overflow hidden, or `clip-path:
 * inset(50%)`), which is for screen readers, and what it holds (an off-screen honeypot, say). The
 * equivalent, user-agent and essential exceptions of 2.5.8 are not detected (none is relied on).
 *
 * Only causes are listed: the innermost box whose content overflows (not every box around it) and
 * the outermost box that reaches past the viewport (not everything inside it).
 * test-support/reflow.test.ts shows each finding can be made, and only where it should.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { shadowTree } from './shadow-tree.ts';
import { afterEach, beforeEach } from './mocha.ts';

/** What 1280 CSS px at 400 % zoom gives: the width 1.4.10 names, in portrait. */
export const NARROW_VIEWPORT = { width: 320, height: 640 } as const;
/** The runner's viewport, which the other test files (sharing the browser) expect. */
export const RUNNER_VIEWPORT = { width: 800, height: 600 } as const;

/** The smallest target 2.5.8 accepts without spacing, in CSS px. */
const MIN_TARGET = 24;
/** Sub-pixel layout and rounding of `scrollWidth` / `clientWidth` to whole pixels. */
const SLACK = 1;

const TARGET = [
  'a[href]', 'area[href]', 'button', 'input:not([type="hidden"])', 'select', 'textarea', 'summary',
  '[tabindex]:not([tabindex^="-"])', '[role="button"]', '[role="link"]', '[role="checkbox"]', '[role="radio"]',
  '[role="switch"]', '[role="tab"]', '[role="menuitem"]', '[role="option"]',
].join(', ');
/** Fields whose own text scrolls inside them (a long value in an input is not a reflow fault). */
const SCROLLS_ITS_OWN_TEXT = new Set(['input', 'select', 'textarea']);

/**
 * Runs `body` at `size` (default 320 × 640), then puts the runner's viewport back, whatever happens.
 * Other test files run in the same browser afterwards.
 */
export async function atViewport<T>(body: () => Promise<T>, size: { width: number; height: number } = NARROW_VIEWPORT): Promise<T> {
  await setViewport(size);
  try {
    return await body();
  } finally {
    await setViewport(RUNNER_VIEWPORT);
  }
}

/** Hooks: every test of the suite at 320 × 640 from its start (as a phone loads the page), the runner's viewport back after. */
export function narrowViewportSuite(): void {
  beforeEach(() => setViewport(NARROW_VIEWPORT));
  afterEach(() => setViewport(RUNNER_VIEWPORT));
}

/** Waits for Lit and for the browser to lay out, then fails with every reflow and target problem. */
export async function expectReflow(host: HTMLElement, state: string): Promise<void> {
  await (host as Partial<{ updateComplete: Promise<unknown> }>).updateComplete;
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  expect(window.innerWidth, 'the viewport was not narrowed').to.be.at.most(NARROW_VIEWPORT.width);
  expect(reflowProblems(host), `${host.localName}, ${state}, at ${window.innerWidth} px`).to.deep.equal([]);
}

/** Every reflow (1.4.10) and target size (2.5.8) problem of `host` as it is laid out now, in words. */
export function reflowProblems(host: Element): string[] {
  const problems: string[] = [];
  const root = document.documentElement;
  const viewport = root.clientWidth;
  if (root.scrollWidth > viewport) {
    problems.push(`the document is ${root.scrollWidth} px wide in a ${viewport} px viewport (scrolls sideways)`);
  }

  const elements = [host, ...shadowTree(host)].filter((el) => el.getClientRects().length > 0 && !isVisuallyHidden(el, host));
  const scrollRegions = new Set<Element>();
  const spilling = new Map<Element, string>();
  for (const el of elements) {
    const overflow = contentOverflow(el);
    if (overflow === null) continue;
    if (/auto|scroll/.test(getComputedStyle(el).overflowX)) {
      if (isScrollRegion(el)) scrollRegions.add(el);
      else spilling.set(el, `${describe(el)} scrolls sideways (${overflow}) but is not a focusable, named scroll region`);
    } else {
      spilling.set(el, `${describe(el)} ${getComputedStyle(el).overflowX === 'visible' ? 'spills' : 'cuts off'} its content sideways (${overflow})`);
    }
  }
  const sticking = new Map<Element, string>();
  for (const el of elements) {
    // Inside a box that scrolls or clips, content is not seen past the viewport: the box is the
    // problem (reported above), or a deliberate scroll region, which may hold wide content.
    if (ancestors(el, host).some((a) => scrollRegions.has(a) || (spilling.has(a) && getComputedStyle(a).overflowX !== 'visible'))) continue;
    const box = el.getBoundingClientRect();
    if (box.left < -SLACK || box.right > viewport + SLACK) {
      sticking.set(el, `${describe(el)} reaches past the viewport (${round(box.left)}–${round(box.right)} px of ${viewport})`);
    }
  }
  // The causes, not every box around or inside them: the innermost box that overflows (its
  // ancestors overflow because of it), and the outermost box that sticks out (its content with it).
  for (const [el, problem] of spilling) {
    if (![...spilling.keys()].some((other) => other !== el && deepContains(el, other))) problems.push(problem);
  }
  for (const [el, problem] of sticking) {
    if (!ancestors(el, host).some((a) => sticking.has(a))) problems.push(problem);
  }

  problems.push(...smallTargets(elements.filter((el) => el.matches(TARGET) && !el.matches(':disabled'))));
  return problems;
}

// ---------- target size ----------

interface Target {
  el: Element;
  box: DOMRect;
}

function smallTargets(elements: Element[]): string[] {
  const targets: Target[] = elements.map((el) => ({ el, box: targetBox(el) }));
  const small = (box: DOMRect) => box.width < MIN_TARGET - 0.05 || box.height < MIN_TARGET - 0.05;
  const radius = MIN_TARGET / 2;
  const problems: string[] = [];
  for (const { el, box } of targets) {
    if (!small(box) || isInlineLink(el)) continue;
    const centre = centreOf(box);
    // The spacing exception: the circle touches no other target and no other small target's circle.
    const neighbour = targets.find(({ el: other, box: theirs }) => other !== el && !deepContains(other, el) && !deepContains(el, other)
      && (distanceToBox(centre, theirs) < radius - 0.05 || (small(theirs) && distance(centre, centreOf(theirs)) < MIN_TARGET - 0.05)));
    if (neighbour) {
      problems.push(`${describe(el)} is ${round(box.width)} × ${round(box.height)} px, and a 24 px circle on it touches ${describe(neighbour.el)}`);
    }
  }
  return problems;
}

/** A radio or checkbox together with its label when the label is larger (a click on it chooses). */
function targetBox(el: Element): DOMRect {
  const own = el.getBoundingClientRect();
  if (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox')) {
    for (const label of el.labels ?? []) {
      const box = label.getBoundingClientRect();
      if (box.width >= own.width && box.height >= own.height && box.width * box.height > own.width * own.height) return box;
    }
  }
  return own;
}

/** 2.5.8's inline exception: a link within a line of text. */
function isInlineLink(el: Element): boolean {
  if (el.localName !== 'a' || getComputedStyle(el).display !== 'inline') return false;
  let block = flatParent(el);
  while (block && getComputedStyle(block).display.startsWith('inline')) block = flatParent(block);
  const squash = (node: Node | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
  return block !== null && squash(block).length > squash(el).length;
}

const centreOf = (box: DOMRect) => ({ x: box.left + box.width / 2, y: box.top + box.height / 2 });
const distance = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);
function distanceToBox(point: { x: number; y: number }, box: DOMRect): number {
  const dx = Math.max(box.left - point.x, 0, point.x - box.right);
  const dy = Math.max(box.top - point.y, 0, point.y - box.bottom);
  return Math.hypot(dx, dy);
}

// ---------- overflow ----------

/** How far the element's content overflows it sideways, in words; null when it fits. */
function contentOverflow(el: Element): string | null {
  if (SCROLLS_ITS_OWN_TEXT.has(el.localName) || !(el instanceof HTMLElement)) return null;
  const display = getComputedStyle(el).display;
  // An inline box has no clientWidth of its own: its content is measured by its block.
  if (display === 'inline' || display === 'contents') return null;
  return el.scrollWidth > el.clientWidth + SLACK ? `${el.scrollWidth} px of content in ${el.clientWidth} px` : null;
}

/** A deliberate sideways scroller: reachable from the keyboard and named for screen readers. */
function isScrollRegion(el: Element): boolean {
  return el.getAttribute('tabindex') === '0' && (el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby'));
}

/** The visually hidden pattern (for screen readers), on the element or an ancestor up to the host. */
function isVisuallyHidden(el: Element, host: Element): boolean {
  for (const node of [el, ...ancestors(el, host)]) {
    const style = getComputedStyle(node);
    const box = node.getBoundingClientRect();
    if (style.overflow !== 'visible' && box.width <= 2 && box.height <= 2) return true;
    if (/inset\(50%\)/.test(style.clipPath)) return true;
  }
  return false;
}

// ---------- the shadow tree ----------

function flatParent(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** The element's ancestors, through shadow roots, up to `host` included (none above it). */
function ancestors(el: Element, host: Element): Element[] {
  const list: Element[] = [];
  if (el === host) return list;
  for (let p = flatParent(el); p; p = flatParent(p)) {
    list.push(p);
    if (p === host) break;
  }
  return list;
}

function deepContains(outer: Element, inner: Element): boolean {
  for (let p: Element | null = inner; p; p = flatParent(p)) if (p === outer) return true;
  return false;
}

/** `tag#id.class[part]` and the start of its text: enough to find it in the template. */
function describe(el: Element): string {
  const id = el.id ? `#${el.id}` : '';
  const classes = [...el.classList].map((c) => `.${c}`).join('');
  const part = el.getAttribute('part') ? `[part="${el.getAttribute('part')}"]` : '';
  const words = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  return `<${el.localName}${id}${classes}${part}>${words ? ` "${words.length > 40 ? `${words.slice(0, 40)}…` : words}"` : ''}`;
}

const round = (n: number) => Math.round(n * 10) / 10;
