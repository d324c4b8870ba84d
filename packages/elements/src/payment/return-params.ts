/**
 * The gateway sends the payer back to the return URL with signed `vnp_*` parameters. The widget only
 * takes the payment reference from them, as a hint of which payment to ask the API about: the state
 * always comes from the API, never from the URL.
 */

/** The contract's `PaymentId`. */
export const PAYMENT_ID_PATTERN = /^pay_[A-Za-z0-9]{16,40}$/;

const isGatewayParam = (name: string) => name.toLowerCase().startsWith('vnp_');

/** The payment reference (`vnp_TxnRef`) in `href`, when it looks like one of our payment ids. */
export function readReturnReference(href: string): string | undefined {
  const ref = new URL(href).searchParams.get('vnp_TxnRef')?.trim();
  return ref && PAYMENT_ID_PATTERN.test(ref) ? ref : undefined;
}

/** `href` without any `vnp_*` parameter (the page's own parameters and fragment stay). */
export function withoutGatewayParams(href: string): string {
  const url = new URL(href);
  for (const name of [...url.searchParams.keys()]) if (isGatewayParam(name)) url.searchParams.delete(name);
  return url.href;
}

/**
 * Removes the `vnp_*` parameters from the address bar, without a reload or a history entry, so a
 * bookmark, a shared link or a reload does not carry the gateway's answer around.
 */
export function cleanAddressBar(): void {
  const clean = withoutGatewayParams(location.href);
  if (clean !== location.href) history.replaceState(history.state, '', clean);
}

/** `url` when it is an absolute http(s) URL (where we may send the payer), else undefined. */
export function safeHttpUrl(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
