import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

export interface HeadingOptions {
  id?: string;
  part?: string;
  /** Focusable by script (tabindex="-1"), for moving focus to a heading after a change. */
  focusable?: boolean;
  /** The language of the content when it is not the widget's (API text: `CONTENT_LANG`). */
  lang?: string;
}

/**
 * A real heading (h2–h6) at the level a page asks for, so a widget fits the page's outline.
 * Written out case by case: tag names never come from data.
 */
export function heading(level: number, content: unknown, { id, part, focusable = false, lang }: HeadingOptions = {}): TemplateResult {
  const tabindex = ifDefined(focusable ? '-1' : undefined);
  switch (Math.min(6, Math.max(2, Math.trunc(level) || 2))) {
    case 2:
      return html`<h2 id=${ifDefined(id)} part=${ifDefined(part)} tabindex=${tabindex} lang=${ifDefined(lang)}>${content}</h2>`;
    case 3:
      return html`<h3 id=${ifDefined(id)} part=${ifDefined(part)} tabindex=${tabindex} lang=${ifDefined(lang)}>${content}</h3>`;
    case 4:
      return html`<h4 id=${ifDefined(id)} part=${ifDefined(part)} tabindex=${tabindex} lang=${ifDefined(lang)}>${content}</h4>`;
    case 5:
      return html`<h5 id=${ifDefined(id)} part=${ifDefined(part)} tabindex=${tabindex} lang=${ifDefined(lang)}>${content}</h5>`;
    default:
      return html`<h6 id=${ifDefined(id)} part=${ifDefined(part)} tabindex=${tabindex} lang=${ifDefined(lang)}>${content}</h6>`;
  }
}
