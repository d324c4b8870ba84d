/**
 * Sets the page's language as a portal does (`<html lang>`) and waits until the widgets speak it.
 * Also calls setLocale: an explicit setLocale() elsewhere outlives an unchanged `<html lang>`.
 */
import { localeReady, setLocale } from '../shared/locale.ts';

export async function setLang(lang: string): Promise<void> {
  document.documentElement.lang = lang;
  await localeReady();
  await setLocale(lang);
}
