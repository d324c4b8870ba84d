/**
 * Non-text contrast (WCAG 1.4.11), measured on what the browser painted rather than read from CSS:
 * native radios and checkboxes are drawn by the browser (their ring is not a CSS border), borders
 * are anti-aliased, and a token a portal overrides only shows in the pixels.
 *
 * For every visible control inside a widget's shadow trees, {@link measureNonTextContrast} takes a
 * screenshot of the viewport (scripts/wtr-viewport-screenshot-plugin.mjs), finds the colour around
 * the control (the commonest colour in a ring 2–4 px outside its box) and the colour of its
 * boundary that differs most from it:
 *   - fields (text inputs, selects, text areas) and buttons: their edge, the outermost 2 px of their
 *     box where their border or fill is, as the median all the way round (text touching an edge or a
 *     rounded corner does not count);
 *   - radios and checkboxes: the most unlike pixel of their whole box (ring, and dot or tick when
 *     checked).
 * WCAG asks 3:1 for what identifies a control. A button is identified by its text, so one that draws
 * no boundary at all (a link-like button) is left out; one that draws a border or a fill must make it
 * 3:1, stricter than WCAG on purpose, because a faint box around a button reads as "disabled".
 * Fields, radios and checkboxes are always measured: their boundary is all that shows they are there.
 *
 * Focus indicators are dvc-audit's check (a 3:1 change when focused), not this one's. Text is 1.4.3,
 * axe's color-contrast.
 */
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import { shadowTree } from './shadow-tree.ts';

export type Rgb = readonly [number, number, number];

export interface ControlContrast {
  /** `input#code`, `button[part="pay-button"]`…: enough to find it in the widget. */
  readonly control: string;
  readonly kind: 'field' | 'choice' | 'button';
  /** The boundary's colour that differs most from the surroundings, and the surroundings'. */
  readonly boundary: Rgb;
  readonly surroundings: Rgb;
  readonly ratio: number;
}

const FIELDS = 'input:not([type="radio"]):not([type="checkbox"]):not([type="hidden"]), select, textarea';
const CHOICES = 'input[type="radio"], input[type="checkbox"]';
const BUTTONS = 'button';
function kindOf(element: Element): ControlContrast['kind'] | undefined {
  if (element.matches(FIELDS)) return 'field';
  if (element.matches(CHOICES)) return 'choice';
  return element.matches(BUTTONS) ? 'button' : undefined;
}

/** Below this ratio a button draws nothing around its text: identified by the text alone. */
const DRAWS_NOTHING = 1.2;

/** WCAG 2.x relative luminance of an sRGB colour. */
export function luminance([r, g, b]: Rgb): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrastRatio(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

interface Painted {
  readonly pixels: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
  /** Screenshot pixels per CSS pixel. */
  readonly scale: number;
}

async function paintedViewport(): Promise<Painted> {
  const base64 = await executeServerCommand<string, undefined>('viewport-screenshot');
  if (typeof base64 !== 'string') throw new Error('viewport-screenshot returned no image');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
  return { pixels: data, width: bitmap.width, height: bitmap.height, scale: bitmap.width / window.innerWidth };
}

function pixelAt(painted: Painted, x: number, y: number): Rgb {
  const i = (y * painted.width + x) * 4;
  return [painted.pixels[i]!, painted.pixels[i + 1]!, painted.pixels[i + 2]!];
}

interface Box { left: number; top: number; right: number; bottom: number }

/** A CSS-pixel rectangle in screenshot pixels, grown by `by` CSS px, clipped to the image. */
function deviceBox(rect: DOMRect, painted: Painted, by = 0): Box {
  const s = painted.scale;
  return {
    left: Math.max(0, Math.floor((rect.left - by) * s)),
    top: Math.max(0, Math.floor((rect.top - by) * s)),
    right: Math.min(painted.width, Math.ceil((rect.right + by) * s)),
    bottom: Math.min(painted.height, Math.ceil((rect.bottom + by) * s)),
  };
}

const inside = (x: number, y: number, box: Box) => x >= box.left && x < box.right && y >= box.top && y < box.bottom;

/** The commonest colour between 2 and 4 CSS px outside the control: what it sits on. */
function surroundingsOf(rect: DOMRect, painted: Painted): Rgb {
  const outer = deviceBox(rect, painted, 4);
  const inner = deviceBox(rect, painted, 2);
  const counts = new Map<string, { rgb: Rgb; n: number }>();
  for (let y = outer.top; y < outer.bottom; y++) {
    for (let x = outer.left; x < outer.right; x++) {
      if (inside(x, y, inner)) continue;
      const rgb = pixelAt(painted, x, y);
      const key = rgb.join();
      const seen = counts.get(key);
      if (seen) seen.n++;
      else counts.set(key, { rgb, n: 1 });
    }
  }
  return [...counts.values()].sort((a, b) => b.n - a.n)[0]!.rgb;
}

interface Measured { rgb: Rgb; ratio: number }

/** The pixel in `pixels` most unlike `around`. */
function mostUnlike(painted: Painted, pixels: Iterable<[number, number]>, around: Rgb): Measured {
  let best: Measured = { rgb: around, ratio: 1 };
  for (const [x, y] of pixels) {
    const rgb = pixelAt(painted, x, y);
    const ratio = contrastRatio(rgb, around);
    if (ratio > best.ratio) best = { rgb, ratio };
  }
  return best;
}

function* boxPixels(box: Box): Iterable<[number, number]> {
  for (let y = box.top; y < box.bottom; y++) for (let x = box.left; x < box.right; x++) yield [x, y];
}

/**
 * A box's boundary as painted: at each step along its four edges, the pixel within 2 CSS px of the
 * edge most unlike `around`; then the median of those steps. A border or fill runs all the way
 * round and sets the median; text that touches an edge, or rounded corners, are a few steps only
 * and do not.
 */
function edgeOf(box: Box, painted: Painted, around: Rgb): Measured {
  const depth = Math.max(1, Math.round(2 * painted.scale));
  const steps: Measured[] = [];
  const across = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
  for (const x of across(box.left, box.right)) {
    steps.push(mostUnlike(painted, across(box.top, Math.min(box.bottom, box.top + depth)).map((y) => [x, y]), around));
    steps.push(mostUnlike(painted, across(Math.max(box.top, box.bottom - depth), box.bottom).map((y) => [x, y]), around));
  }
  for (const y of across(box.top, box.bottom)) {
    steps.push(mostUnlike(painted, across(box.left, Math.min(box.right, box.left + depth)).map((x) => [x, y]), around));
    steps.push(mostUnlike(painted, across(Math.max(box.left, box.right - depth), box.right).map((x) => [x, y]), around));
  }
  steps.sort((a, b) => a.ratio - b.ratio);
  return steps[Math.floor(steps.length / 2)] ?? { rgb: around, ratio: 1 };
}

/** Fields and buttons: their edge; radios and checkboxes (round, small): their most unlike pixel. */
function boundaryOf(rect: DOMRect, painted: Painted, kind: ControlContrast['kind'], around: Rgb): Measured {
  const box = deviceBox(rect, painted);
  return kind === 'choice' ? mostUnlike(painted, boxPixels(box), around) : edgeOf(box, painted, around);
}

function describeControl(element: Element): string {
  const id = element.id ? `#${element.id}` : '';
  const part = element.getAttribute('part');
  const name = element.getAttribute('name');
  return `${element.localName}${id}${part ? `[part="${part}"]` : ''}${name ? `[name="${name}"]` : ''}${
    element.getAttribute('type') ? `[type="${element.getAttribute('type')}"]` : ''}`;
}

function isShown(element: Element): boolean {
  const rect = element.getBoundingClientRect();
  return rect.width > 0 && rect.height > 0 && element.checkVisibility({ visibilityProperty: true, opacityProperty: true });
}

function blurEverything(): void {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  (active as HTMLElement | null)?.blur?.();
}

/** Off to the side of the page (the survey's honeypot at left: -10000px): seen by nobody. */
function offToTheSide(rect: DOMRect): boolean {
  return rect.right <= 0 || rect.left >= window.innerWidth;
}

/** The tallest viewport a measurement grows to: a widget longer than this fails, named. */
const TALLEST = 6000;

/**
 * Measures every shown field, radio, checkbox and button of `host` (the widget, through its shadow
 * roots) as painted, nothing focused. One screenshot: when the widget is taller than the viewport,
 * the viewport grows to hold it (and is put back after), so no scrolling moves what is measured.
 * Buttons that draw no boundary are left out (see the module's comment).
 */
export async function measureNonTextContrast(host: Element): Promise<ControlContrast[]> {
  blurEverything();
  window.scrollTo(0, 0);
  const controls = shadowTree(host)
    .map((element) => ({ element, kind: kindOf(element) }))
    .filter((c): c is { element: Element; kind: ControlContrast['kind'] } =>
      c.kind !== undefined && isShown(c.element) && !offToTheSide(c.element.getBoundingClientRect()));
  const before = { width: window.innerWidth, height: window.innerHeight };
  const needed = Math.ceil(Math.max(...controls.map(({ element }) => element.getBoundingClientRect().bottom), 0) + 16);
  if (needed > TALLEST) throw new Error(`${host.localName}: controls reach ${needed} px down, more than ${TALLEST} px`);
  const grown = needed > before.height;
  if (grown) await setViewport({ width: before.width, height: needed });
  try {
    window.scrollTo(0, 0);
    const painted = await paintedViewport();
    const results: ControlContrast[] = [];
    for (const { element, kind } of controls) {
      const rect = element.getBoundingClientRect();
      const surroundings = surroundingsOf(rect, painted);
      const boundary = boundaryOf(rect, painted, kind, surroundings);
      if (kind === 'button' && boundary.ratio < DRAWS_NOTHING) continue;
      results.push({ control: describeControl(element), kind, boundary: boundary.rgb, surroundings, ratio: boundary.ratio });
    }
    return results;
  } finally {
    if (grown) await setViewport(before);
  }
}

const hex = (rgb: Rgb) => `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;

/**
 * Fails, listing each control, when any measured boundary is under `minimum` (3:1) against what it
 * sits on; also fails when nothing was measured, so a state that lost its controls cannot pass.
 * Returns the measurements for further checks (which kinds were seen).
 */
export async function expectNonTextContrast(host: Element, minimum = 3): Promise<ControlContrast[]> {
  const measured = await measureNonTextContrast(host);
  if (measured.length === 0) throw new Error(`${host.localName}: no control to measure`);
  const faint = measured.filter((m) => m.ratio < minimum);
  if (faint.length > 0) {
    const lines = faint.map((m) => `  ${m.control}: ${hex(m.boundary)} on ${hex(m.surroundings)} = ${m.ratio.toFixed(2)}:1`);
    throw new Error(`${host.localName}: ${faint.length} control(s) under ${minimum}:1 non-text contrast (WCAG 1.4.11):\n${lines.join('\n')}`);
  }
  return measured;
}
