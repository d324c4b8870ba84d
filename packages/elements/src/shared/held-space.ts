import { unsafeCSS, type CSSResult } from 'lit';

/** A height, in the widgets' rem, a widget holds from a minimum page width on (`null`: at every width). */
export type HeldStep = readonly [minWidth: string | null, rems: number];

/**
 * The space a widget holds from the moment it is defined, in the same steps as a page holds it
 * before the script has run (README, "Hold the widgets' space"): as tall as its first view at that
 * width, so the page does not move when the widget draws itself. One step a media query, widest last.
 * Where scripts do not run (prerendered markup), nothing will be drawn: no space is held.
 *
 * With a `selector`, the space a view holds for the one it waits for (the payment's "checking" for
 * its outcome), so that what is below the widget does not move when the answer comes. `plusPx`: the
 * part of that height that does not follow the text's size (borders), the same at 100% and 200%.
 */
export function heldSpace(steps: readonly HeldStep[], selector = ':host', plusPx = 0): CSSResult {
  return unsafeCSS([...steps.map(([minWidth, rems]) => {
    const rule = `${selector} { min-block-size: calc(${rems} * var(--_dvc-rem)${plusPx ? ` + ${plusPx}px` : ''}); }`;
    return minWidth === null ? rule : `@media (min-width: ${minWidth}) { ${rule} }`;
  }), `@media (scripting: none) { ${selector} { min-block-size: 0; } }`].join('\n'));
}
