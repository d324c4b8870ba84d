/**
 * What a widget's first view says when the widget's script could not be had: the loader paints the
 * first view before the script, and a view that cannot work must not look as if it did. Rendered
 * at build time into each first view, in its language (scripts/prerender.mjs), and shown by the loader.
 */
import { msg } from '@lit/localize';

export const loadFailureMessage = (): string =>
  msg('This service could not be loaded. Check your internet connection, then reload the page.');
