/** What a text answer's character count says, in the widget's language. */
import { msg, str } from '@lit/localize';
import { formatNumber, intlLocale } from '../shared/locale.ts';
import './translations.ts';

/** "Còn 1.000 ký tự" / "1,000 characters left" (English needs the singular for 1). */
export function remainingMessage(remaining: number): string {
  const count = formatNumber(Math.max(0, remaining));
  return new Intl.PluralRules(intlLocale()).select(remaining) === 'one'
    ? msg(str`${count} character left`)
    : msg(str`${count} characters left`);
}

/** "Tối đa 1.000 ký tự." / "Up to 1,000 characters." */
export function limitMessage(limit: number): string {
  const count = formatNumber(limit);
  return msg(str`Up to ${count} characters.`);
}
