/**
 * GOV.UK's error summary and field errors, the one way every widget says what stops a form: shown above the form
 * and focused after a failed check, announced as an alert, one link per problem to its field.
 *
 * Parts: `error-summary`, `error-summary-title`, `error-link`, and `field-error` for each field's own line.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { heading } from './heading.ts';
import { getLocale } from './locale.ts';
import { quietAfterLanguageSwitch } from './announcer.ts';

/** Selector of the summary, for `FocusController.focusAfterUpdate()`. */
export const ERROR_SUMMARY = '[part~="error-summary"]';

export interface ErrorSummaryItem {
  /** The id of the field (an input, a textarea, or a fieldset of radios) the problem is about. */
  field: string;
  /**
   * What is wrong; none once the citizen has put it right while the summary stays. Its item then
   * keeps its place, empty and hidden: the items after it keep their own nodes, so the alert does
   * not read out every problem left each time one is solved, as rewriting their text would.
   */
  message: string | TemplateResult | undefined;
}

/** The summary; `headingLevel` fits the page's outline (the widget's own heading level). */
export function errorSummary(items: readonly ErrorSummaryItem[], headingLevel: number): TemplateResult {
  // The same summary in another language (the page switched) is not read out again. Its fields keep
  // their places as they are put right, so putting one right after a switch does not make it an
  // alert again either; a summary of other fields (sent again) is news.
  const problems = items.map((item) => item.field).join(' ');
  return html`<div class="error-summary" part="error-summary" tabindex="-1" lang=${getLocale()}>
    <div role=${quietAfterLanguageSwitch('alert', problems, nothing)}>
      ${heading(headingLevel, msg('There is a problem'), { className: 'error-summary-title', part: 'error-summary-title' })}
      <ul class="error-summary-list">
        ${items.map((item) => html`<li ?hidden=${item.message === undefined}>
          ${item.message === undefined ? nothing : html`<a part="error-link" href="#${item.field}" @click=${onLink}>${item.message}</a>`}
        </li>`)}
      </ul>
    </div>
  </div>`;
}

/**
 * A field's own line saying what is wrong, above its input: `id` goes in the input's
 * `aria-describedby`, and screen readers hear "Error:" first.
 */
export function fieldError(id: string, message: string | TemplateResult): TemplateResult {
  return html`<p id=${id} class="field-error" part="field-error">
    <span class="visually-hidden">${msg('Error:')}</span> ${message}
  </p>`;
}

/**
 * A summary link: bring the field's label (or legend) into view and focus the field, or the chosen
 * (else the first) answer of a group of radios. The fragment would not resolve inside a shadow root,
 * and the page's URL must not change.
 */
function onLink(event: MouseEvent): void {
  event.preventDefault();
  const link = event.currentTarget as HTMLAnchorElement;
  const root = link.getRootNode() as ShadowRoot | Document;
  const id = link.getAttribute('href')?.slice(1) ?? '';
  const field = root.getElementById(id);
  if (!field) return;
  const caption = root.querySelector(`label[for="${CSS.escape(id)}"]`) ?? field.querySelector('legend') ?? field;
  caption.scrollIntoView({ block: 'start' });
  const target = field instanceof HTMLFieldSetElement
    ? field.querySelector<HTMLElement>('input:checked') ?? field.querySelector<HTMLElement>('input')
    : field;
  target?.focus({ preventScroll: true });
}

export const errorSummaryStyles = css`
  .error-summary {
    inline-size: 100%;
    margin-block-end: calc(var(--_dvc-space) * 3);
    padding: calc(var(--_dvc-space) * 2);
    border: 4px solid var(--_dvc-color-danger);
    border-radius: var(--_dvc-radius);
  }

  .error-summary:focus {
    outline: var(--_dvc-focus-ring);
    outline-offset: var(--_dvc-focus-offset);
  }

  .error-summary-title {
    margin: 0 0 var(--_dvc-space);
    font-size: 1.1875em;
  }

  .error-summary-list {
    overflow-wrap: anywhere; /* a message quoting an example code breaks rather than overflow */
    display: grid;
    gap: calc(var(--_dvc-space) / 2);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  /*
   * No bullets (GOV.UK's summary has none; the gap sets items apart). Should a marker ever show, it
   * sits on the first line: an inline-block's baseline is its last line, so it aligns at the top.
   */
  .error-summary-list a {
    display: inline-block;
    vertical-align: top;
    min-block-size: calc(1.5 * var(--_dvc-rem)); /* 24 px target */
    padding-block: calc(0.125 * var(--_dvc-rem));
    color: var(--_dvc-color-danger);
    font-weight: 600;
  }

  /* A field with a problem: a thick border and words, not colour alone. */
  .field.has-error {
    padding-inline-start: calc(var(--_dvc-space) * 1.5);
    border-inline-start: 4px solid var(--_dvc-color-danger);
  }

  .field-error {
    margin: 0;
    color: var(--_dvc-color-danger);
    font-weight: 600;
    /* A message quoting an example code breaks rather than push a phone's page sideways. */
    overflow-wrap: anywhere;
  }

  .has-error input {
    border-width: 3px;
    border-color: var(--_dvc-color-danger);
  }

  @media (forced-colors: active) {
    .error-summary {
      border: 3px solid CanvasText;
    }

    .field.has-error {
      border: 1px solid CanvasText;
    }
  }

  @media print {
    .error-summary {
      display: none;
    }
  }
`;
