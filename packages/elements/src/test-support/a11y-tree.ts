/**
 * The browser's own accessibility tree of a widget, as a screen reader gets it, for snapshot tests.
 *
 * `a11ySnapshot` (@web/test-runner-commands) asks Chromium over CDP for its accessibility tree in
 * Puppeteer's "interesting nodes" form: landmarks, headings, controls, focusable and live nodes, and
 * the text leaves between them (the containers that only group, such as lists and fieldsets, are
 * folded into their parents). Firefox, driven over WebDriver BiDi, has no such command ("CDP support
 * is required"): the `*.a11y-tree.test.ts` files run in Chromium only (web-test-runner.config.mjs).
 *
 * Puppeteer roots the tree at the `selector`'s element, but when that element is not itself
 * "interesting" (a custom element host is not) it returns only its first interesting descendant.
 * So a widget under test is mounted inside a `<main>` landmark of the test page ({@link mountInLandmark});
 * the tree is taken from there and printed without that wrapper.
 *
 * The text form, one node per line, two spaces per level:
 *
 *     form "Tra cứu hồ sơ"
 *       textbox "Mã hồ sơ" [invalid, required] description="…"
 *       button "Tra cứu"
 *
 * `role "name"`, then the states that are set (checked / not checked, pressed / not pressed, expanded
 * / collapsed, selected, disabled, readonly, required, invalid, focused, busy, modal, multiline,
 * level=N, value="…", live=polite / assertive with atomic and relevant when not the default,
 * haspopup, autocomplete, roledescription, valuemin / valuemax / valuetext), then the description
 * (what aria-describedby adds). Dropped as noise: Puppeteer's `backendNodeId` and `loaderId` (ids of
 * this page load), `url` (a link's address, with the test page's session id and the sandbox's random
 * port: not something a screen reader reads out), and `false` for properties that are off unless set.
 * White space runs become one space (Intl puts NBSP and narrow NBSP in amounts and times; the
 * snapshot shows characters, not invisible spacing).
 *
 * Nothing else is normalised, except what a test names with {@link Placeholder}s: dates relative to
 * "now" (the sandbox's demo dossiers), generated receipt numbers and the like. Each placeholder says
 * what it replaces; everything else — roles, names, states, counts — must match the snapshot.
 *
 * What this view does not show: containers that only group (lists, tables, fieldsets and the name
 * of a radio group) are folded into their parents, and Puppeteer's serialisation carries no
 * `aria-current`. Those are checked in the DOM by the widgets' own tests and by axe. The options of
 * a closed select (`combobox [collapsed]`) are left out too: a screen reader reads its name and
 * value, and the options only once it is opened (their texts are catalogue data, such as the agency
 * list, which the test run's other files add to).
 *
 * Snapshots live in `__snapshots__/<test file>.snap.js` beside the test (web-test-runner's snapshot
 * plugin). A changed tree fails with a line diff; a missing one fails too;
 * `web-test-runner --update-snapshots` records them (review the diff of the snapshot files).
 */
import { fixture, html } from '@open-wc/testing';
import { a11ySnapshot, getSnapshot, getSnapshotConfig, saveSnapshot } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';

/** A volatile value to print as a fixed placeholder. */
export interface Placeholder {
  /** The exact text, or a pattern (give it the `g` flag to replace every occurrence). */
  readonly match: string | RegExp;
  /** What the snapshot shows instead, in angle brackets by convention: `<date-time>`. */
  readonly as: string;
}

/**
 * E-receipt numbers (`BL-<year>-<sequence>`): the year is the payment's and the sequence counts every
 * receipt the sandbox issued that year, so both depend on today and on the tests run before.
 */
export const RECEIPT_NUMBER: Placeholder = { match: /BL-\d{4}-\d{6}/g, as: 'BL-<year>-<sequence>' };

/**
 * Placeholders for the text of every `<time>` element in the widget's shadow root: dates and times
 * that depend on when the sandbox seeded its demo data. Each distinct value gets `<date-time>`
 * (the placeholder names the kind, not the value; the order of dates is still checked by position).
 */
export function timesIn(host: Element): Placeholder[] {
  const texts = new Set<string>();
  for (const time of host.shadowRoot?.querySelectorAll('time') ?? []) {
    const shown = squash(time.textContent ?? '');
    if (shown) texts.add(shown);
  }
  // Longest first, so a date that is a prefix of a date-time does not split it.
  return [...texts].sort((a, b) => b.length - a.length).map((text) => ({ match: text, as: '<date-time>' }));
}

/** The tree's node as Puppeteer serialises it (the fields we read). */
interface AXNode {
  role: string;
  name?: string;
  value?: string | number;
  description?: string;
  keyshortcuts?: string;
  roledescription?: string;
  valuetext?: string;
  disabled?: boolean;
  expanded?: boolean;
  focused?: boolean;
  modal?: boolean;
  multiline?: boolean;
  multiselectable?: boolean;
  readonly?: boolean;
  required?: boolean;
  selected?: boolean;
  checked?: boolean | 'mixed';
  pressed?: boolean | 'mixed';
  level?: number;
  valuemin?: number;
  valuemax?: number;
  autocomplete?: string;
  haspopup?: string;
  invalid?: string;
  orientation?: string;
  busy?: boolean;
  live?: string;
  atomic?: boolean;
  relevant?: string;
  children?: AXNode[];
}

const ROOT_ATTRIBUTE = 'data-a11y-root';
let roots = 0;

/**
 * Mounts `template` (one widget) inside a `<main>` landmark of the test page, as a portal would, so
 * its accessibility tree can be taken; returns the widget.
 */
export async function mountInLandmark<T extends HTMLElement>(template: TemplateResult): Promise<T> {
  const id = String(++roots);
  const main = await fixture<HTMLElement>(html`<main data-a11y-root=${id}>${template}</main>`);
  const widget = main.firstElementChild;
  if (!widget) throw new Error('mountInLandmark: the template rendered no element');
  // Its first render, which comes in a task of its own (DvcElement.scheduleUpdate).
  if ('updateComplete' in widget) await (widget as { updateComplete: Promise<unknown> }).updateComplete;
  return widget as T;
}

/** Squashes white space the way the eye reads it (NBSP and narrow NBSP included). */
function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function quote(text: string): string {
  return `"${text}"`;
}

/** The states of a node, in a fixed order, only those that say something. */
function states(node: AXNode): string[] {
  const out: string[] = [];
  const tri = (value: boolean | 'mixed' | undefined, on: string, off: string) => {
    if (value === 'mixed') out.push(`${on}=mixed`);
    else if (value === true) out.push(on);
    else if (value === false) out.push(off);
  };
  tri(node.checked, 'checked', 'not checked');
  tri(node.pressed, 'pressed', 'not pressed');
  tri(node.expanded, 'expanded', 'collapsed');
  if (node.selected) out.push('selected');
  if (node.disabled) out.push('disabled');
  if (node.readonly) out.push('readonly');
  if (node.required) out.push('required');
  if (node.invalid && node.invalid !== 'false') out.push(node.invalid === 'true' ? 'invalid' : `invalid=${node.invalid}`);
  if (node.focused) out.push('focused');
  if (node.busy) out.push('busy');
  if (node.modal) out.push('modal');
  if (node.multiline) out.push('multiline');
  if (node.multiselectable) out.push('multiselectable');
  if (node.level !== undefined) out.push(`level=${node.level}`);
  if (node.value !== undefined && node.value !== '') out.push(`value=${quote(squash(String(node.value)))}`);
  if (node.valuetext) out.push(`valuetext=${quote(squash(node.valuetext))}`);
  if (node.valuemin !== undefined) out.push(`valuemin=${node.valuemin}`);
  if (node.valuemax !== undefined) out.push(`valuemax=${node.valuemax}`);
  if (node.orientation) out.push(`orientation=${node.orientation}`);
  if (node.live && node.live !== 'off') {
    out.push(`live=${node.live}`);
    if (node.atomic) out.push('atomic');
    if (node.relevant && node.relevant !== 'additions text') out.push(`relevant=${quote(node.relevant)}`);
  }
  if (node.haspopup && node.haspopup !== 'false') out.push(`haspopup=${node.haspopup}`);
  if (node.autocomplete && node.autocomplete !== 'none') out.push(`autocomplete=${node.autocomplete}`);
  if (node.keyshortcuts) out.push(`keyshortcuts=${quote(node.keyshortcuts)}`);
  if (node.roledescription) out.push(`roledescription=${quote(squash(node.roledescription))}`);
  return out;
}

function line(node: AXNode): string {
  const parts = [node.role];
  const name = squash(node.name ?? '');
  // A name of white space only (a space between two inline elements) is shown as one space.
  if (name || node.name) parts.push(quote(name || ' '));
  const set = states(node);
  if (set.length > 0) parts.push(`[${set.join(', ')}]`);
  const description = squash(node.description ?? '');
  if (description) parts.push(`description=${quote(description)}`);
  return parts.join(' ');
}

function print(node: AXNode, depth: number, lines: string[]): void {
  lines.push(`${'  '.repeat(depth)}${line(node)}`);
  // A closed select is read as its name and value; its options only once it is opened.
  const closedSelect = node.role === 'combobox' && node.expanded === false;
  for (const child of node.children ?? []) {
    if (closedSelect && child.role === 'option') continue;
    print(child, depth + 1, lines);
  }
}

function applyPlaceholders(text: string, placeholders: readonly Placeholder[]): string {
  let out = text;
  for (const { match, as } of placeholders) {
    out = typeof match === 'string' ? out.split(match).join(as) : out.replace(match, as);
  }
  return out;
}

/**
 * The widget's accessibility tree as text (see the file's comment). The widget must have been
 * mounted with {@link mountInLandmark}.
 */
export async function accessibilityTree(widget: Element, placeholders: readonly Placeholder[] = []): Promise<string> {
  const root = widget.parentElement;
  const id = root?.getAttribute(ROOT_ATTRIBUTE);
  if (!root || !id) throw new Error('accessibilityTree: mount the widget with mountInLandmark()');
  // Let Lit finish and the browser lay out and update its accessibility tree.
  await (widget as Partial<{ updateComplete: Promise<unknown> }>).updateComplete;
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  let tree: AXNode | null;
  try {
    tree = (await a11ySnapshot({ selector: `main[${ROOT_ATTRIBUTE}="${id}"]` })) as unknown as AXNode | null;
  } catch (error) {
    throw new Error('accessibilityTree: this browser gave no accessibility tree. Only Chromium does (over CDP): run '
      + '*.a11y-tree.test.ts files with FIREFOX_PATH=none or `web-test-runner --group a11y-tree`.', { cause: error });
  }
  if (!tree || tree.role !== 'main') {
    throw new Error(`accessibilityTree: expected the <main> wrapper at the root, got ${tree ? tree.role : 'nothing'}`);
  }
  const lines: string[] = [];
  for (const child of tree.children ?? []) print(child, 0, lines);
  const text = applyPlaceholders(lines.join('\n'), placeholders);
  // The snapshot file stores each tree in a JS template literal: these would not read back the same.
  const unsafe = /[`\\]|\$\{/.exec(text);
  if (unsafe) throw new Error(`accessibilityTree: the tree contains ${JSON.stringify(unsafe[0])}, which a snapshot file cannot store:\n${text}`);
  return text;
}

/**
 * A line diff of two texts (longest common subsequence), with two lines of context around each change:
 * `- ` stored, `+ ` now.
 */
export function lineDiff(stored: string, now: string): string {
  const a = stored.split('\n');
  const b = now.split('\n');
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const ops: Array<{ kind: ' ' | '-' | '+'; text: string }> = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ kind: ' ', text: a[i]! });
      i++;
      j++;
    } else if (i < a.length && (j === b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      ops.push({ kind: '-', text: a[i]! });
      i++;
    } else {
      ops.push({ kind: '+', text: b[j]! });
      j++;
    }
  }
  const CONTEXT = 2;
  const near = (index: number) => ops.slice(Math.max(0, index - CONTEXT), index + CONTEXT + 1).some((op) => op.kind !== ' ');
  const out: string[] = [];
  let skipped = false;
  ops.forEach((op, index) => {
    if (op.kind === ' ' && !near(index)) {
      if (!skipped) out.push('  …');
      skipped = true;
      return;
    }
    skipped = false;
    out.push(`${op.kind} ${op.text}`);
  });
  return out.join('\n');
}

/**
 * Compares the widget's accessibility tree with the snapshot `name` of this test file
 * (`__snapshots__/<file>.snap.js`, beside it). A difference fails with a line diff; a missing
 * snapshot fails too. `web-test-runner --update-snapshots` records new and changed trees instead.
 */
export async function expectAccessibilityTree(widget: Element, name: string, placeholders: readonly Placeholder[] = []): Promise<void> {
  const tree = await accessibilityTree(widget, placeholders);
  const stored = await getSnapshot({ name });
  const { updateSnapshots } = await getSnapshotConfig();
  if (updateSnapshots) {
    if (stored !== tree) await saveSnapshot({ name, content: tree });
    return;
  }
  if (stored === undefined) {
    throw new Error(`No stored accessibility tree "${name}": run web-test-runner with --update-snapshots to record it. Now:\n${tree}`);
  }
  if (stored !== tree) {
    throw new Error(`The accessibility tree "${name}" changed (- stored, + now):\n${lineDiff(stored, tree)}\n\n`
      + 'If the change is intended, record it with web-test-runner --update-snapshots and review the diff of the snapshot file.');
  }
}
