/**
 * What this browser tab holds about a dossier the citizen has proved they may see: the dossier
 * access token the API gave on a successful lookup, until it expires. With it, the payment and the
 * survey act for that dossier without asking for the identity number again, on this page or on the
 * page a portal sends the citizen to (sessionStorage: this tab only, gone when it closes).
 *
 * Never stored: the identity number. The token proves the lookup, for one dossier, for minutes; it
 * never goes in a URL, an attribute, an event or the console.
 */
import { DvcApiError } from '@dvc-kit/sdk';
import { tabStorage } from './tab-storage.ts';

const PREFIX = 'dvc-access:';
/** Where the payment keeps this tab's attempt to pay a dossier (payment/payment-session.ts). */
export const PAYMENT_ATTEMPT_PREFIX = 'dvc-payment:';
/** The payment method the citizen chose for a dossier, before or between attempts: `dvc-payment-method:<dossier code>`. */
export const PAYMENT_METHOD_PREFIX = 'dvc-payment-method:';
/** The dossier the citizen looked up last in this tab, so a page they come back to can show it again. */
const LAST = 'dvc-access-last';

/**
 * When a citizen last let their dossier go on this computer ("Look up another"), in localStorage: the
 * one thing every page of the portal reads fresh. A page the browser keeps in its back-forward cache
 * may read the sessionStorage it had when it was left (Firefox does), proof included. A time, nothing
 * personal.
 */
const LET_GO_AT = 'dvc-let-go-at';

export interface DossierAccess {
  token: string;
  /** When the API stops accepting the token (ISO 8601). */
  expiresAt: string;
}

/** Keeps the token the lookup of `dossierCode` gave. */
export function rememberAccess(dossierCode: string, access: DossierAccess): void {
  tabStorage().set(PREFIX + dossierCode, JSON.stringify({ token: access.token, expiresAt: access.expiresAt, provedAt: Date.now() }));
  tabStorage().set(LAST, dossierCode);
}

/** The citizen let a dossier go: a proof kept from before, in this tab or a page kept in memory, no longer counts. */
export function noteLetGo(): void {
  try {
    localStorage.setItem(LET_GO_AT, String(Date.now()));
  } catch {
    // Storage blocked: this tab's own proof is dropped all the same (forgetAccess).
  }
}

function letGoAt(): number {
  try {
    return Number(localStorage.getItem(LET_GO_AT)) || 0;
  } catch {
    return 0;
  }
}

/** The dossier looked up last in this tab, while its token is valid. */
export function lastDossier(): { dossierCode: string; access: DossierAccess } | undefined {
  const dossierCode = tabStorage().get(LAST) ?? '';
  const access = accessFor(dossierCode);
  return access ? { dossierCode, access } : undefined;
}

/**
 * The citizen is done with the last dossier ("Look up another"): a page no longer shows it again.
 * With `dossierCode`, only when the last dossier is that one (another citizen's since stays).
 */
export function forgetLastDossier(dossierCode?: string): void {
  if (dossierCode === undefined || tabStorage().get(LAST) === dossierCode) tabStorage().remove(LAST);
}

/** The token for `dossierCode`, while it is still valid (a minute's margin for the request's way). */
export function accessFor(dossierCode: string, now = Date.now()): DossierAccess | undefined {
  if (!dossierCode) return undefined;
  const raw = tabStorage().get(PREFIX + dossierCode);
  if (!raw) return undefined;
  try {
    const access = JSON.parse(raw) as Partial<DossierAccess> & { provedAt?: unknown };
    const expires = typeof access.expiresAt === 'string' ? Date.parse(access.expiresAt) : Number.NaN;
    const letGo = typeof access.provedAt === 'number' && access.provedAt < letGoAt();
    if (letGo || typeof access.token !== 'string' || !/^[A-Za-z0-9._~-]{16,1024}$/.test(access.token)) {
      forgetAccess(dossierCode);
      return undefined;
    }
    // Kept when expired, so a widget can say why it asks for the identity number again.
    if (!(expires - 60_000 > now)) return undefined;
    return { token: access.token, expiresAt: access.expiresAt as string };
  } catch {
    forgetAccess(dossierCode);
    return undefined;
  }
}

/**
 * Whether this tab holds the proof of `dossierCode` at all, valid or expired: none once the citizen
 * let the dossier go ("Look up another").
 */
export function holdsProof(dossierCode: string): boolean {
  // accessFor first: it drops a proof given before the citizen let go.
  return accessFor(dossierCode) !== undefined || accessExpired(dossierCode);
}

/** Whether this tab held a token for `dossierCode` that has expired (the citizen proved it before). */
export function accessExpired(dossierCode: string, now = Date.now()): boolean {
  if (!dossierCode || accessFor(dossierCode, now)) return false;
  return tabStorage().get(PREFIX + dossierCode) !== null;
}

/** The API no longer takes the token: expired, or not this dossier's. */
export function isAccessRefused(error: unknown): boolean {
  return error instanceof DvcApiError && (error.code === 'dossier_token_expired' || error.code === 'dossier_token_invalid');
}

/** Drops the token (the API refused it, or it expired). */
export function forgetAccess(dossierCode: string): void {
  tabStorage().remove(PREFIX + dossierCode);
}

/** Which widget showed which dossier handed over by the tracker: `dvc-handed-over:<kind>:<dossier code>` (shared/hand-over.ts). */
export const HANDED_OVER_PREFIX = 'dvc-handed-over:';

/** The survey's drafts: `dvc-survey-draft:<form id>:<subject kind>:<subject>` (satisfaction-survey/draft-controller.ts). */
export const SURVEY_DRAFT_PREFIX = 'dvc-survey-draft';

/**
 * The citizen let the dossier go ("Look up another"): the tab keeps neither its proof, nor the
 * attempt to pay it, whose payment id alone opens the receipt, nor the method chosen to pay it, nor
 * an evaluation of it begun and not sent, whose comment the next person at a shared computer could
 * read, nor which widgets showed it. Should the same citizen pay again, the API finds the payment
 * still open for the dossier: nothing is paid twice.
 */
export function forgetDossierInTab(dossierCode: string): void {
  forgetAccess(dossierCode);
  const storage = tabStorage();
  storage.remove(PAYMENT_ATTEMPT_PREFIX + dossierCode);
  storage.remove(PAYMENT_METHOD_PREFIX + dossierCode);
  const draftOfDossier = `:dossier:${dossierCode}`;
  for (const key of storage.keys()) {
    if (key.startsWith(`${SURVEY_DRAFT_PREFIX}:`) && key.endsWith(draftOfDossier)) storage.remove(key);
    if (key.startsWith(HANDED_OVER_PREFIX) && key.endsWith(`:${dossierCode}`)) storage.remove(key);
  }
}
