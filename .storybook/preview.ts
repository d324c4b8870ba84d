import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import customElements from '../packages/elements/custom-elements.json';
import './themes.css';

// Autodocs (attributes, properties, events, slots, CSS parts and custom properties) from the
// Custom Elements Manifest that `npm run manifest` generates from the elements' JSDoc.
setCustomElementsManifest(customElements);

/**
 * Toolbar: the page language (<html lang>, which every widget follows) and a theme, applied with
 * CSS custom properties alone. Stories talk to the sandbox API (`npm start`) at STORYBOOK_DVC_API.
 */
const preview: Preview = {
  // Docs pages for every widget, from the Custom Elements Manifest.
  tags: ['autodocs'],
  globalTypes: {
    locale: {
      description: 'Page language',
      toolbar: { title: 'Language', icon: 'globe', items: [{ value: 'vi', title: 'Tiếng Việt' }, { value: 'en', title: 'English' }], dynamicTitle: true },
    },
    theme: {
      description: 'Theme (CSS custom properties only)',
      toolbar: { title: 'Theme', icon: 'paintbrush', items: [{ value: 'default', title: 'DVC Kit' }, { value: 'province-red', title: 'Province red' }, { value: 'high-contrast', title: 'High contrast' }], dynamicTitle: true },
    },
  },
  initialGlobals: { locale: 'vi', theme: 'default' },
  decorators: [
    (story, context) => {
      document.documentElement.lang = String(context.globals['locale'] ?? 'vi');
      document.documentElement.dataset['dvcTheme'] = String(context.globals['theme'] ?? 'default');
      return story();
    },
  ],
  parameters: {
    a11y: { test: 'error', options: { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } } },
    controls: { expanded: true },
  },
};

export default preview;
