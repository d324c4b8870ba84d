import { expect } from '@open-wc/testing';
import { createDvcClient, DvcApiError, DvcNetworkError, DvcResponseError, DvcTimeoutError, toProblem, type ProblemCode } from '@dvc-kit/sdk';
import { afterEach, describe, it } from '../test-support/mocha.ts';
import { problemCodeMessage, problemKind, problemMessage } from './problem-messages.ts';
import { DvcConfigError } from './api-client.ts';
import { setLocale } from './locale.ts';

// Every code of the contract's ProblemCode enum (openapi/dvc.yaml) that a widget can meet: the
// server-to-server key codes (api_key_*) share the internal-error message.
const CODES: ProblemCode[] = [
  'validation_failed', 'not_found', 'procedure_not_found', 'dossier_not_found', 'payment_not_found',
  'payment_not_due', 'payment_already_paid', 'payment_amount_changed', 'payment_not_paid', 'payments_not_offered',
  'idempotency_key_reused', 'survey_not_available', 'survey_closed', 'survey_already_submitted', 'rate_limited',
  'payload_too_large', 'unsupported_media_type', 'internal_error', 'service_unavailable',
];

describe('problem messages', () => {
  afterEach(() => setLocale('vi'));

  it('names each failure for page scripts and dvc-audit (data-problem): the contract\'s code, else what kind of trouble', () => {
    expect(problemKind(new DvcApiError(toProblem(404, { code: 'dossier_not_found', title: 'x', status: 404 })))).to.equal('dossier_not_found');
    expect(problemKind(new DvcNetworkError('offline'))).to.equal('network');
    expect(problemKind(new DvcTimeoutError('slow'))).to.equal('timeout');
    expect(problemKind(new DvcResponseError('not JSON', 200))).to.equal('unreadable-answer');
    expect(problemKind(new DvcConfigError('no api-base'))).to.equal('configuration');
    expect(problemKind(new DvcResponseError('a 404 page', 404)), 'no API at the address').to.equal('configuration');
    expect(problemKind(new DvcApiError(toProblem(404, { code: 'not_found', title: 'x', status: 404 }))), 'the API, at a path it does not serve').to.equal('configuration');
    expect(problemKind(new Error('?'))).to.equal('unexpected');
  });

  it('has a distinct Vietnamese and English message for every problem code', async () => {
    await setLocale('en');
    const english = CODES.map((code) => problemCodeMessage(code));
    await setLocale('vi');
    const vietnamese = CODES.map((code) => problemCodeMessage(code));
    expect(new Set(english).size).to.equal(CODES.length);
    expect(new Set(vietnamese).size).to.equal(CODES.length);
    vietnamese.forEach((text, i) => expect(text, CODES[i]).to.not.equal(english[i]));
  });

  it('puts the Retry-After seconds into the rate-limit message', async () => {
    await setLocale('vi');
    expect(problemCodeMessage('rate_limited', 30)).to.equal('Có quá nhiều yêu cầu. Vui lòng đợi 30 giây rồi thử lại.');
    const error = new DvcApiError({ type: 'about:blank', title: 'Too Many Requests', status: 429, code: 'rate_limited' }, 12);
    expect(problemMessage(error)).to.include('12 giây');
    await setLocale('en');
    expect(problemMessage(error)).to.equal('Too many requests. Please wait 12 seconds and try again.');
  });

  it('says how long to wait on a 503 with Retry-After, and only then', async () => {
    const unavailable = (retryAfter?: number) =>
      new DvcApiError({ type: 'about:blank', title: 'Service Unavailable', status: 503, code: 'service_unavailable' }, retryAfter);
    await setLocale('vi');
    expect(problemMessage(unavailable(30))).to.equal('Hệ thống tạm thời gián đoạn. Vui lòng thử lại sau 30 giây.');
    expect(problemMessage(unavailable())).to.equal('Hệ thống tạm thời gián đoạn. Vui lòng thử lại sau ít phút.');
    await setLocale('en');
    expect(problemMessage(unavailable(30))).to.equal('The service is temporarily unavailable. Please try again in 30 seconds.');
    expect(problemMessage(unavailable(0))).to.equal('The service is temporarily unavailable. Please try again in a few minutes.');
  });

  it('says a wait in seconds, minutes or hours, rounded up, singular where English needs it', async () => {
    await setLocale('en');
    expect(problemCodeMessage('rate_limited', 1)).to.equal('Too many requests. Please wait 1 second and try again.');
    expect(problemCodeMessage('rate_limited', 119)).to.equal('Too many requests. Please wait 119 seconds and try again.');
    expect(problemCodeMessage('rate_limited', 121)).to.equal('Too many requests. Please wait 3 minutes and try again.');
    expect(problemCodeMessage('service_unavailable', 3600)).to.equal('The service is temporarily unavailable. Please try again in 60 minutes.');
    expect(problemCodeMessage('service_unavailable', 7200)).to.equal('The service is temporarily unavailable. Please try again in 2 hours.');
    await setLocale('vi');
    expect(problemCodeMessage('rate_limited', 121)).to.equal('Có quá nhiều yêu cầu. Vui lòng đợi 3 phút rồi thử lại.');
    expect(problemCodeMessage('service_unavailable', 7201)).to.equal('Hệ thống tạm thời gián đoạn. Vui lòng thử lại sau 3 giờ.');
  });

  it('maps network, timeout and unreadable-response errors', async () => {
    await setLocale('vi');
    expect(problemMessage(new DvcNetworkError('x'))).to.include('Không thể kết nối');
    expect(problemMessage(new DvcTimeoutError('x'))).to.include('phản hồi quá lâu');
    expect(problemMessage(new DvcResponseError('x', 200))).to.include('Không đọc được');
    expect(problemMessage(new Error('x'))).to.equal('Đã có lỗi xảy ra. Vui lòng thử lại.');
  });

  it('never tells people to check their internet connection when the service answered 5xx, a proxy\'s HTML 502 or 504 included', async () => {
    // What a proxy or load balancer sends when the API behind it is down: an HTML page.
    const proxyAnswer = (status: number) => createDvcClient({
      baseUrl: 'https://dvc.example/api/v1',
      retry: false,
      fetch: async () => new Response(`<html><body><h1>${status} Bad Gateway</h1></body></html>`, {
        status, headers: { 'content-type': 'text/html' },
      }),
    });
    const thrown: unknown[] = [];
    for (const status of [500, 502, 503, 504]) {
      thrown.push(await proxyAnswer(status).procedures.search({ q: 'khai sinh' }).then(() => undefined, (error: unknown) => error));
    }
    const errors: unknown[] = [
      ...thrown,
      new DvcApiError(toProblem(502, '<html>Bad Gateway</html>')),
      new DvcApiError(toProblem(504, undefined)),
      // A 5xx whose JSON names a code of its own still reads as the service's trouble.
      new DvcApiError({ type: 'about:blank', title: 'x', status: 502, code: 'not_found' }),
      new DvcResponseError('not JSON', 502),
    ];
    for (const error of errors) expect(error).to.be.instanceOf(Error);
    await setLocale('vi');
    for (const error of errors) {
      const text = problemMessage(error);
      expect(text, String(error)).to.match(/^Hệ thống (gặp sự cố|tạm thời gián đoạn)/);
      expect(text).to.not.match(/kết nối Internet|Không thể kết nối/);
    }
    await setLocale('en');
    for (const error of errors) {
      const text = problemMessage(error);
      expect(text, String(error)).to.match(/^The service (had a problem|is temporarily unavailable)/);
      expect(text).to.not.match(/internet|connection/i);
    }
  });

  it('says the service could not be reached when nothing answered, and asks to check the connection only when the browser is offline', async () => {
    // navigator.onLine on the instance, over the prototype's getter; deleted after.
    const setOnline = (value: boolean) => Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => value });
    try {
      setOnline(true);
      await setLocale('vi');
      expect(problemMessage(new DvcNetworkError('x'))).to.equal('Không thể kết nối tới hệ thống. Vui lòng thử lại sau ít phút.');
      await setLocale('en');
      expect(problemMessage(new DvcNetworkError('x'))).to.equal('Could not reach the service. Please try again in a few minutes.');
      setOnline(false);
      expect(problemMessage(new DvcNetworkError('x'))).to.equal('You are offline. Check your internet connection and try again.');
      await setLocale('vi');
      expect(problemMessage(new DvcNetworkError('x'))).to.equal('Thiết bị của Ông/Bà đang mất kết nối Internet. Vui lòng kiểm tra kết nối rồi thử lại.');
    } finally {
      delete (navigator as { onLine?: boolean }).onLine;
    }
  });
});
