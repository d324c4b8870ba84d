/**
 * Shapes that go with the words on the status and the timeliness line, so a state never relies on
 * colour alone (WCAG 1.4.1). Each kind has its own outline, and none is a plain ring or box: an
 * empty circle beside "Đang xử lý" read as a radio button nobody had chosen. A filled disc with a
 * check for done, a clock for in progress, a warning triangle for what needs action or is late, an
 * octagon with a cross (a stop sign) for rejected or stopped, two bars for paused.
 *
 * Decorative: the text next to them says the same, so they are hidden from assistive technology.
 * They draw in `currentColor`, which forced-colors mode maps to a system colour; the check cut out
 * of the filled disc is drawn in the surface colour (`Canvas` in forced colours, see styles.ts).
 */
import { html, svg, type TemplateResult } from 'lit';

export type IconName = 'clock' | 'alert' | 'check' | 'cross' | 'pause';

const shapes: Record<IconName, TemplateResult> = {
  // A dial with a tick at twelve and hands at ten past: a clock at a glance, not a ring.
  clock: svg`<circle cx="12" cy="12" r="9.5"/><path d="M12 2.5v2.5"/><path d="M12 7.5V12l3.5 2.5" stroke-width="2.5"/>`,
  alert: svg`<path d="M12 2.5 1.5 21h21Z"/><path d="M12 9.5v5" stroke-width="2.5"/><circle class="icon-fill" cx="12" cy="17.75" r="1.25" fill="currentColor" stroke="none"/>`,
  check: svg`<circle class="icon-fill" cx="12" cy="12" r="10.5" fill="currentColor" stroke="none"/><path class="icon-knockout" d="m7 12.5 3.5 3.5 6.5-7.5" stroke-width="2.5"/>`,
  cross: svg`<path d="M8.3 2.5h7.4l5.8 5.8v7.4l-5.8 5.8H8.3l-5.8-5.8V8.3Z"/><path d="m9 9 6 6m0-6-6 6" stroke-width="2.5"/>`,
  pause: svg`<rect class="icon-fill" x="6" y="4.5" width="4" height="15" rx="1" fill="currentColor" stroke="none"/><rect class="icon-fill" x="14" y="4.5" width="4" height="15" rx="1" fill="currentColor" stroke="none"/>`,
};

export function icon(name: IconName): TemplateResult {
  // The <svg> element itself belongs in an html template; its children are svg fragments.
  return html`<svg class="icon" part="icon" data-icon=${name} viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"
    focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"
    stroke-linejoin="round">${shapes[name]}</svg>`;
}
