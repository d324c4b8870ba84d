/**
 * Registers <dvc-procedure-search>'s own messages (generated: locales/generated/<locale>/procedure-search.ts). Every
 * module of this widget that calls msg() imports this one, so the messages come with whichever
 * of them a page or a test uses; a page that embeds this widget alone gets no other's text. They
 * are bundled with the widget, not fetched after it: a Vietnamese page paints Vietnamese at once.
 */
import { registerTranslations } from '../shared/locale.ts';
import { templates as vi } from '../locales/generated/vi/procedure-search.ts';

registerTranslations({ vi: async () => ({ templates: vi }) });
