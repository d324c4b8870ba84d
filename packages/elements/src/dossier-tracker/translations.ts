/**
 * Registers <dvc-dossier-tracker>'s own messages (generated: locales/generated/<locale>/dossier-tracker.ts). Every
 * module of this widget that calls msg() imports this one, so the messages load with whichever
 * of them a page or a test uses; a page that embeds this widget alone downloads no other's text.
 */
import { registerTranslations } from '../shared/locale.ts';

registerTranslations({ vi: () => import('../locales/generated/vi/dossier-tracker.ts') });
