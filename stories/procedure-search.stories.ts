import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/procedure-search/index.ts';
import { SANDBOX_API, UNREACHABLE_API } from './api.ts';

interface Args {
  apiBase: string;
  query: string;
  pageSize: number;
}

const meta: Meta<Args> = {
  title: 'Widgets/Procedure search',
  component: 'dvc-procedure-search',
  args: { apiBase: SANDBOX_API, query: '', pageSize: 10 },
  render: ({ apiBase, query, pageSize }) =>
    html`<dvc-procedure-search api-base=${apiBase} query=${query} page-size=${pageSize}></dvc-procedure-search>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Nothing typed yet. */
export const Initial: Story = {};

/** Typed without diacritics: "ly lich tu phap" finds "Cấp Phiếu lý lịch tư pháp". */
export const Results: Story = { args: { query: 'ly lich tu phap' } };

/** Nothing matches: the widget suggests what to change. */
export const Empty: Story = { args: { query: 'qqqzzz khong co thu tuc nay' } };

/** The API cannot be reached: a localised message and a retry. */
export const NetworkError: Story = { args: { apiBase: UNREACHABLE_API, query: 'khai sinh' } };
