/**
 * What a widget's first view says when the widget's script could not be had: the loader paints the
 * first view before the script, and a view that cannot work must not look as if it did. Rendered
 * at build time into each first view, in its language (scripts/prerender.mjs), and shown by the loader.
 */
import { msg } from '@lit/localize';
import { notSetUpMessage } from './problem-messages.ts';

/** What the view says: `failed` when the script did not come, `refused` when the page's own policy refused it. */
export const loadFailureMessages = (): { failed: string; refused: string } => ({
  failed: msg('This service could not be loaded. Check your internet connection, then reload the page.'),
  // The page's Content Security Policy refused the kit: the citizen's connection is not at fault,
  // and reloading changes nothing.
  refused: notSetUpMessage(),
});
