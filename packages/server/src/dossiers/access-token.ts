import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ServerContext } from '../context.ts';
import { ApiProblem } from '../http/problem.ts';

/**
 * Dossier access tokens ("verify once"): after a lookup has proved the applicant with the identity
 * number, a token proves it again for a short while, for that one dossier, without the number.
 *
 *   dvt1.<base64url(JSON {"d": dossier code, "iat": issued, "exp": expires, in Unix seconds})>.<base64url(HMAC-SHA256)>
 *
 * The MAC covers `dvt1.<payload>` with the server's token secret and is compared in constant time
 * (timingSafeEqual). The payload holds the dossier code and times only: no identity number, and no
 * digest of one (twelve digits are too few to hide behind a hash). Clients treat it as opaque.
 */
export const TOKEN_VERSION = 'dvt1';

/** The request header that carries it (Node lowercases header names). */
export const DOSSIER_TOKEN_HEADER = 'dvc-dossier-token';

interface TokenPayload {
  d: string;
  iat: number;
  exp: number;
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

function mac(secret: string, signed: string): Buffer {
  return createHmac('sha256', secret).update(signed, 'utf8').digest();
}

/** A token for this dossier, valid from now for the configured time. */
export function issueDossierToken(ctx: ServerContext, dossierCode: string): { token: string; expiresAt: Date } {
  const issued = Math.floor(ctx.now().getTime() / 1000);
  const payload: TokenPayload = { d: dossierCode, iat: issued, exp: issued + Math.max(1, Math.ceil(ctx.tokenTtlMs / 1000)) };
  const signed = `${TOKEN_VERSION}.${Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url')}`;
  return { token: `${signed}.${mac(ctx.tokenSecret, signed).toString('base64url')}`, expiresAt: new Date(payload.exp * 1000) };
}

const invalid = (detail: string) => new ApiProblem(401, 'dossier_token_invalid', detail);

function isPayload(value: unknown): value is TokenPayload {
  const p = value as Partial<TokenPayload> | null;
  return typeof p === 'object' && p !== null && typeof p.d === 'string' && Number.isSafeInteger(p.iat) && Number.isSafeInteger(p.exp);
}

/**
 * Throws a 401 problem unless `token` is one this server signed for `dossierCode` and it has not
 * expired: `dossier_token_invalid` (malformed, forged, another dossier's) or `dossier_token_expired`.
 * The signature is checked before anything in the token is read.
 */
export function checkDossierToken(ctx: ServerContext, token: string, dossierCode: string): void {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== TOKEN_VERSION) throw invalid('The dossier token is malformed.');
  const [, body = '', signature = ''] = parts;
  if (!BASE64URL.test(body) || !BASE64URL.test(signature)) throw invalid('The dossier token is malformed.');
  const given = Buffer.from(signature, 'base64url');
  // Only the canonical spelling of the MAC: base64url's last character carries spare bits, and a
  // token whose last character was changed must not pass for the one that was signed.
  if (given.toString('base64url') !== signature) throw invalid('The dossier token is malformed.');
  const expected = mac(ctx.tokenSecret, `${TOKEN_VERSION}.${body}`);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid('The dossier token was not issued by this server.');
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    throw invalid('The dossier token is malformed.');
  }
  if (!isPayload(payload)) throw invalid('The dossier token is malformed.');
  if (payload.d !== dossierCode) throw invalid('The dossier token is for another dossier.');
  if (ctx.now().getTime() >= payload.exp * 1000) throw new ApiProblem(401, 'dossier_token_expired');
}

/**
 * The applicant is proved by exactly one of the identity number (body) and a dossier token
 * (header): neither or both is a request outside the contract (400). A token is checked here (401).
 */
export function checkApplicantProof(
  ctx: ServerContext, dossierCode: string | undefined, applicantId: string | undefined, token: string | undefined,
): void {
  if (token === undefined) return;
  if (applicantId !== undefined) {
    throw new ApiProblem(400, 'validation_failed', 'Send applicantId or the Dvc-Dossier-Token header, not both.', {
      errors: [{ path: '/body/applicantId', message: 'not allowed with a Dvc-Dossier-Token header' }],
    });
  }
  if (dossierCode === undefined) {
    throw new ApiProblem(400, 'validation_failed', 'A Dvc-Dossier-Token header needs the dossierCode it was given for.', {
      errors: [{ path: '/body/dossierCode', message: 'required with a Dvc-Dossier-Token header' }],
    });
  }
  checkDossierToken(ctx, token, dossierCode);
}
