import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { formatNumber } from '../shared/locale.ts';
import './translations.ts';

/** Page numbers to show: the first, the last, and two either side of the current one. */
export function visiblePages(page: number, pages: number): Array<number | 'gap'> {
  const shown = new Set([1, pages, page - 2, page - 1, page, page + 1, page + 2].filter((p) => p >= 1 && p <= pages));
  const sorted = [...shown].sort((a, b) => a - b);
  const result: Array<number | 'gap'> = [];
  sorted.forEach((p, i) => {
    if (i > 0 && p - sorted[i - 1]! > 1) result.push('gap');
    result.push(p);
  });
  return result;
}

/** Buttons (they change the widget, not the page); the current page is marked aria-current. */
export function paginationView(page: number, pages: number, onPage: (page: number) => void): TemplateResult | typeof nothing {
  if (pages <= 1) return nothing;
  return html`<nav class="pagination" part="pagination" aria-label=${msg('Result pages')}>
    <ul>
      ${page > 1
        ? html`<li><button type="button" part="page-button" @click=${() => onPage(page - 1)}>${msg('Previous')}</button></li>`
        : nothing}
      ${visiblePages(page, pages).map((p) => p === 'gap'
        ? html`<li aria-hidden="true">…</li>`
        : html`<li><button type="button" part="page-button" aria-current=${p === page ? 'page' : 'false'}
            aria-label=${msg(str`Page ${formatNumber(p)}`)} @click=${() => onPage(p)}>${formatNumber(p)}</button></li>`)}
      ${page < pages
        ? html`<li><button type="button" part="page-button" @click=${() => onPage(page + 1)}>${msg('Next')}</button></li>`
        : nothing}
    </ul>
  </nav>`;
}
