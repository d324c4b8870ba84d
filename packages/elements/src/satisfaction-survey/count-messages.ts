/** What a text answer's character count says, in the widget's language. */
import { msg, str } from '@lit/localize';
import { formatNumber, intlLocale } from '../shared/locale.ts';
import './translations.ts';

/**
 * "Còn 1.000 ký tự" / "1,000 characters left"; past the limit (the box takes a longer paste and
 * keeps it), "Vượt quá 25 ký tự" / "25 characters too many". English needs the singular for 1.
 */
export function remainingMessage(remaining: number): string {
  const over = remaining < 0;
  const amount = Math.abs(remaining);
  const count = formatNumber(amount);
  const one = new Intl.PluralRules(intlLocale()).select(amount) === 'one';
  if (over) return one ? msg(str`${count} character too many`) : msg(str`${count} characters too many`);
  return one ? msg(str`${count} character left`) : msg(str`${count} characters left`);
}

/** "Tối đa 1.000 ký tự." / "Up to 1,000 characters." */
export function limitMessage(limit: number): string {
  const count = formatNumber(limit);
  return msg(str`Up to ${count} characters.`);
}
