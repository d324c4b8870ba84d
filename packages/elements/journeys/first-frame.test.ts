/**
 * The language of each widget's first frame, on the built CDN bundle in real browsers: a
 * Vietnamese page never shows English, not even for one frame (nor an English page Vietnamese).
 * The first frame is what a widget's shadow root holds at its first change, recorded before the
 * browser can paint it, on a cold page with a 4× slower CPU.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { launchBrowser } from '../../audit/src/browser.ts';
import type { BrowserName } from '../../audit/src/types.ts';
import { buildBundle, serveStatic, startSandbox, type Running } from '../../audit/test/support/servers.ts';
import widgetList from '../widgets.json' with { type: 'json' };
import { kitMessages, messagesIn, type Message } from './kit-messages.ts';

const BROWSERS: BrowserName[] = process.env['FIREFOX_PATH'] === 'none' ? ['chromium'] : ['chromium', 'firefox'];
const TAGS = widgetList.widgets.map((widget) => widget.tag);

/** A page in `lang` with `script` and the four tags, nothing else. */
const page = (lang: string, script: string, api: string, tags = TAGS): string => `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><title>${lang}</title><script type="module" src="/cdn/${script}"></script></head>
<body>${tags.map((tag) => `<${tag} api-base="${api}"></${tag}>`).join('\n')}</body>
</html>`;

/**
 * Installed before any script of the page: every shadow root a widget attaches is watched, and the
 * text it holds at its first change is kept (style text left out), by tag.
 */
const RECORD_FIRST_FRAMES = `(() => {
  const frames = (window.__firstFrames = {});
  const textOf = (node) => node.nodeType === Node.TEXT_NODE ? node.data
    : ['STYLE', 'SCRIPT'].includes(node.nodeName) ? '' : [...node.childNodes].map(textOf).join(' ');
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    const tag = this.localName;
    if (tag.startsWith('dvc-')) {
      const observer = new MutationObserver(() => {
        observer.disconnect();
        if (!(tag in frames)) frames[tag] = textOf(root).replace(/\\s+/g, ' ').trim();
      });
      observer.observe(root, { childList: true, subtree: true, characterData: true });
    }
    return root;
  };
})();`;

let sandbox: Running;
let bundle: { dir: string; remove(): Promise<void> };
let site: Running;
let siteDir: string;
let kit: Message[];

before(async () => {
  [sandbox, bundle, kit] = await Promise.all([startSandbox(), buildBundle(), kitMessages()]);
  siteDir = await mkdtemp(join(tmpdir(), 'dvc-first-frame-'));
  for (const lang of ['vi', 'en']) {
    await writeFile(join(siteDir, `${lang}-kit.html`), page(lang, 'dvc-kit.js', sandbox.url));
    for (const tag of TAGS) await writeFile(join(siteDir, `${lang}-${tag}.html`), page(lang, `${tag}.js`, sandbox.url, [tag]));
  }
  site = await serveStatic([['/cdn/', bundle.dir], ['/', siteDir]], {});
});

after(async () => {
  await Promise.all([site?.stop(), sandbox?.stop()]);
  await bundle?.remove();
  if (siteDir) await rm(siteDir, { recursive: true, force: true });
});

for (const browserName of BROWSERS) {
  describe(`the first frame, in ${browserName}`, () => {
    let browser: Browser;
    before(async () => { browser = await launchBrowser(browserName); });
    after(async () => { await browser?.close(); });

    async function firstFrames(file: string): Promise<Record<string, string>> {
      const tab = await browser.newPage();
      try {
        if (browserName === 'chromium') {
          const cdp = await tab.createCDPSession();
          await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
        }
        await tab.evaluateOnNewDocument(RECORD_FIRST_FRAMES);
        await tab.goto(`${site.url}${file}`, { waitUntil: 'load' });
        await tab.waitForFunction((count: number) => Object.keys((window as unknown as { __firstFrames: object }).__firstFrames).length >= count, { timeout: 15_000 }, file.includes('-kit') ? TAGS.length : 1);
        return await tab.evaluate(() => (window as unknown as { __firstFrames: Record<string, string> }).__firstFrames);
      } finally {
        await tab.close();
      }
    }

    for (const script of ['dvc-kit.js', 'each widget on its own']) {
      test(`${script}: Vietnamese on a vi page and English on an en page, from the first frame`, async () => {
        for (const lang of ['vi', 'en'] as const) {
          const frames = script === 'dvc-kit.js'
            ? await firstFrames(`${lang}-kit.html`)
            : Object.assign({}, ...await Promise.all(TAGS.map((tag) => firstFrames(`${lang}-${tag}.html`)))) as Record<string, string>;
          for (const tag of TAGS) {
            const text = frames[tag] ?? '';
            assert.ok(text.length > 0, `${tag} (${lang}) rendered nothing at first`);
            const { own, foreign } = messagesIn(text, lang, kit);
            assert.deepEqual(foreign, [], `${tag} on a ${lang} page first showed: ${text.slice(0, 300)}`);
            assert.ok(own.length > 0, `${tag} (${lang}) first showed none of its ${lang === 'vi' ? 'Vietnamese' : 'English'} messages: ${text.slice(0, 300)}`);
          }
        }
      });
    }
  });
}
