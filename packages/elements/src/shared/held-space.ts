import { unsafeCSS, type CSSResult } from 'lit';

/** A height, in the widgets' rem, a widget holds from a minimum page width on (`null`: at every width). */
export type HeldStep = readonly [minWidth: string | null, rems: number];

/**
 * The space a widget holds from the moment it is defined, in the same steps as a page holds it
 * before the script has run (README, "Hold the widgets' space"): as tall as its first view at that
 * width, so the page does not move when the widget draws itself. One step a media query, widest last.
 * Where scripts do not run (prerendered markup), nothing will be drawn: no space is held.
 */
export function heldSpace(steps: readonly HeldStep[]): CSSResult {
  return unsafeCSS([...steps.map(([minWidth, rems]) => {
    const rule = `:host { min-block-size: calc(${rems} * var(--_dvc-rem)); }`;
    return minWidth === null ? rule : `@media (min-width: ${minWidth}) { ${rule} }`;
  }), '@media (scripting: none) { :host { min-block-size: 0; } }'].join('\n'));
}
