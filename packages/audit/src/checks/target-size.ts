/**
 * Target size (SC 2.5.8, AA): every pointer target is at least 24 × 24 CSS px, unless it is spaced.
 *
 * Simplifications of the criterion, stated so an auditor can weigh them:
 * - Spacing exception: a smaller target passes when a 24 × 24 px square centred on it overlaps no
 *   other target, nor another small target's square. (The criterion uses 24 px circles; the square
 *   is slightly stricter on the diagonals.)
 * - Inline exception: a link inside a line of text (display inline, with text around it in the same
 *   block) is exempt.
 * - Native checkboxes and radios are measured together with their label: clicking the label
 *   activates them, so the larger of the two boxes is the target.
 * - Equivalent, essential and user-agent-control exceptions are not detected: review by hand.
 * Visually hidden controls (the 1 px pattern) are not pointer targets and are skipped.
 */
import { failure, type Check, type CheckContext, type CheckOutcome, type RuleInfo } from '../check.ts';

export const TARGET_SIZE_RULE = {
  rule: 'target-size', wcag: ['2.5.8'], impact: 'serious',
  help: 'Pointer targets are at least 24 × 24 CSS px, or spaced so a 24 px square around them touches no other target',
  helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/target-size-minimum.html',
} satisfies RuleInfo;

/** The minimum size, in CSS px. */
export const MIN_TARGET = 24;

interface Small { selector: string; html: string; width: number; height: number; reason: string }

/** In the page: the targets that are too small and too close to others. */
function findSmallTargets(min: number): { targets: number; small: Small[] } {
  const helpers = window.__dvcAudit;
  const targets = helpers.allElements().filter((el) => helpers.isTarget(el));
  const boxOf = (el: Element): DOMRect => {
    const own = el.getBoundingClientRect();
    if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
      const label = [...(el.labels ?? [])].map((l) => l.getBoundingClientRect()).sort((a, b) => b.width * b.height - a.width * a.height)[0];
      if (label && label.width * label.height > own.width * own.height) return label;
    }
    return own;
  };
  const isInlineLink = (el: Element): boolean => {
    if (el.localName !== 'a' || getComputedStyle(el).display !== 'inline') return false;
    let block: Element | null = helpers.flatParent(el);
    while (block && getComputedStyle(block).display.startsWith('inline')) block = helpers.flatParent(block);
    if (!block) return false;
    const text = (block.textContent ?? '').replace(/\s+/g, ' ').trim();
    const own = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    return text.length > own.length;
  };
  const boxes = targets.map((el) => ({ el, box: boxOf(el) }));
  const square = (box: DOMRect) => {
    const cx = box.left + box.width / 2;
    const cy = box.top + box.height / 2;
    return { left: cx - min / 2, right: cx + min / 2, top: cy - min / 2, bottom: cy + min / 2 };
  };
  const overlaps = (a: { left: number; right: number; top: number; bottom: number }, b: { left: number; right: number; top: number; bottom: number }) =>
    a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  const tooSmall = (box: DOMRect) => box.width < min - 0.05 || box.height < min - 0.05;
  const small: Small[] = [];
  for (const { el, box } of boxes) {
    if (!tooSmall(box) || isInlineLink(el)) continue;
    const mine = square(box);
    const neighbour = boxes.find(({ el: other, box: theirs }) => {
      if (other === el || helpers.flatContains(other, el) || helpers.flatContains(el, other)) return false;
      return overlaps(mine, theirs) || (tooSmall(theirs) && overlaps(mine, square(theirs)));
    });
    if (!neighbour) continue;
    small.push({
      selector: helpers.selectorFor(el), html: helpers.snippet(el),
      width: Math.round(box.width * 10) / 10, height: Math.round(box.height * 10) / 10,
      reason: helpers.selectorFor(neighbour.el),
    });
  }
  return { targets: targets.length, small };
}

/** The target-size check. */
export const targetSizeCheck: Check = {
  id: 'target-size',
  async run(context: CheckContext): Promise<CheckOutcome> {
    const { targets, small } = await context.page.evaluate(findSmallTargets, MIN_TARGET);
    const findings = small.map((s) => failure('target-size', TARGET_SIZE_RULE, s,
      `${s.width} × ${s.height} px, and a 24 px square around it touches another target (${s.reason}).`));
    await context.capture(findings);
    return { findings, summary: `${targets} pointer targets measured` };
  },
};
