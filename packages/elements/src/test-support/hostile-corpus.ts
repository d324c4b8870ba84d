/**
 * Hostile data for the widgets' browser tests: strings an agency's system, a compromised
 * import or a malicious insider could put in the catalogue, a dossier or a survey form. Each one,
 * if it ever ran, would leave a trace the tests look for: it sets `window.__pwned` to its number,
 * calls `alert` / `confirm` / `prompt`, or requests the beacon path (`/__dvc_beacon?n=…`, on the test
 * page's own server, so it shows in Resource Timing). The tests also check that none of them turns
 * into an element or an attribute, and that each is shown, character for character, as text.
 *
 * Test data only: imported by tests, never by an element.
 */

/** Requested by the payloads that try to reach the network. */
export const BEACON_PATH = '/__dvc_beacon';

export interface HostilePayload {
  /** The number the payload would write to `window.__pwned`, alert, or send to the beacon. */
  n: number;
  /** What kind of vector it is (for failure messages). */
  kind: string;
  text: string;
}

const beacon = (n: number) => `${BEACON_PATH}?n=${n}`;
const base64 = (text: string) => btoa(text);

/** A plausible procedure name, then a great deal of it (about 1,700 characters: names allow 2,000). */
const long = (n: number) => `Thủ tục rất dài <b>${'Đăng ký lại việc nuôi con nuôi có yếu tố nước ngoài; '.repeat(28)}</b>`
  + `<img src=x onerror="window.__pwned=${n}">${'x'.repeat(120)}`;

const list: Array<[kind: string, text: (n: number) => string]> = [
  ['script tag', (n) => `<script>window.__pwned=${n}</script>`],
  ['script tag, mixed case', (n) => `<sCrIpT>window.__pwned=${n}</ScRiPt>`],
  ['script src to the beacon', (n) => `<script src="${beacon(n)}"></script>`],
  ['img onerror', (n) => `<img src=x onerror="window.__pwned=${n}">`],
  ['img onerror with alert', (n) => `<img src="x" onerror="alert(${n})">`],
  ['img to the beacon', (n) => `<img src="${beacon(n)}" alt="">`],
  ['svg onload', (n) => `<svg onload="alert(${n})"></svg>`],
  ['svg with a script', (n) => `<svg><script>window.__pwned=${n}</script></svg>`],
  ['svg link with javascript:', (n) => `<svg><a xlink:href="javascript:window.__pwned=${n}"><text x="0" y="20">Bấm</text></a></svg>`],
  ['MathML mutation', (n) => `<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=${n}">`],
  ['iframe srcdoc', (n) => `<iframe srcdoc="<script>parent.__pwned=${n}</script>"></iframe>`],
  ['iframe javascript: src', (n) => `<iframe src="javascript:parent.__pwned=${n}"></iframe>`],
  ['link with javascript: href', (n) => `<a href="javascript:window.__pwned=${n}">Tải mẫu đơn</a>`],
  ['bare javascript: URL', (n) => `javascript:window.__pwned=${n}//`],
  ['attribute breakout "><', (n) => `"><script>window.__pwned=${n}</script>`],
  ["attribute breakout '><", (n) => `'><img src=x onerror=window.__pwned=${n}>`],
  ['attribute injection', (n) => `" onmouseover="window.__pwned=${n}" autofocus onfocus="window.__pwned=${n}" x="`],
  ['textarea breakout', (n) => `</textarea><script>window.__pwned=${n}</script>`],
  ['template literal', (n) => `\${window.__pwned=${n}}`],
  ['backtick template', (n) => `\`\${alert(${n})}\``],
  ['framework template', (n) => `{{constructor.constructor('window.__pwned=${n}')()}}`],
  ['CSS url(javascript:)', (n) => `<div style="background:url(javascript:window.__pwned=${n})">nền</div>`],
  ['CSS expression', (n) => `<div style="width: expression(window.__pwned=${n})">rộng</div>`],
  ['CSS url to the beacon', (n) => `<p style="background-image:url('${beacon(n)}')">ảnh nền</p>`],
  ['style @import', (n) => `<style>@import '${beacon(n)}';</style>`],
  ['data: URL object', (n) => `<object data="data:text/html;base64,${base64(`<script>parent.__pwned=${n}</script>`)}"></object>`],
  ['data: URL embed', (n) => `<embed src="data:image/svg+xml,<svg onload=alert(${n})>">`],
  ['details ontoggle', (n) => `<details open ontoggle="window.__pwned=${n}"><summary>Chi tiết</summary></details>`],
  ['body onload', (n) => `<body onload="window.__pwned=${n}">`],
  ['video source onerror', (n) => `<video><source onerror="window.__pwned=${n}"></video>`],
  ['form with javascript: action', (n) => `<form action="javascript:window.__pwned=${n}"><button>Gửi</button></form>`],
  ['meta refresh', (n) => `<meta http-equiv="refresh" content="0;url=javascript:window.__pwned=${n}">`],
  ['base href', (n) => `<base href="javascript:window.__pwned=${n}//">`],
  ['stylesheet link to the beacon', (n) => `<link rel="stylesheet" href="${beacon(n)}">`],
  ['entities that decode to markup', (n) => `&lt;img src=x onerror=window.__pwned=${n}&gt;`],
  ['numeric entities', (n) => `&#60;script&#62;window.__pwned=${n}&#60;/script&#62;`],
  ['RTL override around markup', (n) => `\u202Efdp.exe<img src=x onerror=window.__pwned=${n}>\u202C`],
  ['full-width brackets', (n) => `＜script＞window.__pwned=${n}＜/script＞`],
  ['zero-width space in a tag', (n) => `<scr\u200Bipt>window.__pwned=${n}</scr\u200Bipt>`],
  ['very long string', long],
  ['comment breakout', (n) => `<!--<img src="--><img src=x onerror=window.__pwned=${n}//">`],
  ['noscript mutation', (n) => `<noscript><p title="</noscript><img src=x onerror=window.__pwned=${n}>">`],
  ['Vietnamese text around an event attribute', (n) => `Đăng ký <b onmouseover=alert(${n})>khai sinh</b> cho trẻ`],
  ['line separators around markup', (n) => `\u2028<img src=x onerror=window.__pwned=${n}>\u2029`],
];

/** The corpus: 44 payloads, numbered from 1. */
export const HOSTILE_PAYLOADS: readonly HostilePayload[] = list.map(([kind, text], index) => ({ n: index + 1, kind, text: text(index + 1) }));

/**
 * Download-form addresses that would run script if rendered as a link. The contract says
 * `format: uri`, and these pass it (the sandbox stores them); only http(s) may become a link.
 */
export const HOSTILE_FORM_URLS: readonly string[] = [
  'javascript:window.__pwned=901',
  'JaVaScRiPt:alert(902)',
  'javascript://example.gov.vn/%0Awindow.__pwned=903',
  'vbscript:msgbox(904)',
  `data:text/html;base64,${base64('<script>window.__pwned=905</script>')}`,
];

/** `text` cut to `max` characters (for fields the contract limits), as the test then expects it. */
export function fit(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max);
}
