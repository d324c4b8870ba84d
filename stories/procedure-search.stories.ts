import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/procedure-search/index.ts';
import type { DvcProcedureSearch } from '../packages/elements/src/procedure-search/procedure-search.ts';
import { SANDBOX_API, UNREACHABLE_API, armFault } from './api.ts';

interface Args {
  apiBase: string;
  query: string;
  field: string;
  level: string;
  online: string;
  pageSize: number;
  headingLevel: number;
}

const meta: Meta<Args> = {
  title: 'Widgets/Procedure search',
  component: 'dvc-procedure-search',
  args: { apiBase: SANDBOX_API, query: '', field: '', level: '', online: '', pageSize: 10, headingLevel: 2 },
  argTypes: {
    level: { control: 'select', options: ['', 'central', 'province', 'commune'] },
    online: { control: 'select', options: ['', 'full', 'partial', 'none'] },
  },
  render: ({ apiBase, query, field, level, online, pageSize, headingLevel }) => html`<dvc-procedure-search
    api-base=${apiBase} query=${query} field=${field} level=${level} online=${online}
    page-size=${pageSize} heading-level=${headingLevel}></dvc-procedure-search>`,
};
export default meta;

type Story = StoryObj<Args>;

const widget = (canvas: HTMLElement) => canvas.querySelector<DvcProcedureSearch>('dvc-procedure-search')!;

/** Nothing typed yet. */
export const Initial: Story = {};

/** The answer is on its way (the sandbox holds it back for 30 s). */
export const Loading: Story = {
  args: { query: 'giay phep xay dung' },
  loaders: [() => armFault({ operationId: 'searchProcedures', kind: 'delay', delayMs: 30_000, whenQueryContains: 'giay phep' })],
};

/** Typed without diacritics: "ly lich tu phap" finds "Cấp Phiếu lý lịch tư pháp". */
export const Results: Story = { args: { query: 'ly lich tu phap' } };

/** Preset filters from attributes, as a commune's page would set them. */
export const Filtered: Story = { args: { query: 'dang ky', level: 'commune', online: 'full' } };

/** Several pages of results. */
export const Paginated: Story = { args: { level: 'commune', pageSize: 5 } };

/** Nothing matches: the widget suggests what to change. */
export const Empty: Story = { args: { query: 'xqzwvkj' } };

/** A paste longer than the search takes (200 characters): kept whole, said at the box, not searched. */
export const TooLong: Story = { args: { query: 'đăng ký khai sinh cho con '.repeat(10).trim() } };

/** The API cannot be reached: a localised message and a retry. */
export const NetworkError: Story = { args: { apiBase: UNREACHABLE_API, query: 'khai sinh' } };

/** The API answers 503 with Retry-After. */
export const ServiceUnavailable: Story = {
  args: { query: 'ho chieu' },
  loaders: [() => armFault({ operationId: 'searchProcedures', kind: 'status', status: 503, retryAfter: 30, whenQueryContains: 'ho chieu' })],
};

/** A procedure's detail: time and fees per channel, documents, steps, legal basis. */
export const Detail: Story = {
  args: { query: 'dang ky khai sinh' },
  play: async ({ canvasElement }) => widget(canvasElement).showProcedure('1.001193'),
};
