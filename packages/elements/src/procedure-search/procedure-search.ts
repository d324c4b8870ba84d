import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { findMatches, type ProcedureSearchResult, type ProcedureSummary } from '@dvc-kit/sdk';
import { ApiClientController } from '../shared/api-client.ts';
import { DebounceController } from '../shared/debounce-controller.ts';
import { RequestController } from '../shared/request-controller.ts';
import { formatNumber, intlLocale } from '../shared/locale.ts';
import { emptyView, errorView, loadingView, statusStyles } from '../shared/status-views.ts';
import { tokens } from '../shared/tokens.ts';
import { procedureSearchStyles } from './styles.ts';

/** Detail of the `dvc-search` event. */
export interface DvcSearchEventDetail {
  query: string;
  /** Active filters (none yet in this first slice). */
  filters: Record<string, string>;
  total: number;
}

interface SearchArgs {
  query: string;
  pageSize: number;
}

interface SearchOutcome {
  /** The query that produced these results (highlighting must use it, not the input's text). */
  query: string;
  result: ProcedureSearchResult;
}

/**
 * Searches administrative procedures (thủ tục hành chính) as the visitor types. Matching ignores
 * Vietnamese diacritics, so "dang ky khai sinh" finds "Đăng ký khai sinh"; matched words are marked.
 *
 * @tag dvc-procedure-search
 *
 * @fires {CustomEvent<DvcSearchEventDetail>} dvc-search - Results arrived: `{ query, filters, total }`. Bubbles, composed.
 *
 * @slot empty-suggestion - Help shown under "No procedures found" (a hotline, a link to all procedures).
 *
 * @csspart form - The search form.
 * @csspart label - The label of the search box.
 * @csspart input - The search box.
 * @csspart submit-button - The search button.
 * @csspart summary - The live region announcing the number of results.
 * @csspart results - The region holding results or a status view.
 * @csspart list - The list of results.
 * @csspart item - One result.
 * @csspart name - A procedure's name.
 * @csspart mark - A matched word in a name.
 * @csspart meta - Code, field and level of a result.
 * @csspart badge - The online-service level of a result.
 * @csspart loading - The loading view.
 * @csspart empty - The empty view.
 * @csspart error - The error view.
 * @csspart retry-button - The error view's "Try again" button.
 *
 * @cssprop --dvc-color-primary - Buttons and the focus ring (see the shared tokens for all `--dvc-*`).
 */
export class DvcProcedureSearch extends LitElement {
  static override styles = [tokens, statusStyles, procedureSearchStyles];

  /** API root, e.g. `https://dichvucong.example.gov.vn/api/v1`; defaults to the page-wide one. */
  @property({ attribute: 'api-base', reflect: true }) accessor apiBase = '';

  /** The search text; setting it searches at once. */
  @property({ reflect: true }) accessor query = '';

  /** Results per page (1–50). */
  @property({ attribute: 'page-size', type: Number, reflect: true }) accessor pageSize = 10;

  readonly #api = new ApiClientController(this, () => this.apiBase);
  readonly #debounce = new DebounceController(this, 250);
  readonly #search = new RequestController<SearchArgs, SearchOutcome>(this, async ({ query, pageSize }, signal) => {
    const result = await this.#api.client.procedures.search({ q: query, pageSize }, { signal });
    return { query, result };
  });
  // True while `query` changes because the visitor typed: typing waits for the debounce.
  #typing = false;

  constructor() {
    super();
    // Re-render when the page switches language (<html lang> or setLocale()).
    updateWhenLocaleChanges(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#debounce.cancel();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back on the page after a removal: pick up where the search was left.
    if (this.hasUpdated && this.query.trim() && this.#search.status === 'idle') this.#searchNow();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('query') && this.#typing) this.#debounce.schedule(() => void this.#searchNow());
    else if (changed.has('query') || changed.has('apiBase') || changed.has('pageSize')) {
      // Set from script or markup: search now, and drop a search still waiting from typing.
      this.#debounce.cancel();
      void this.#searchNow();
    }
    this.#typing = false;
  }

  /** Searches for the current query now (pending debounced search included). */
  search(): Promise<void> {
    this.#debounce.cancel();
    return this.#searchNow();
  }

  #searchNow(): Promise<void> {
    const query = this.query.trim();
    if (!query) {
      this.#search.reset();
      return Promise.resolve();
    }
    const pageSize = Math.min(50, Math.max(1, Math.trunc(this.pageSize) || 10));
    const run = this.#search.run({ query, pageSize });
    return run.then(() => {
      const outcome = this.#search.value;
      if (this.#search.status !== 'success' || !outcome || outcome.query !== query) return;
      this.dispatchEvent(
        new CustomEvent<DvcSearchEventDetail>('dvc-search', {
          bubbles: true,
          composed: true,
          detail: { query, filters: {}, total: outcome.result.total },
        }),
      );
    });
  }

  #onInput(event: InputEvent): void {
    this.#typing = true;
    this.query = (event.target as HTMLInputElement).value;
  }

  #onSubmit(event: SubmitEvent): void {
    // Enter: search at once instead of waiting for the debounce.
    event.preventDefault();
    void this.search();
  }

  protected override render(): TemplateResult {
    const { status } = this.#search;
    return html`
      <form part="form" role="search" @submit=${this.#onSubmit}>
        <div class="field">
          <label part="label" for="q">${msg('Search for a procedure')}</label>
          <input
            id="q"
            part="input"
            type="search"
            name="q"
            autocomplete="off"
            enterkeyhint="search"
            maxlength="200"
            .value=${live(this.query)}
            @input=${this.#onInput}
          />
        </div>
        <button part="submit-button" type="submit">${msg('Search')}</button>
      </form>
      <p class="summary" part="summary" role="status" aria-live="polite">${this.#summary()}</p>
      <div class="results" part="results" aria-busy=${status === 'loading' ? 'true' : 'false'}>
        ${this.#results()}
      </div>
    `;
  }

  /** The live region's text: only settled results are announced, not every keystroke. */
  #summary(): string {
    const { status, value } = this.#search;
    if (status !== 'success' || !value) return '';
    return foundMessage(value.result.total);
  }

  #results(): TemplateResult | typeof nothing {
    const { status, value, error } = this.#search;
    switch (status) {
      case 'idle':
        return nothing;
      case 'loading':
        return loadingView();
      case 'error':
        return errorView(error, () => void this.#search.retry());
      case 'success': {
        if (!value || value.result.items.length === 0) {
          return emptyView(
            msg('No procedures found'),
            msg('Try fewer words, or check the spelling.'),
            'empty-suggestion',
          );
        }
        return html`<ul part="list">
          ${value.result.items.map((item) => this.#item(item, value.query))}
        </ul>`;
      }
    }
  }

  #item(item: ProcedureSummary, query: string): TemplateResult {
    return html`<li part="item">
      <span class="name" part="name">${highlight(item.name, query)}</span>
      <dl part="meta">
        <div><dt>${msg('Code')}</dt><dd>${item.code}</dd></div>
        <div><dt>${msg('Field')}</dt><dd>${item.field.name}</dd></div>
        ${item.levels.length
          ? html`<div><dt>${msg('Level')}</dt><dd>${item.levels.map(levelLabel).join(', ')}</dd></div>`
          : nothing}
      </dl>
      <span class="badge" part="badge" data-online=${item.onlineLevel}>${onlineLabel(item.onlineLevel)}</span>
    </li>`;
  }
}

/** "Tìm thấy 12 thủ tục" / "12 procedures found" (English needs the singular for 1). */
export function foundMessage(total: number): string {
  if (total === 0) return msg('No procedures found');
  const count = formatNumber(total);
  return new Intl.PluralRules(intlLocale()).select(total) === 'one'
    ? msg(str`${count} procedure found`)
    : msg(str`${count} procedures found`);
}

/** The name with matched words in <mark>, built as template parts so the text stays text. */
export function highlight(text: string, query: string): Array<string | TemplateResult> {
  const parts: Array<string | TemplateResult> = [];
  let at = 0;
  for (const { start, end } of findMatches(text, query)) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(html`<mark part="mark">${text.slice(start, end)}</mark>`);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

function levelLabel(level: ProcedureSummary['levels'][number]): string {
  switch (level) {
    case 'central':
      return msg('Central');
    case 'province':
      return msg('Province');
    case 'commune':
      return msg('Commune');
  }
}

function onlineLabel(level: ProcedureSummary['onlineLevel']): string {
  switch (level) {
    case 'full':
      return msg('Fully online');
    case 'partial':
      return msg('Partly online');
    case 'none':
      return msg('Information only');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dvc-procedure-search': DvcProcedureSearch;
  }
  interface HTMLElementEventMap {
    'dvc-search': CustomEvent<DvcSearchEventDetail>;
  }
}
