/**
 * Evidence: PNG screenshots of the state and of each failing element, highlighted with a frame,
 * taken while the check's conditions (320 px, text spacing, forced colours) are still applied.
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import type { Finding } from './types.ts';

/** At most this many element screenshots per state: a page with 200 contrast failures needs a few examples, not 200. */
export const SCREENSHOTS_PER_STATE = 30;

/**
 * Removes the screenshots an earlier run left in the report folder, those its `report.json` names:
 * a state this run could not reach must not sit beside a picture of it from another day. Nothing
 * else in the folder is touched.
 */
export async function clearScreenshots(dir: string): Promise<void> {
  let earlier: { states?: { screenshot?: string; violations?: { screenshot?: string }[] }[] };
  try {
    earlier = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as typeof earlier;
  } catch {
    return; // No earlier report here (or not one of ours): nothing of ours to remove.
  }
  const files = (earlier.states ?? []).flatMap((state) => [state.screenshot, ...(state.violations ?? []).map((finding) => finding.screenshot)]);
  await Promise.all(files.filter((file): file is string => typeof file === 'string' && /^screenshots\/[\w.-]+\.png$/.test(file))
    .map((file) => rm(join(dir, file), { force: true })));
}

/** Takes screenshots for one state, numbering files and keeping within the budget. */
export class ScreenshotTaker {
  readonly #page: Page;
  readonly #dir: string;
  readonly #prefix: string;
  readonly #enabled: boolean;
  #count = 0;
  readonly #taken = new Map<string, string>();

  /** `dir` is the report folder; files go to `dir/screenshots/<prefix>-<n>.png`. */
  constructor(page: Page, dir: string, prefix: string, enabled: boolean) {
    this.#page = page;
    this.#dir = dir;
    this.#prefix = prefix;
    this.#enabled = enabled;
  }

  /** The viewport around `selector` (or the top of the page), as `screenshots/<prefix>.png`. */
  async state(selector: string | null): Promise<string | undefined> {
    if (!this.#enabled) return undefined;
    const file = `screenshots/${this.#prefix}.png`;
    await mkdir(join(this.#dir, 'screenshots'), { recursive: true });
    const clip = await this.#page.evaluate((path: string | null) => {
      const el = path ? window.__dvcAudit.resolve(path) : null;
      const rect = el?.getBoundingClientRect();
      if (!el || !rect || rect.height === 0) {
        scrollTo(0, 0);
        return { x: 0, y: 0, width: innerWidth, height: innerHeight };
      }
      return { x: 0, y: Math.max(0, rect.top + scrollY - 16), width: innerWidth, height: Math.min(rect.height + 32, 1600) };
    }, selector);
    await this.#page.screenshot({ path: join(this.#dir, file) as `${string}.png`, clip });
    return file;
  }

  /** Screenshots each failure's element (warnings are listed without pictures). */
  async findings(check: string, findings: Finding[]): Promise<void> {
    if (!this.#enabled) return;
    for (const finding of findings) {
      if (finding.severity !== 'failure') continue;
      const key = `${check}|${finding.selector}`;
      const known = this.#taken.get(key);
      if (known) {
        finding.screenshot = known;
        continue;
      }
      if (this.#count >= SCREENSHOTS_PER_STATE) return;
      const clip = await this.#page.evaluate((path: string) => window.__dvcAudit.highlight(path), finding.selector).catch(() => null);
      if (!clip) continue;
      this.#count++;
      const file = `screenshots/${this.#prefix}-${this.#count}.png`;
      await mkdir(join(this.#dir, 'screenshots'), { recursive: true });
      try {
        await this.#page.screenshot({ path: join(this.#dir, file) as `${string}.png`, clip });
        finding.screenshot = file;
        this.#taken.set(key, file);
      } finally {
        await this.#page.evaluate(() => window.__dvcAudit.unhighlight());
      }
    }
  }
}
