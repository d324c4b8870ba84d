/**
 * The widgets a page is bringing into view or holding there while it settles (hand-over.ts: back
 * from the payment gateway). Focus moved into one of them does not scroll the page
 * (focus-controller.ts): the widget is about to be scrolled to, or kept in place, and a scroll of
 * focus's own would show the page for a frame where the citizen is not taken, and end the hold.
 */
export const heldInView = new WeakSet<Element>();
