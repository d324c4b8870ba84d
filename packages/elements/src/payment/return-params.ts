/**
 * The gateway sends the payer back to the return URL with its signed parameters: VNPay's `vnp_*`,
 * or MoMo's fields (`partnerCode`, `orderId`, `resultCode`, …, `signature`). The widget only takes
 * the payment reference from them, as a hint of which payment to ask the API about: the state
 * always comes from the API, never from the URL.
 */

/** The contract's `PaymentId`. */
export const PAYMENT_ID_PATTERN = /^pay_[A-Za-z0-9]{16,40}$/;

/** The fields MoMo's return carries (its IPN's, without accessKey). */
const MOMO_FIELDS = ['partnerCode', 'orderId', 'requestId', 'amount', 'orderInfo', 'orderType', 'transId', 'resultCode',
  'message', 'payType', 'responseTime', 'extraData', 'signature'];

/** A MoMo return: its signature beside the partner and the order (a page's own `message` alone is not). */
function isMomoReturn(params: URLSearchParams): boolean {
  return params.has('partnerCode') && params.has('orderId') && params.has('signature');
}

/** The parameter names of the gateway's answer in `params`. */
function gatewayParamNames(params: URLSearchParams): string[] {
  const momo = isMomoReturn(params);
  return [...new Set(params.keys())].filter((name) => name.toLowerCase().startsWith('vnp_') || (momo && MOMO_FIELDS.includes(name)));
}

/** The payment reference (VNPay's `vnp_TxnRef`, MoMo's `orderId`) in `href`, when it looks like one of our payment ids. */
export function readReturnReference(href: string): string | undefined {
  const params = new URL(href).searchParams;
  const ref = (params.get('vnp_TxnRef') ?? (isMomoReturn(params) ? params.get('orderId') : null))?.trim();
  return ref && PAYMENT_ID_PATTERN.test(ref) ? ref : undefined;
}

/** `href` without the gateway's parameters (the page's own parameters and fragment stay). */
export function withoutGatewayParams(href: string): string {
  const url = new URL(href);
  for (const name of gatewayParamNames(url.searchParams)) url.searchParams.delete(name);
  return url.href;
}

/**
 * Removes the gateway's parameters from the address bar, without a reload or a history entry, so
 * a bookmark, a shared link or a reload does not carry the gateway's answer around.
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
