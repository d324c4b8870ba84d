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

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  /** Focuses `target` after the next update (a later call before it replaces the target). */
  focusAfterUpdate(target: FocusTarget): void {
    this.#target = target;
    this.#host.requestUpdate();
  }

  /** Forgets a pending move (the state it was meant for has been left). */
  cancel(): void {
    this.#target = undefined;
  }

  hostUpdated(): void {
    const target = this.#target;
    if (!target) return;
    this.#target = undefined;
    const root = this.#host.shadowRoot;
    if (!root) return;
    const element = typeof target === 'string' ? root.querySelector<HTMLElement>(target) : target(root);
    if (!element) return;
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
