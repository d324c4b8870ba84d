import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { quietAfterLanguageSwitch } from '../shared/announcer.ts';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize';
import type { Agency, Field, Procedure, ProcedureSearchResult } from '@dvc-kit/sdk';
import { DebounceController } from '../shared/debounce-controller.ts';
import { DvcElement } from '../shared/dvc-element.ts';
import { FocusController, keepFocusInView, type FocusTarget } from '../shared/focus-controller.ts';
import { RequestController, type RequestStatus } from '../shared/request-controller.ts';
import { ReadAloudController, VoiceInputController } from '../shared/speech-controllers.ts';
import { CONTENT_LANG, getLocale } from '../shared/locale.ts';
import { heading, topHeadingLevel } from '../shared/heading.ts';
import { emptyView, failureFocus, failureView, loadingView, statusStyles } from '../shared/status-views.ts';
import { ERROR_SUMMARY, errorSummary, errorSummaryStyles, fieldError } from '../shared/error-summary.ts';
import { tokens } from '../shared/tokens.ts';
import { filtersToggleLabel, filtersView } from './filters.ts';
import { blankQueryMessage, queryLengthMessage, tooLongQueryMessage, voiceProblemText } from './labels.ts';
import { FILTER_NAMES, isBlank, MAX_QUERY_LENGTH, queryLength, sanitizeState } from './search-state.ts';
import type { FilterName, SearchState } from './search-state.ts';
import { UrlSyncController } from './url-sync-controller.ts';
import { later } from '../shared/later.ts';
import { procedureSearchStyles } from './styles.ts';
import './translations.ts';

import type { DvcProcedureSelectEventDetail, DvcSearchEventDetail } from './events.ts';

export type { DvcProcedureSelectEventDetail, DvcSearchEventDetail };

/** The results, their pages and a procedure's detail: loaded with the first request, beside it. */
const laterViews = later(() => import('./later-views.ts'));

/** Wide enough for the filters to stand open beside the results' start (40 × 16 px). */
const WIDE_SCREEN = '(min-width: 40rem)';

/** Decorative: the button's words are its name. */
const MICROPHONE = html`<svg class="icon" part="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"
  fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"
  ><rect x="9" y="2.5" width="6" height="12" rx="3"/><path d="M5.5 11a6.5 6.5 0 0 0 13 0M12 17.5V21.5M8.5 21.5h7"/></svg>`;

interface SearchOutcome {
  /** The state that produced these results (highlighting must use its query, not the input's). */
  state: SearchState;
  result: ProcedureSearchResult;
}

/** The search as the results show it: the request's, or none yet (the prerendered view). */
interface SearchShown {
  status: RequestStatus;
  value?: SearchOutcome | undefined;
  error?: unknown;
}

/** Where focus goes once a procedure's detail has come, or could not: its title, else the failure's "Try again". */
const DETAIL_FOCUS: FocusTarget = (root) => root.querySelector<HTMLElement>('#detail-title') ?? failureFocus(root)
  ?? root.querySelector<HTMLElement>('[part="detail"] [part="loading"]');

/**
 * Finds an administrative procedure (thủ tục hành chính) and shows everything needed to apply:
 * what to do, bring and pay. Matching ignores Vietnamese diacritics, so "dang ky khai sinh" finds
 * "Đăng ký khai sinh"; matched words are marked. Filters carry facet counts; results page by
 * keyboard; a procedure's detail opens in place (unless the page handles `dvc-procedure-select`).
 *
 * @tag dvc-procedure-search
 *
 * @fires {CustomEvent<DvcSearchEventDetail>} dvc-search - Results arrived: `{ query, filters, total }`. Bubbles, composed.
 * @fires {CustomEvent<DvcProcedureSelectEventDetail>} dvc-procedure-select - A procedure was chosen: `{ code }`. Cancelable: `preventDefault()` stops the widget opening its own detail, so a portal can route to its page. Bubbles, composed.
 *
 * @slot empty-suggestion - Help shown under "No procedures found" (a hotline, a link to all procedures).
 *
 * @csspart error-summary - "There is a problem", above the form, when the search button is pressed with nothing to search for; it receives focus.
 * @csspart error-summary-title - Its heading.
 * @csspart error-link - Its link to the search box.
 * @csspart field-error - What is wrong, above the search box.
 * @csspart form - The search form.
 * @csspart label - The label of the search box.
 * @csspart input - The search box.
 * @csspart submit-button - The search button.
 * @csspart voice-button - The voice search button (only where the browser recognises speech).
 * @csspart icon - The microphone on the voice search button (decorative).
 * @csspart voice-status - Why voice search heard nothing (no speech, no microphone, permission refused…); a polite live region.
 * @csspart filters-disclosure - The "Filters" disclosure (a `<details>`): open on wide screens, folded on phones.
 * @csspart filters-toggle - Its `<summary>`.
 * @csspart filters - The filter fieldset.
 * @csspart filter - Each filter's select.
 * @csspart clear-filters - The "Clear filters" button.
 * @csspart summary - The live region announcing the number of results.
 * @csspart results - The region holding results or a status view.
 * @csspart results-heading - The results heading (focused after a page change, and while "Try again" searches again).
 * @csspart list - The list of results.
 * @csspart item - One result.
 * @csspart name - A procedure's name (a button that opens its detail).
 * @csspart mark - A matched word in a name.
 * @csspart meta - Code, field, level, time and fee of a result.
 * @csspart badge - The online-service level of a result.
 * @csspart pagination - The page navigation.
 * @csspart page-button - A page button.
 * @csspart detail - A procedure's detail.
 * @csspart detail-title - The procedure's name heading its detail; it receives focus once the detail has come
 *   ("Loading…" has it meanwhile, the failure's "Try again" if it cannot come).
 * @csspart detail-facts - Code, field, level, agency, time and fee of the detail.
 * @csspart detail-section - A section of the detail (how to apply, documents, forms…).
 * @csspart channels - The table of ways to apply, with their times and fees.
 * @csspart document-case - The documents asked for in one case.
 * @csspart document - One document.
 * @csspart form-link - A form to download.
 * @csspart back-button - "Back to results".
 * @csspart read-aloud-button - Reads the detail aloud (only where the browser can speak).
 * @csspart read-aloud-status - Why nothing is heard: the device has no Vietnamese voice (a polite live region).
 * @csspart loading - The loading view.
 * @csspart empty - The empty view.
 * @csspart error - The error view.
 * @csspart retry-button - The error view's "Try again" button.
 * @csspart load-failure - Said in place of the first view when the widget's script cannot be loaded (dvc-loader.js).
 *
 * @cssprop --dvc-color-primary - Buttons and links (see the shared tokens for every `--dvc-*`).
 * @cssprop --dvc-color-mark - The background of matched words.
 */
export class DvcProcedureSearch extends DvcElement {
  static override styles = [tokens, statusStyles, errorSummaryStyles, procedureSearchStyles];

  /** The search text; setting it searches at once (a text longer than the search takes, 200 characters, is reported instead). */
  @property({ reflect: true }) accessor query = '';

  /** Preset field (lĩnh vực) code filter, e.g. `G15-TP07`. */
  @property({ reflect: true }) accessor field = '';

  /** Preset level filter: `central`, `province` or `commune`. */
  @property({ reflect: true }) accessor level = '';

  /** Preset agency filter (an agency id from the API). */
  @property({ reflect: true }) accessor agency = '';

  /** Preset online-service filter: `full`, `partial` or `none`. */
  @property({ reflect: true }) accessor online = '';

  /** Results per page (1–50). */
  @property({ attribute: 'page-size', type: Number, reflect: true }) accessor pageSize = 10;

  /** Mirror the search in the page's URL, so links, reload and back / forward work. */
  @property({ attribute: 'sync-url', type: Boolean, reflect: true }) accessor syncUrl = false;

  /** The heading level of the widget's headings (2–6), to fit the page's outline. */
  @property({ attribute: 'heading-level', type: Number }) accessor headingLevel = 2;

  /**
   * The portal's search page: the form's `action`, where the prerendered form sends `?q=` when
   * scripts do not run. The widget on that page starts with the query `?q=` gives.
   */
  @property({ attribute: 'search-page', reflect: true }) accessor searchPage = '';

  @state() private accessor page = 1;
  @state() private accessor openCode = '';
  @state() private accessor agencies: Agency[] = [];
  @state() private accessor fields: Field[] = [];
  /** The filters' disclosure as the visitor left it; undefined until they open or close it. */
  @state() private accessor filtersOpen: boolean | undefined;
  /** The search button was pressed with no words and no filter; cleared by typing, or once there is something to search for. */
  @state() private accessor askedBlank = false;
  /** The search button was pressed with more text than the search takes; cleared by typing. */
  @state() private accessor askedTooLong = false;

  readonly #debounce = new DebounceController(this, 250);
  readonly #search = new RequestController<SearchState, SearchOutcome>(this, async (state, signal) => {
    const [result] = await Promise.all([
      this.api.client().then((client) => client.procedures.search({
        q: state.query || undefined,
        field: state.field || undefined,
        level: state.level || undefined,
        agency: state.agency || undefined,
        online: state.online || undefined,
        page: state.page,
        pageSize: this.#pageSize,
      }, { signal })),
      laterViews.load(),
    ]);
    return { state, result };
  });
  readonly #detail = new RequestController<string, Procedure>(this, async (code, signal) => {
    const [procedure] = await Promise.all([this.api.client().then((client) => client.procedures.get(code, { signal })), laterViews.load()]);
    return procedure;
  });
  readonly #readAloud = new ReadAloudController(this);
  readonly #voice = new VoiceInputController(this);
  readonly #url = new UrlSyncController(this, () => this.syncUrl, (state) => this.#apply(state, 'none'));
  readonly #focus = new FocusController(this);

  /** True while `query` changes because the visitor typed: typing waits for the debounce. */
  #typing = false;
  /** Set when we changed several inputs ourselves and searched: the next update must not search again. */
  #applied = false;
  /** The filter being chosen in: its choices share one history entry until focus leaves it. */
  #choosingIn: FilterName | undefined;
  /** How the search a filter choice starts writes the URL; undefined when no choice is pending. */
  #choiceHistory: 'push' | 'replace' | undefined;
  /** The control that opened the detail, to return focus to. */
  #opener: HTMLElement | undefined;
  /** The API root the filters' lists were asked of; undefined until the filters are first shown. */
  #listsFrom: string | undefined;
  /**
   * Whether the filters have been drawn: not while they are folded and were never opened (a
   * phone's first view), which keeps their selects out of the first render.
   */
  #filtersDrawn = false;

  get #pageSize(): number {
    return Math.min(50, Math.max(1, Math.trunc(this.pageSize) || 10));
  }

  /** Longer than the search takes (a paste): not searched, not cut; the citizen is told, and shortens it. */
  get #tooLong(): boolean {
    return queryLength(this.query) > MAX_QUERY_LENGTH;
  }

  get #state(): SearchState {
    return sanitizeState({
      query: this.query, field: this.field, level: this.level, agency: this.agency, online: this.online,
      page: this.page, procedure: this.openCode,
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const typed = this.#typedBeforeScript();
    if (!this.query) this.query = typed.trim() ? typed : this.#takeSearchPageQuery();
    if (this.syncUrl) {
      const fromUrl = this.#url.read();
      // The page opened on a search or a detail (a shared link, a reload, back from the payment
      // gateway): shown as it was, but focus stays where the page has it; nobody acted here.
      if (fromUrl) this.#apply(fromUrl, 'none', { focus: false });
    }
    if (this.hasUpdated && this.#search.status === 'idle' && !isBlank(this.#state)) void this.#searchNow();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#debounce.cancel();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Typed or chosen in the prerendered form since the widget connected: the renders that hydrate
    // it and follow must not undo it.
    const typed = this.#typedBeforeScript();
    if (typed.trim() && typed !== this.query) this.query = typed;
    if (!this.hasUpdated && this.asPrerendered) this.#keepFiltersChosenBeforeScript();
    // Something to search for now (typed, chosen, set by script, or brought back by Back): the
    // problem is over.
    if (this.askedBlank && !isBlank(this.#state)) this.askedBlank = false;
    if (this.askedTooLong && !this.#tooLong) this.askedTooLong = false;
    const choiceHistory = this.#choiceHistory;
    this.#choiceHistory = undefined;
    if (this.#applied) {
      this.#applied = false;
      return;
    }
    const inputs = ['query', 'field', 'level', 'agency', 'online', 'apiBase', 'pageSize'] as const;
    if (!inputs.some((name) => changed.has(name))) return;
    // A new question starts from its first page.
    if ((['query', 'field', 'level', 'agency', 'online'] as const).some((name) => changed.has(name))) this.page = 1;
    if (changed.has('query') && this.#typing && !this.#tooLong) {
      this.#typing = false;
      this.#debounce.schedule(() => void this.#searchNow('replace'));
    } else if (this.#tooLong) {
      // Nothing to wait for: the last query's results go at once, not a debounce later.
      this.#typing = false;
      this.#debounce.cancel();
      void this.#searchNow('replace');
    } else {
      this.#debounce.cancel();
      void this.#searchNow(choiceHistory ?? 'push');
    }
  }

  /** Searches for the current query and filters now (a pending debounced search included). */
  search(): Promise<void> {
    this.#debounce.cancel();
    return this.#searchNow('push');
  }

  /** Opens a procedure's detail in place, as if chosen from the results (no `dvc-procedure-select`). */
  showProcedure(code: string): void {
    this.#opener = undefined;
    this.#openDetail(code, 'push');
  }

  /** Changes several inputs at once without a search per property. */
  #apply(state: SearchState, history: 'push' | 'replace' | 'none', { focus = true } = {}): void {
    this.#applied = true;
    this.query = state.query;
    this.field = state.field;
    this.level = state.level;
    this.agency = state.agency;
    this.online = state.online;
    this.page = state.page;
    this.#debounce.cancel();
    if (state.procedure !== this.openCode) {
      if (state.procedure) this.#openDetail(state.procedure, history, { focus });
      else this.#closeDetail(history);
    }
    const searched = this.#searchNow(history);
    // Back or Forward: the browser puts the page where it stood on that entry, which may leave what
    // has focus (a result's button) off the screen once the results have changed under it.
    if (history === 'none') void searched.then(() => keepFocusInView(this));
  }

  async #searchNow(history: 'push' | 'replace' | 'none' = 'push'): Promise<void> {
    const state = this.#state;
    // Too long to search: what was found for the last query goes, and the address no longer names it
    // (as with an emptied box), so a reload does not bring it back.
    if (this.#tooLong) {
      if (history !== 'none') this.#url.write({ ...state, query: '' }, 'replace');
      this.#search.reset();
      return;
    }
    if (history !== 'none') this.#url.write(state, history);
    if (isBlank(state)) {
      this.#search.reset();
      return;
    }
    await this.#search.run(state);
    const outcome = this.#search.value;
    if (this.#search.status !== 'success' || outcome?.state !== state) return;
    // A page past the last (an old bookmark, a shared link, a catalogue that shrank): its last page.
    const pages = Math.ceil(outcome.result.total / outcome.result.pageSize);
    if (pages > 0 && state.page > pages) {
      this.#apply({ ...state, page: pages }, 'replace', { focus: false });
      return;
    }
    const filters: DvcSearchEventDetail['filters'] = {};
    for (const name of FILTER_NAMES) if (state[name]) filters[name] = state[name];
    this.emit('dvc-search', { query: state.query, filters, total: outcome.result.total });
  }

  /** What the citizen typed into the prerendered form before the script came: kept, and searched. */
  #typedBeforeScript(): string {
    if (this.hasUpdated || !this.asPrerendered) return '';
    // As typed, a space at its end included: the citizen may be between two words.
    return this.shadowRoot?.querySelector<HTMLInputElement>('input#q')?.value ?? '';
  }

  /** The filters opened, and the choices made in them, in the prerendered form before the script came. */
  #keepFiltersChosenBeforeScript(): void {
    const root = this.shadowRoot;
    if (root?.querySelector<HTMLDetailsElement>('details.filters-disclosure')?.open) this.filtersOpen = true;
    for (const name of FILTER_NAMES) {
      const chosen = root?.querySelector<HTMLSelectElement>(`select#filter-${name}`)?.value;
      if (chosen) this[name] = chosen;
    }
  }

  /**
   * `?q=` on the page `search-page` names, with the filters' choices sent beside it (`field`,
   * `level`, `online`): what the search form sent, with scripting on or off. Filters are taken
   * only with a query, and only where the page does not set them itself.
   */
  #takeSearchPageQuery(): string {
    if (!this.searchPage || this.hasUpdated) return '';
    const page = new URL(this.searchPage, document.baseURI);
    if (page.origin !== location.origin || page.pathname !== location.pathname) return '';
    const sent = new URLSearchParams(location.search);
    const query = sent.get('q')?.trim() ?? '';
    if (!query) return '';
    const chosen = sanitizeState({ query, field: sent.get('field') ?? '', level: sent.get('level') ?? '', agency: '', online: sent.get('online') ?? '', page: 1, procedure: '' });
    for (const name of ['field', 'level', 'online'] as const) if (!this[name]) this[name] = chosen[name];
    return query;
  }

  protected override updated(): void {
    if (this.#filtersShown) this.#loadFilterLists();
  }

  /**
   * The agencies and the fields of the catalogue, when the filters are first shown (at once on a
   * wide screen, where they stand open; on a phone when they are opened), so both filters have
   * their choices before any search, and a folded phone page never downloads them. Asked again
   * when `api-base` changes. Each is a convenience: without its list, the agency filter is not
   * offered and the field filter waits for a search's facets.
   */
  #loadFilterLists(): void {
    const base = this.api.baseUrl;
    if (base === this.#listsFrom) return;
    this.#listsFrom = base;
    if (!base) {
      this.agencies = [];
      this.fields = [];
      return;
    }
    void this.api.client().then(async (client) => {
      const [agencies, fields] = await Promise.allSettled([client.procedures.agencies(), client.procedures.fields()]);
      // A newer api-base asked its own.
      if (this.#listsFrom !== base) return;
      this.agencies = agencies.status === 'fulfilled' ? agencies.value : [];
      this.fields = fields.status === 'fulfilled' ? fields.value : [];
    }, () => {
      // The client did not load: the next showing of the filters asks again.
      if (this.#listsFrom === base) this.#listsFrom = undefined;
    });
  }

  /**
   * As the visitor left it; else open on a wide screen and folded on a phone, where its label says
   * how many filters are in use.
   */
  get #filtersShown(): boolean {
    // Prerendered folded: the page's width is the browser's to know (the held space fits both).
    return this.filtersOpen ?? (!this.asPrerendered && window.matchMedia(WIDE_SCREEN).matches);
  }

  #onFiltersToggle(event: Event): void {
    const open = (event.currentTarget as HTMLDetailsElement).open;
    if (open !== this.#filtersShown) this.filtersOpen = open;
    if (open) this.#loadFilterLists();
  }

  #onInput(event: InputEvent): void {
    this.#voice.clearProblem();
    this.askedBlank = false;
    this.askedTooLong = false;
    this.#typing = true;
    this.query = (event.target as HTMLInputElement).value;
  }

  #onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    // Nothing to search for (an empty box, or spaces): say what to type, the one error pattern;
    // nothing is searched, and the page's history gains no entry. Results of an earlier query go:
    // under the problem they would read as the answer to the empty box.
    this.askedBlank = isBlank(this.#state);
    this.askedTooLong = this.#tooLong;
    if (!this.askedBlank && !this.askedTooLong) {
      void this.search();
      return;
    }
    this.#debounce.cancel();
    void this.#searchNow('replace');
    this.#focus.focusAfterUpdate(ERROR_SUMMARY);
  }

  #onFilter(name: FilterName, value: string): void {
    if (this[name] === value) return;
    // Arrow keys on a closed select choose each option in turn, each a change, at whatever pace a
    // screen reader is listened to: one step back, not one per option passed, returns to the
    // results before the choice.
    this.#choiceHistory = this.#choosingIn === name ? 'replace' : 'push';
    this.#choosingIn = name;
    this[name] = value;
  }

  #onFilterLeft(name: FilterName): void {
    if (this.#choosingIn === name) this.#choosingIn = undefined;
  }

  #clearFilters(): void {
    const cleared: SearchState = { ...this.#state, field: '', level: '', agency: '', online: '', page: 1 };
    // The button pressed goes with the filters: focus goes to the results it changes, or to the
    // search box when, without the filters, nothing is asked any more.
    this.#focus.focusAfterUpdate(isBlank(cleared) ? 'input#q' : '#results-heading');
    this.#apply(cleared, 'push');
  }

  #goToPage(page: number): void {
    this.page = page;
    this.#focus.focusAfterUpdate('#results-heading');
    void this.#searchNow('push');
  }

  #select(code: string, opener: HTMLElement): void {
    if (!this.emit('dvc-procedure-select', { code }, { cancelable: true })) return;
    this.#opener = opener;
    this.#openDetail(code, 'push');
  }

  #openDetail(code: string, history: 'push' | 'replace' | 'none', { focus = true } = {}): void {
    this.openCode = code;
    if (history !== 'none') this.#url.write(this.#state, history);
    if (focus) {
      this.#focus.focusWhileLoading(() => this.#detail.run(code), DETAIL_FOCUS);
    } else {
      this.#focus.cancel();
      void this.#detail.run(code);
    }
  }

  #closeDetail(history: 'push' | 'replace' | 'none' = 'push'): void {
    this.#readAloud.stop();
    this.openCode = '';
    this.#detail.reset();
    const opener = this.#opener;
    this.#focus.focusAfterUpdate(opener
      // The same procedure's button in the results rendered again, else the results' heading.
      ? (root) => root.querySelector<HTMLElement>(`button[data-code="${CSS.escape(opener.dataset['code'] ?? '')}"]`)
        ?? root.querySelector<HTMLElement>('#results-heading')
      : 'input');
    if (history !== 'none') this.#url.write(this.#state, history);
  }

  #listen(): void {
    if (this.#voice.listening) {
      this.#voice.stop();
      return;
    }
    // The catalogue is Vietnamese only, so a spoken procedure name is Vietnamese even on an English
    // page: an English recogniser would turn "lý lịch tư pháp" into English words that match nothing.
    this.#voice.listen(CONTENT_LANG, (phrase) => {
      this.query = phrase;
    });
  }

  // Each top-level element says the widget's language, which may differ from the page's (a French
  // page gets Vietnamese); elements holding catalogue text say lang="vi" (CONTENT_LANG).
  // Prerendered, it is the first view: nothing searched or open, no filter set, no voice search
  // (the browser's to offer); the input keeps what the citizen typed.
  protected override render(): TemplateResult {
    const lang = getLocale();
    const prerendered = this.asPrerendered;
    this.#filtersDrawn ||= prerendered || this.#filtersShown;
    const state = prerendered ? sanitizeState({}) : this.#state;
    const openCode = prerendered ? '' : this.openCode;
    const voice = this.#voice;
    const voiceSupported = !prerendered && voice.supported;
    const voiceProblem = voiceSupported && voice.problem ? voiceProblemText(voice.problem) : '';
    // The one problem the box can have: nothing in it (said when Search is pressed), or more than the
    // search takes (said as soon as it is there: nothing is searched until it is shortened).
    const tooLong = !prerendered && !this.askedBlank && this.#tooLong;
    const problem = prerendered ? '' : this.askedBlank ? blankQueryMessage()
      : tooLong ? `${tooLongQueryMessage()} ${queryLengthMessage(queryLength(this.query))}` : '';
    const problemAsked = problem !== '' && (this.askedBlank || this.askedTooLong);
    const describedBy = ['q-hint', problem ? 'q-error' : '', voiceProblem ? 'q-voice' : ''].filter(Boolean).join(' ');
    // A paste too long is said politely as it happens, its count not (it changes with each key).
    const summary = prerendered ? '' : tooLong ? tooLongQueryMessage() : this.#summary();
    // method and action for the prerendered form without scripts; with them, #onSubmit searches here.
    return html`
      <form part="form" role="search" lang=${lang} method="get" action=${this.searchPage || nothing} @submit=${this.#onSubmit}
        ?hidden=${openCode !== ''}>
        ${problemAsked ? errorSummary([{ field: 'q', message: problem }], this.#headingLevel) : nothing}
        <div class="field ${problem ? 'has-error' : ''}">
          <label part="label" for="q">${msg('Search for a procedure')}</label>
          ${problem ? fieldError('q-error', problem) : nothing}
          <div class="field-row">
            <div class="box">
              <div class="input-row">
                <input id="q" part="input" type="search" name="q" autocomplete="off" enterkeyhint="search"
                  aria-describedby=${describedBy} aria-invalid=${problem ? 'true' : 'false'} .value=${live(this.query)} @input=${this.#onInput} />
                ${voiceSupported
                  // The label says what a press does; no aria-pressed beside a changing label (see the detail's read aloud).
                  // On a phone only the microphone shows; the words stay its name.
                  ? html`<button type="button" class="secondary voice" part="voice-button" @click=${this.#listen}
                      >${MICROPHONE}<span class="voice-label">${voice.listening ? msg('Stop listening') : msg('Voice search')}</span></button>`
                  : nothing}
              </div>
              ${voiceSupported
                // Said politely where it happened, in the widget's language: voice search never fails
                // silently. A live region of its own (not role="status": that is the result count's).
                ? html`<p id="q-voice" class="voice-status" part="voice-status" aria-live="polite" aria-atomic="true">${voiceProblem}</p>`
                : nothing}
              <p id="q-hint" class="hint">${msg('With or without accents, e.g. "dang ky khai sinh".')}</p>
            </div>
            <button part="submit-button" type="submit">${msg('Search')}</button>
          </div>
        </div>
        <details class="filters-disclosure" part="filters-disclosure" ?open=${this.#filtersShown} @toggle=${this.#onFiltersToggle}>
          <summary part="filters-toggle">${filtersToggleLabel(state)}</summary>
          ${this.#filtersDrawn ? filtersView({
            state,
            facets: prerendered ? undefined : this.#search.value?.result.facets,
            agencies: prerendered ? [] : this.agencies,
            fields: prerendered ? [] : this.fields,
            onChange: (name, value) => this.#onFilter(name, value),
            onLeave: (name) => this.#onFilterLeft(name),
            onClear: () => this.#clearFilters(),
          }) : nothing}
        </details>
      </form>
      <p class="summary visually-hidden-when-detail ${tooLong ? 'visually-hidden' : ''}" part="summary" role="status"
        aria-live=${quietAfterLanguageSwitch('polite', tooLong ? MAX_QUERY_LENGTH : summary ? this.#search.value : undefined, 'off')} lang=${lang}>${summary}</p>
      ${openCode ? this.#detailView() : this.#resultsView(prerendered ? { status: 'idle' } : this.#search)}
    `;
  }

  /** Only settled results are announced: the count, and the page when there are several. */
  #summary(): string {
    const { status, value } = this.#search;
    const views = laterViews.value;
    if (status !== 'success' || !value || !views || this.openCode) return '';
    const { total, pageSize } = value.result;
    const pages = Math.ceil(total / pageSize);
    const found = views.foundMessage(total, value.result.approximate);
    return pages > 1 ? `${found}. ${views.pageMessage(value.state.page, pages)}.` : found;
  }

  #resultsView({ status, value, error }: SearchShown): TemplateResult {
    let body: TemplateResult | typeof nothing = nothing;
    // Loaded with the request that brought `value`.
    const views = laterViews.value;
    if (status === 'error') {
      body = failureView(error, {
        onRetry: () => this.#focus.focusWhileLoading(() => this.#search.retry(),
          (root) => failureFocus(root) ?? root.querySelector<HTMLElement>('#results-heading'), '#results-heading'),
      });
    } else if (status === 'loading' && !value) {
      body = loadingView();
    } else if (value && value.result.items.length === 0) {
      const filtered = FILTER_NAMES.some((name) => value.state[name] !== '');
      // "No procedures found" is the summary's, seen above and said once by its live region: the
      // empty view gives what to try next.
      body = emptyView(
        msg('Try fewer words, or check the spelling.'),
        filtered ? html`<button type="button" class="link" @click=${this.#clearFilters}>${msg('Search without filters')}</button>` : undefined,
        'empty-suggestion',
      );
    } else if (value && views) {
      const { items, total, pageSize } = value.result;
      body = html`<ul part="list">${items.map((item) => views.resultItem(item, value.state.query, (code, opener) => this.#select(code, opener)))}</ul>
        ${views.paginationView(value.state.page, Math.ceil(total / pageSize), (page) => this.#goToPage(page))}`;
    }
    return html`<section class="results" part="results" aria-labelledby="results-heading" aria-busy=${status === 'loading' ? 'true' : 'false'}
      ?hidden=${status === 'idle'} lang=${getLocale()}>
      ${heading(this.asPrerendered ? 2 : this.#headingLevel, msg('Search results'), { id: 'results-heading', part: 'results-heading', focusable: true })}
      ${body}
    </section>`;
  }

  /** `heading-level` kept to 2–4 (2 when it is not a number): the detail has two levels under it. */
  get #headingLevel(): number {
    return topHeadingLevel(this.headingLevel, 2);
  }

  #detailView(): TemplateResult {
    const { status, value, error } = this.#detail;
    const back = () => this.#closeDetail();
    if (status === 'error') {
      return html`<div class="detail" part="detail" lang=${getLocale()}>
        <button type="button" class="secondary back" part="back-button" @click=${back}>${msg('Back to results')}</button>
        ${failureView(error, { onRetry: () => this.#focus.focusWhileLoading(() => this.#detail.retry(), DETAIL_FOCUS) })}
      </div>`;
    }
    const views = laterViews.value;
    if (status !== 'success' || !value || !views) return html`<div class="detail" part="detail" lang=${getLocale()}>${loadingView()}</div>`;
    return views.detailView({
      procedure: value,
      headingLevel: this.#headingLevel,
      onBack: back,
      readAloud: {
        supported: this.#readAloud.supported,
        speaking: this.#readAloud.speaking,
        silent: this.#readAloud.silent,
        toggle: () => (this.#readAloud.speaking ? this.#readAloud.stop() : this.#readAloud.speak(views.detailSpeech(value))),
      },
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dvc-procedure-search': DvcProcedureSearch;
  }
  interface HTMLElementEventMap {
    'dvc-search': CustomEvent<DvcSearchEventDetail>;
    'dvc-procedure-select': CustomEvent<DvcProcedureSelectEventDetail>;
  }
}
