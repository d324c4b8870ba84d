/**
 * Moves focus into the host's shadow root once the next render has put the target there: a new
 * state's heading, an error summary after a failed check, a field after a reset, the button that
 * opened a view that has closed. Focus has to wait for the render, because the target may not exist
 * before it. The one way every widget moves focus.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { heldInView } from './held-in-view.ts';

/** A CSS selector in the shadow root, or a function finding the element (null: nothing to focus). */
export type FocusTarget = string | ((root: ParentNode) => HTMLElement | null | undefined);

/**
 * Keeps what has focus in the host's shadow root in view after an update put something above it:
 * a failure said above the send button, which keeps focus so that pressing it again retries, must
 * not push that button off a phone's screen.
 */
export async function keepFocusInView(host: ReactiveControllerHost & HTMLElement): Promise<void> {
  await host.updateComplete;
  const active = host.shadowRoot?.activeElement;
  if (active instanceof HTMLElement) active.scrollIntoView({ block: 'nearest', behavior: 'instant' });
}

export class FocusController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  #target: FocusTarget | undefined;
  /** Counts the moves asked for: a wait on a request moves focus only if none was asked for since. */
  #moves = 0;
  /** The element this controller last focused. */
  #focused: HTMLElement | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  /** Focuses `target` after the next update (a later call before it replaces the target, and ends any wait). */
  focusAfterUpdate(target: FocusTarget): void {
    this.#moves++;
    this.#move(target);
  }

  /**
   * The control pressed ("Try again", a result) goes while what it asks for loads: runs `load`, and
   * focus waits on `waiting` ("Loading…", a heading that stays) after the next update, then goes to
   * `settled` (what came, the failure's "Try again") once the load settles, unless the citizen has
   * moved focus on meanwhile or another move was asked for since (by `load` itself, say: a form's
   * error summary).
   */
  focusWhileLoading(load: () => Promise<unknown>, settled: FocusTarget, waiting: FocusTarget = settled): void {
    this.focusAfterUpdate(waiting);
    const move = this.#moves;
    const loaded = load();
    const settle = () => {
      if (move !== this.#moves) return;
      const lost = document.activeElement === document.body || document.activeElement === null;
      const root = this.#host.shadowRoot;
      const active = root?.activeElement ?? null;
      // Still where the wait put it: on what it focused, on what stands for it now, or on the host.
      const stillWaiting = document.activeElement === this.#host
        && (active === null || active === this.#focused || (root !== null && active === find(root, waiting)));
      if (lost || stillWaiting) this.#move(settled);
    };
    void loaded.then(settle, settle);
  }

  /** Forgets a pending move and any wait (the state they were meant for has been left). */
  cancel(): void {
    this.#moves++;
    this.#target = undefined;
  }

  #move(target: FocusTarget): void {
    this.#target = target;
    this.#host.requestUpdate();
  }

  hostUpdated(): void {
    const target = this.#target;
    if (!target) return;
    this.#target = undefined;
    const root = this.#host.shadowRoot;
    if (!root) return;
    const element = find(root, target);
    if (!element) return;
    this.#focused = element;
    // A widget the page is bringing into view, or holding there (held-in-view.ts), is scrolled by
    // that: focus does not scroll too, and is checked to be in view once the page has laid out.
    const held = heldInView.has(this.#host);
    element.focus({ preventScroll: held });
    // What takes focus is read from its start: a tall one (an error summary at 200% text on a
    // phone) that the browser scrolled to its middle or end is brought up to its top, now and once
    // the page has laid out again (Firefox's scroll anchoring may carry it up after the render).
    const toTop = () => {
      if (!element.isConnected) return;
      const { top } = element.getBoundingClientRect();
      if (top < 0 || (held && top >= window.innerHeight)) element.scrollIntoView({ block: 'start', behavior: 'instant' });
    };
    if (!held) toTop();
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => requestAnimationFrame(toTop));
  }

  hostDisconnected(): void {
    this.#target = undefined;
  }
}

function find(root: ParentNode, target: FocusTarget): HTMLElement | null | undefined {
  return typeof target === 'string' ? root.querySelector<HTMLElement>(target) : target(root);
}
