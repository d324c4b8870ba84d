/**
 * Shapes that go with the words on badges and notices, so a state never relies on colour alone
 * (WCAG 1.4.1). Decorative: the text next to them says the same, so they are hidden from assistive
 * technology. They draw in `currentColor`, which forced-colors mode maps to a system colour.
 */
import { html, svg, type TemplateResult } from 'lit';

export type IconName = 'clock' | 'alert' | 'check' | 'cross' | 'pause';

const shapes: Record<IconName, TemplateResult> = {
  clock: svg`<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3 2"/>`,
  alert: svg`<path d="M12 3 2 20h20Z"/><path d="M12 9v5M12 17v.5"/>`,
  check: svg`<circle cx="12" cy="12" r="9"/><path d="m8 12.5 3 3 5-6"/>`,
  cross: svg`<circle cx="12" cy="12" r="9"/><path d="m9 9 6 6m0-6-6 6"/>`,
  pause: svg`<circle cx="12" cy="12" r="9"/><path d="M10 8.5v7M14 8.5v7"/>`,
};

export function icon(name: IconName): TemplateResult {
  // The <svg> element itself belongs in an html template; its children are svg fragments.
  return html`<svg class="icon" part="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"
    focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"
    stroke-linejoin="round">${shapes[name]}</svg>`;
}
