/**
 * Text spacing (SC 1.4.12, AA): a reader's own style sheet may set line height 1.5, spacing after
 * paragraphs 2 em, letter spacing 0.12 em and word spacing 0.16 em, and no content may be lost.
 *
 * The check applies exactly those values, with !important, to the document and to every open
 * shadow root (as an extra adopted style sheet: widgets' styles live there, out of the document's
 * reach, and a constructed sheet is allowed under any CSP). It then compares each piece of text
 * (each line box of each text node) with how it was before, and reports
 * - text clipped: a line that now extends past an ancestor that hides overflow
 *   (`overflow: hidden | clip`, including text-overflow: ellipsis), where it did not before;
 * - text overlapping: two lines of different text nodes that now overlap, where they did not before.
 * Visually hidden text (the 1 px pattern) is skipped.
 *
 * Text of a kit widget already cut off before the spacing is applied is not the spacing's doing,
 * but it is lost all the same, for everyone: a widget in a box of the page's with a fixed height
 * that hides its overflow, which a mouse or a finger cannot scroll. It is reported as a warning
 * (`widget-text-clipped`): no success criterion names it at the size the page is shown at.
 */
import { failure, warning, type Check, type CheckContext, type CheckOutcome, type RuleInfo } from '../check.ts';
import { tours } from '../tours/index.ts';

export const TEXT_SPACING_RULES = {
  clipped: {
    rule: 'text-spacing-clipped', wcag: ['1.4.12'], impact: 'serious',
    help: 'With WCAG text spacing applied, no text is cut off',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/text-spacing.html',
  },
  overlap: {
    rule: 'text-spacing-overlap', wcag: ['1.4.12'], impact: 'serious',
    help: 'With WCAG text spacing applied, no text overlaps other text',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/text-spacing.html',
  },
} satisfies Record<string, RuleInfo>;

export const WIDGET_TEXT_CLIPPED_RULE = {
  rule: 'widget-text-clipped', wcag: [], impact: 'serious',
  help: 'No text of a DVC Kit widget is cut off by a box that hides its overflow, as the page is shown',
  helpUrl: '',
} satisfies RuleInfo;

/** The WCAG 1.4.12 values, as the widely used text-spacing bookmarklet applies them. */
export const TEXT_SPACING_CSS = `
  * { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
  p { margin-bottom: 2em !important; }
`;

interface Problem { kind: 'clipped' | 'overlap' | 'clipped-as-shown'; selector: string; html: string; text: string; other?: string }

/**
 * In the page: measures, applies the spacing, measures again, and leaves it applied (for the
 * screenshots) until `removeTextSpacing`. Returns what got worse, and the text of the `kit`'s
 * widgets cut off before.
 */
function applyAndMeasure(css: string, kit: string[]): { texts: number; problems: Problem[] } {
  const helpers = window.__dvcAudit;
  type Line = { node: number; left: number; right: number; top: number; bottom: number };

  // Every visible text node, in flat-tree order, with the element that holds it.
  const nodes: Array<{ text: Text; owner: Element }> = [];
  for (const el of helpers.allElements()) {
    if (el.localName === 'script' || el.localName === 'style' || el.localName === 'template') continue;
    const children = el.shadowRoot ? [] : el instanceof HTMLSlotElement && el.assignedNodes().length > 0 ? el.assignedNodes() : [...el.childNodes];
    for (const child of children) {
      if (child.nodeType === Node.TEXT_NODE && (child.textContent ?? '').trim() !== '' && (el instanceof HTMLSlotElement || helpers.isRendered(el)) && !helpers.isVisuallyHidden(el)) {
        nodes.push({ text: child as Text, owner: el });
      }
    }
  }
  const clippers = (owner: Element) => helpers.flatAncestors(owner).concat(owner).filter((a) => {
    const s = getComputedStyle(a);
    return /hidden|clip/.test(s.overflowX) || /hidden|clip/.test(s.overflowY);
  });

  const measure = () => {
    const lines: Line[] = [];
    const clipped = new Map<number, Element>();
    const range = document.createRange();
    nodes.forEach(({ text, owner }, index) => {
      range.selectNodeContents(text);
      const rects = [...range.getClientRects()].filter((r) => r.width > 1 && r.height > 1);
      for (const r of rects) lines.push({ node: index, left: r.left, right: r.right, top: r.top, bottom: r.bottom });
      for (const clipper of clippers(owner)) {
        const s = getComputedStyle(clipper);
        const box = clipper.getBoundingClientRect();
        if (box.width <= 2 || box.height <= 2) continue;
        // The padding box: what overflow clips to.
        const left = box.left + clipper.clientLeft;
        const top = box.top + clipper.clientTop;
        const right = left + clipper.clientWidth;
        const bottom = top + clipper.clientHeight;
        const hidesX = /hidden|clip/.test(s.overflowX);
        const hidesY = /hidden|clip/.test(s.overflowY);
        const out = rects.some((r) => (hidesX && (r.right > right + 1 || r.left < left - 1)) || (hidesY && (r.bottom > bottom + 1 || r.top < top - 1)));
        if (out) {
          clipped.set(index, clipper);
          break;
        }
      }
    });
    // Sweep by top edge: only lines that share some height can overlap.
    lines.sort((a, b) => a.top - b.top);
    const overlaps = new Set<string>();
    for (let i = 0; i < lines.length; i++) {
      const a = lines[i]!;
      for (let j = i + 1; j < lines.length && lines[j]!.top < a.bottom - 2; j++) {
        const b = lines[j]!;
        if (a.node === b.node) continue;
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 2 && h > 2) overlaps.add(a.node < b.node ? `${a.node}:${b.node}` : `${b.node}:${a.node}`);
      }
    }
    return { clipped, overlaps };
  };

  const before = measure();
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  helpers.scratch['textSpacingSheet'] = sheet;
  const roots: Array<Document | ShadowRoot> = [document];
  for (const el of helpers.allElements()) if (el.shadowRoot) roots.push(el.shadowRoot);
  for (const root of roots) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  helpers.scratch['textSpacingRoots'] = roots;
  const after = measure();

  const problems: Problem[] = [];
  const cutAsShown = new Set<Element>();
  for (const [index, clipper] of before.clipped) {
    const { text, owner } = nodes[index]!;
    if (cutAsShown.has(clipper) || !helpers.flatAncestors(owner).some((a) => kit.includes(a.localName))) continue;
    cutAsShown.add(clipper);
    problems.push({ kind: 'clipped-as-shown', selector: helpers.selectorFor(clipper), html: helpers.snippet(clipper), text: text.textContent!.trim().slice(0, 80) });
  }
  const reported = new Set<Element>();
  for (const [index, clipper] of after.clipped) {
    if (before.clipped.has(index) || reported.has(clipper)) continue;
    reported.add(clipper);
    problems.push({ kind: 'clipped', selector: helpers.selectorFor(clipper), html: helpers.snippet(clipper), text: nodes[index]!.text.textContent!.trim().slice(0, 80) });
  }
  const pairs = new Set<string>();
  for (const key of after.overlaps) {
    if (before.overlaps.has(key)) continue;
    const [a, b] = key.split(':').map(Number) as [number, number];
    const owners = `${helpers.selectorFor(nodes[a]!.owner)}|${helpers.selectorFor(nodes[b]!.owner)}`;
    if (pairs.has(owners) || pairs.size >= 20) continue;
    pairs.add(owners);
    problems.push({
      kind: 'overlap', selector: helpers.selectorFor(nodes[a]!.owner), html: helpers.snippet(nodes[a]!.owner),
      text: nodes[a]!.text.textContent!.trim().slice(0, 80), other: nodes[b]!.text.textContent!.trim().slice(0, 80),
    });
  }
  return { texts: nodes.length, problems };
}

/** In the page: takes the spacing sheet off again. */
function removeTextSpacing(): void {
  const helpers = window.__dvcAudit;
  const sheet = helpers.scratch['textSpacingSheet'] as CSSStyleSheet | undefined;
  const roots = (helpers.scratch['textSpacingRoots'] ?? []) as Array<Document | ShadowRoot>;
  for (const root of roots) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
}

/** The text-spacing check. */
export const textSpacingCheck: Check = {
  id: 'text-spacing',
  async run(context: CheckContext): Promise<CheckOutcome> {
    const { page } = context;
    try {
      const { texts, problems } = await page.evaluate(applyAndMeasure, TEXT_SPACING_CSS, Object.keys(tours));
      const findings = problems.map((p) => {
        switch (p.kind) {
          case 'clipped':
            return failure('text-spacing', TEXT_SPACING_RULES.clipped, p, `With text spacing, "${p.text}" no longer fits in this box, which hides the overflow.`);
          case 'overlap':
            return failure('text-spacing', TEXT_SPACING_RULES.overlap, p, `With text spacing, "${p.text}" overlaps "${p.other ?? ''}".`);
          case 'clipped-as-shown':
            return warning('text-spacing', WIDGET_TEXT_CLIPPED_RULE, p,
              `"${p.text}", in a widget, is cut off as the page is shown: this box hides what does not fit in it, and a mouse or a finger cannot scroll it. Let it grow with its content (no fixed height), or scroll (overflow: auto).`);
        }
      });
      await context.capture(findings);
      return { findings, summary: `${texts} text nodes compared before and after text spacing` };
    } finally {
      await page.evaluate(removeTextSpacing);
    }
  },
};
