/**
 * What every DVC Kit widget is built on: the `api-base` setting and the API client it gives, a
 * re-render when the page's language changes, and one typed `emit()` for every event the widgets
 * fire. Behaviour beyond that lives in reactive controllers, not in further base classes.
 */
import { adoptStyles, isServer, LitElement, render, supportsAdoptingStyleSheets, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { updateWhenLocaleChanges } from '@lit/localize';
import { ApiClientController } from './api-client.ts';
import { localeReady, resolveLocale } from './locale.ts';

/**
 * The events of all widgets, by name, with their details. Each widget's `events.ts` adds its own
 * (declaration merging), so `emit()` refuses an unknown name or a wrong detail at compile time.
 * Details never carry the identity number or anything else personal.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by each widget's events.ts
export interface DvcEventDetailMap {}

export interface EmitOptions {
  /** The page may call `preventDefault()` to take over (open the gateway itself, route elsewhere). */
  cancelable?: boolean;
}

/**
 * Gives each empty text part of prerendered markup (`<!--lit-part--><!--/lit-part-->`: a binding
 * that was '' when rendered, such as a live region with nothing to say yet) an empty text node.
 * HTML keeps no empty text node, and Lit's hydration takes '' as rendered all the same: the first
 * text written there later went into the closing marker, a comment, and was never shown or
 * announced.
 */
function holdEmptyTextParts(root: ShadowRoot): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  const empty: Comment[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const next = node.nextSibling;
    if ((node as Comment).data === 'lit-part' && next?.nodeType === Node.COMMENT_NODE && (next as Comment).data === '/lit-part') empty.push(node as Comment);
  }
  for (const start of empty) start.after(document.createTextNode(''));
}

export abstract class DvcElement extends LitElement {
  /** API root, e.g. `https://api.dichvucong.example.gov.vn/api/v1`; defaults to the page-wide one. */
  @property({ attribute: 'api-base', reflect: true }) accessor apiBase = '';

  /** The client for `api-base`, else the page-wide API root. */
  protected readonly api = new ApiClientController(this, () => this.apiBase);

  #asPrerendered = isServer;

  constructor() {
    super();
    // Re-render when the page switches language (<html lang> or setLocale()).
    updateWhenLocaleChanges(this);
    // Prerendered markup (a declarative shadow root): the first render hydrates it, the next shows
    // what only the browser knows.
    if (this.shadowRoot) {
      this.#asPrerendered = true;
      this.addController({
        hostUpdated: () => {
          if (!this.#asPrerendered) return;
          this.#asPrerendered = false;
          this.requestUpdate();
        },
      });
    }
  }

  /**
   * Prerendered markup is drawn anew rather than hydrated when it is in another language than the
   * page's (a `vi` file pasted on an English page: hydration would keep the words it found), or when
   * Lit's hydration is not there to take it over (the widget's own entry or `dvc-kit.js` without
   * the loader, or the hydration failed to load): Lit would draw the widget after it, a second copy.
   */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = this.shadowRoot;
    if (!root || root.childNodes.length === 0) return super.createRenderRoot();
    const markupLang = root.querySelector('[lang]')?.getAttribute('lang');
    const sameLanguage = !markupLang || resolveLocale(markupLang) === resolveLocale(document.documentElement.getAttribute('lang'));
    // Lit's hydration support, once installed, also watches `defer-hydration`: the one sign of it
    // that Lit's development and production builds share.
    const hydrating = (this.constructor as typeof LitElement).observedAttributes.includes('defer-hydration');
    if (!sameLanguage || !hydrating) return this.#drawnAnew(root);
    // The markup's own <style> is inline style, which a page's Content-Security-Policy may refuse
    // (style-src without 'unsafe-inline'): the widget's sheets, adopted, are not refused, and say
    // the same where it was not.
    if (supportsAdoptingStyleSheets) adoptStyles(root, (this.constructor as typeof LitElement).elementStyles);
    return super.createRenderRoot();
  }

  /**
   * Markup hydration cannot take over (prerendered by another build of the widget: a first view
   * cached beside a newer script) is drawn anew, rather than leaving a widget that never starts.
   */
  protected override update(changedProperties: PropertyValues): void {
    if (this.hasUpdated || !this.#asPrerendered || !this.shadowRoot) {
      super.update(changedProperties);
      return;
    }
    try {
      holdEmptyTextParts(this.shadowRoot);
      super.update(changedProperties);
    } catch (error: unknown) {
      console.warn('DVC Kit: prerendered markup from another build of the widget is drawn anew', error);
      // Rendered, not hydrated: the hydration's own update has done its part and failed.
      render(this.render(), this.#drawnAnew(this.shadowRoot), this.renderOptions);
    }
  }

  #drawnAnew(root: ShadowRoot): ShadowRoot {
    root.replaceChildren();
    adoptStyles(root, (this.constructor as typeof LitElement).elementStyles);
    this.#asPrerendered = false;
    return root;
  }

  /**
   * True for the render that prerendered markup holds: on the server (`npm run build` renders each
   * widget's first view), and for the browser's first render of such a widget, which hydrates that
   * markup. Such a render leaves out what only the browser knows (the screen's width, speech, the
   * address, the tab's storage), so hydration finds the very DOM it expects.
   */
  protected get asPrerendered(): boolean {
    return this.#asPrerendered;
  }

  /**
   * The first render waits for the page's language, so a Vietnamese page never paints English
   * first (nor an English page Vietnamese). The messages come with the script: this is a few
   * microtasks, not a request. Should a language fail to load, the widget still renders.
   *
   * It also runs in a task of its own: the scripts' evaluation and every widget's first render
   * would otherwise be one task, over 100 ms on a phone, during which the page takes no input.
   */
  protected override async scheduleUpdate(): Promise<void> {
    if (!this.hasUpdated) {
      await localeReady().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve));
    }
    super.scheduleUpdate();
  }

  /**
   * Fires a widget event: bubbling and composed, so the page hears it through the shadow root.
   * Returns false when a cancelable event was cancelled.
   */
  protected emit<K extends keyof DvcEventDetailMap>(type: K, detail: DvcEventDetailMap[K], { cancelable = false }: EmitOptions = {}): boolean {
    return this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, cancelable, detail }));
  }
}
