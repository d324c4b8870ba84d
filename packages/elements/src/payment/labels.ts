/** The words of <dvc-payment> that depend on data: fee kinds, method names, gateway reasons. */
import { msg } from '@lit/localize';
import type { components } from '@dvc-kit/sdk';
import { CONTENT_LANG, getLocale, type DvcLocale } from '../shared/locale.ts';
import './translations.ts';

type Schemas = components['schemas'];

/** "Phí" / "Lệ phí": charge (phí) and fee (lệ phí) are different things in law and on receipts. */
export function kindLabel(kind: Schemas['PaymentLine']['kind']): string {
  return kind === 'fee' ? msg('Fee') : msg('Charge');
}

/** A payment method's name in the page's language. */
export function methodName(method: Schemas['PaymentMethod']): string {
  return (getLocale() === 'en' ? method.name.en : method.name.vi) || method.name.vi || method.id;
}

/** The language of {@link methodName}: an English page gets the Vietnamese name when there is no English one. */
export function methodNameLang(method: Schemas['PaymentMethod']): DvcLocale {
  return getLocale() === 'en' && method.name.en ? 'en' : CONTENT_LANG;
}

/**
 * Why the gateway refused a payment, from its response code (VNPay's published codes), in words a
 * payer can act on. An unknown code gets a general sentence.
 */
export function failureReason(code: string | null | undefined): string {
  switch (code) {
    case '09':
      return msg('Your card or account is not registered for online banking.');
    case '10':
      return msg('The card or account details could not be verified.');
    case '11':
      return msg('The time allowed for the payment ran out.');
    case '12':
      return msg('Your card or account is locked.');
    case '13':
      return msg('The one-time password (OTP) was wrong.');
    case '51':
      return msg('Your account does not have enough money for this payment.');
    case '65':
      return msg('Your account has reached its limit for payments today.');
    case '75':
      return msg('Your bank is under maintenance. Please try again later.');
    case '79':
      return msg('The payment password was entered wrongly too many times.');
    default:
      return msg('The bank or payment service did not accept the payment.');
  }
}

/** The failure code of a payment closed because a newer one took its place (the server's word). */
export const SUPERSEDED = 'superseded';
/** The failure code of a payment closed because its dossier was closed without a result (the server's word). */
export const DOSSIER_CLOSED = 'dossier-closed';
