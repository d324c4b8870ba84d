import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

export interface HeadingOptions {
  id?: string;
  part?: string;
  /** Focusable by script (tabindex="-1"), for moving focus to a heading after a change. */
  focusable?: boolean;
  /** The language of the content when it is not the widget's (API text: `CONTENT_LANG`). */
  lang?: string;
  /** A class for the widget's own styles. */
  className?: string;
}

/**
 * A real heading (h2–h6) at the level a page asks for, so a widget fits the page's outline.
 * Written out case by case: tag names never come from data.
 */
export function heading(level: number, content: unknown, { id, part, focusable = false, lang, className }: HeadingOptions = {}): TemplateResult {
  const tabindex = ifDefined(focusable ? '-1' : undefined);
  switch (Math.min(6, Math.max(2, Math.trunc(level) || 2))) {
    case 2:
      return html`<h2 id=${ifDefined(id)} class=${ifDefined(className)} part=${ifDefined(part)} tabindex=${tabindex} lang=${ifDefined(lang)}>${content}</h2>`;
    case 3:
      return html`<h3 id=${ifDefined(id)} class=${ifDefined(className)} part=${ifDefined(part)} tabindex=${tabindex} lang=${ifDefined(lang)}>${content}</h3>`;
    case 4:
      return html`<h4 id=${ifDefined(id)} class=${ifDefined(className)} part=${ifDefined(part)} tabindex=${tabindex} lang=${ifDefined(lang)}>${content}</h4>`;
    case 5:
      return html`<h5 id=${ifDefined(id)} class=${ifDefined(className)} part=${ifDefined(part)} tabindex=${tabindex} lang=${ifDefined(lang)}>${content}</h5>`;
    default:
      return html`<h6 id=${ifDefined(id)} class=${ifDefined(className)} part=${ifDefined(part)} tabindex=${tabindex} lang=${ifDefined(lang)}>${content}</h6>`;
  }
}

/**
 * The level of a widget's top headings, from its `heading-level` attribute: 2 for anything that is
 * not a number, and never so deep that the `depth` levels of sub-headings under it fall past h6
 * (an outline that repeats h6 would say sub-sections are siblings).
 */
export function topHeadingLevel(requested: number, depth: number): number {
  return Math.min(6 - depth, Math.max(2, Math.trunc(requested) || 2));
}
