import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { onlineLevels, procedureLevels, surveyKinds, type components } from '@dvc-kit/sdk';
import '../packages/elements/src/index.ts';
import { SANDBOX_API } from './api.ts';
import widgetList from '../packages/elements/widgets.json' with { type: 'json' };

type Schemas = components['schemas'];
type Widget = 'dvc-procedure-search' | 'dvc-dossier-tracker' | 'dvc-payment' | 'dvc-satisfaction-survey';

interface Args {
  widget: Widget;
  apiBase: string;
  scriptUrl: string;
  /** Procedure search */
  query: string;
  level: '' | Schemas['Level'];
  online: '' | Schemas['OnlineLevel'];
  pageSize: number;
  syncUrl: boolean;
  /** Tracker, payment, survey */
  dossierCode: string;
  /** Survey */
  mode: Schemas['SurveyKind'];
  procedureCode: string;
}

/** The attributes a webmaster set, in the order they read best; empty ones are left out. */
function attributes(args: Args): Array<[string, string | true]> {
  const list: Array<[string, string | true | false | undefined]> = [['api-base', args.apiBase]];
  if (args.widget === 'dvc-procedure-search') {
    list.push(['query', args.query], ['level', args.level], ['online', args.online],
      ['page-size', args.pageSize === 10 ? '' : String(args.pageSize)], ['sync-url', args.syncUrl]);
  } else if (args.widget === 'dvc-satisfaction-survey') {
    list.push(['mode', args.mode], args.mode === 'page' ? ['procedure-code', args.procedureCode] : ['dossier-code', args.dossierCode]);
  } else {
    list.push([args.widget === 'dvc-dossier-tracker' ? 'code' : 'dossier-code', args.dossierCode]);
  }
  return list.filter((entry): entry is [string, string | true] => entry[1] !== '' && entry[1] !== false && entry[1] !== undefined);
}

/** The snippet to paste: one script (once per page) and one tag. Built as text, shown as text. */
export function embedSnippet(args: Args): string {
  const attrs = attributes(args).map(([name, value]) => (value === true ? name : `${name}="${value.replaceAll('"', '&quot;')}"`));
  const tag = attrs.length > 2
    ? `<${args.widget}\n  ${attrs.join('\n  ')}>\n</${args.widget}>`
    : `<${args.widget} ${attrs.join(' ')}></${args.widget}>`;
  return `<!-- Once per page, in <head> -->\n<script type="module" src="${args.scriptUrl}"></script>\n\n<!-- Where the widget goes -->\n${tag}`;
}

function preview(args: Args) {
  const attrs = Object.fromEntries(attributes(args));
  const set = (name: string) => (attrs[name] === undefined ? undefined : String(attrs[name]));
  switch (args.widget) {
    case 'dvc-procedure-search':
      return html`<dvc-procedure-search api-base=${args.apiBase} query=${args.query} level=${args.level} online=${args.online}
        page-size=${args.pageSize} ?sync-url=${args.syncUrl}></dvc-procedure-search>`;
    case 'dvc-dossier-tracker':
      return html`<dvc-dossier-tracker api-base=${args.apiBase} code=${set('code') ?? ''}></dvc-dossier-tracker>`;
    case 'dvc-payment':
      return html`<dvc-payment api-base=${args.apiBase} dossier-code=${set('dossier-code') ?? ''}></dvc-payment>`;
    case 'dvc-satisfaction-survey':
      return html`<dvc-satisfaction-survey api-base=${args.apiBase} mode=${args.mode}
        dossier-code=${set('dossier-code') ?? ''} procedure-code=${set('procedure-code') ?? ''}></dvc-satisfaction-survey>`;
  }
}

const meta: Meta<Args> = {
  title: 'For webmasters/Embed code',
  args: {
    widget: 'dvc-procedure-search', apiBase: SANDBOX_API, scriptUrl: 'https://YOUR-CDN/dvc-kit/dvc-kit.js',
    query: '', level: '', online: '', pageSize: 10, syncUrl: false,
    dossierCode: '', mode: 'page', procedureCode: '1.001193',
  },
  argTypes: {
    widget: { control: 'select', options: widgetList.widgets.map((widget) => widget.tag) },
    level: { control: 'select', options: ['', ...procedureLevels] },
    online: { control: 'select', options: ['', ...onlineLevels] },
    mode: { control: 'inline-radio', options: [...surveyKinds] },
  },
  parameters: { docs: { description: { component: 'Pick a widget and its attributes in the controls: the snippet below is what to paste.' } } },
  render: (args) => html`
    <section aria-labelledby="embed-preview">
      <h2 id="embed-preview">Xem trước / Preview</h2>
      ${preview(args)}
    </section>
    <section aria-labelledby="embed-code">
      <h2 id="embed-code">Mã nhúng / Embed code</h2>
      <pre tabindex="0" aria-labelledby="embed-code"><code>${embedSnippet(args)}</code></pre>
    </section>`,
};
export default meta;

type Story = StoryObj<Args>;

export const ProcedureSearch: Story = {
  args: { widget: 'dvc-procedure-search', level: 'commune', syncUrl: true },
  play: async ({ canvasElement }) => {
    // The snippet says what was picked, and nothing else.
    const code = canvasElement.querySelector('pre code')?.textContent ?? '';
    for (const expected of ['<script type="module" src="https://YOUR-CDN/dvc-kit/dvc-kit.js"></script>', 'level="commune"', '\n  sync-url>']) {
      if (!code.includes(expected)) throw new Error(`The snippet lacks ${expected}:\n${code}`);
    }
    if (code.includes('query=') || code.includes('page-size=')) throw new Error(`The snippet has unset attributes:\n${code}`);
  },
};
export const DossierTracker: Story = { args: { widget: 'dvc-dossier-tracker' } };
export const PageFeedback: Story = { args: { widget: 'dvc-satisfaction-survey', mode: 'page', procedureCode: '1.001193' } };
