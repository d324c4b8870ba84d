import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { hexDigestsEqual, hmacHex } from '../src/payments/providers/hmac.ts';
import { formatVnTimestamp, parseVnTimestamp } from '../src/calendar/vn-timestamp.ts';
import {
  vnpayAmount, vnpayIpnDecision, vnpayOrderInfo, vnpayPaymentUrl, vnpayReturnResult, vnpaySign, vnpaySigningString, vnpayVerify,
} from '../src/payments/providers/vnpay.ts';
import type { VnpayOrder, VnpayParams, VnpayPaymentRequest } from '../src/payments/providers/vnpay.ts';
import {
  newVnpayRequestId, vnpayQuery, vnpayQueryRequest, vnpayQueryRequestSigningString, vnpayQueryResponseSigningString, vnpayQueryResult,
} from '../src/payments/providers/vnpay-querydr.ts';
import {
  momoCreateRequest, momoCreateSignature, momoCreateSigningString, momoIpnDecision, momoIpnSignature, momoIpnSigningString,
} from '../src/payments/providers/momo.ts';
import type { MomoIpn, MomoOrder } from '../src/payments/providers/momo.ts';
import { momoQueryRequest, momoQueryResult, momoQuerySigningString } from '../src/payments/providers/momo-query.ts';

/** Query text back into parameters, decoded as a server framework decodes them. */
const parseQuery = (query: string): Record<string, string> => Object.fromEntries(new URLSearchParams(query));

// ---------------------------------------------------------------------------------------------
// Published known-answer vectors (INTEGRATION.md, "Test vectors").
// ---------------------------------------------------------------------------------------------

/** V1: lehuygiang28/vnpay test/unit/utils/payment-util.test.ts (its string spells vnp_TnxRef). */
const V1 = {
  key: 'YOUR_SECURE_SECRET',
  text: 'vnp_Amount=10000&vnp_OrderInfo=Payment+for+order+%231234567890&vnp_TnxRef=1234567890',
  hash: '7bb8160a5d2085a85b3267817a40ee4f770a335282f19714726e6fc6f28a64c75a1e7e9c1aa96f3cbda5ce44095088fb4cb2af66c596d2f655b0b53966312089',
};

/** V2: lehuygiang28/vnpay test/__helpers__/test-fixtures.ts, a return/IPN query signed with test_secret. */
const V2 = {
  key: 'test_secret',
  text: 'vnp_Amount=1000000&vnp_BankCode=NCB&vnp_BankTranNo=VNP14422574&vnp_CardType=ATM'
    + '&vnp_OrderInfo=Thanh+toan+don+hang+2024-05-21T02%3A17%3A31.249Z&vnp_PayDate=20240521091806&vnp_ResponseCode=00'
    + '&vnp_TmnCode=TEST_TMN_CODE&vnp_TransactionNo=14422574&vnp_TransactionStatus=00&vnp_TxnRef=1716257871703',
  hash: '649982421beb422556a1374713c74e58e716ecbd05007c0c0e1f7effdfaf361dbf146889ca446139afe11b9954c4d5c486e99e3b86fcfab6957f29eb0be72895',
};

/** V3: V2 with vnp_ResponseCode=99. */
const V3 = {
  text: V2.text.replace('vnp_ResponseCode=00', 'vnp_ResponseCode=99'),
  hash: '503194f6d93b57b357b2d1d09742565e67e86d771352c5dca4fc8d39df3d392c6b3809add9405f97cfb9631f445e36c80656cfbf47eac67d97fa165865c13e1b',
};

/** M1: momo-wallet/php CaptureIPNTest.php, the LEGACY (pre-v3) AIO IPN; only the HMAC primitive is tested with it. */
const M1 = {
  key: 'KqBEecvaJf1nULnhPF5htpG3AMtDIOlD',
  text: 'partnerCode=MOMOTUEN20190312&accessKey=ZjF6taKUohp7iN8l&requestId=1555383430&amount=300000&orderId=1555383430'
    + '&orderInfo=&orderType=momo_wallet&transId=2302586804&message=Success&localMessage=Thành công'
    + '&responseTime=2019-04-09 14:53:38&errorCode=0&payType=qr&extraData=',
  hash: '2a23a88aab6b6dd00b07669d84904778cc9d429c6a5748fa77298b05886a8620',
};

describe('published vectors', () => {
  test('V1: HMAC-SHA512 lowercase hex over the exact published string', () => {
    assert.equal(hmacHex('sha512', V1.key, V1.text), V1.hash);
  });

  test('V2: the signing string of the parsed parameters is the published string byte for byte, and signs to the published hash', () => {
    const params = parseQuery(V2.text);
    assert.equal(params['vnp_OrderInfo'], 'Thanh toan don hang 2024-05-21T02:17:31.249Z');
    assert.equal(vnpaySigningString(params), V2.text);
    assert.equal(vnpaySign(params, V2.key), V2.hash);
    assert.equal(vnpayVerify({ ...params, vnp_SecureHash: V2.hash }, V2.key), true);
  });

  test('V3: the same with vnp_ResponseCode=99', () => {
    const params = parseQuery(V3.text);
    assert.equal(params['vnp_ResponseCode'], '99');
    assert.equal(vnpaySigningString(params), V3.text);
    assert.equal(vnpaySign(params, V2.key), V3.hash);
  });

  test('M1 (legacy MoMo format): HMAC-SHA256 lowercase hex over the exact published UTF-8 string', () => {
    assert.equal(hmacHex('sha256', M1.key, M1.text), M1.hash);
  });
});

describe('signature primitives', () => {
  test('hexDigestsEqual: either letter case; a wrong length, non-hex text or a missing value is false', () => {
    assert.equal(hexDigestsEqual(V2.hash, V2.hash.toUpperCase()), true);
    assert.equal(hexDigestsEqual(V2.hash, V2.hash.slice(0, -2)), false);
    assert.equal(hexDigestsEqual(V2.hash, `${V2.hash}00`), false);
    assert.equal(hexDigestsEqual(V2.hash, `${V2.hash.slice(0, -1)}g`), false);
    assert.equal(hexDigestsEqual(V2.hash, undefined), false);
    assert.equal(hexDigestsEqual(V2.hash, ''), false);
  });

  test('an empty secret is refused', () => {
    assert.throws(() => hmacHex('sha512', '', 'x'), TypeError);
  });
});

describe('GMT+7 timestamps', () => {
  test('yyyyMMddHHmmss in Asia/Ho_Chi_Minh', () => {
    assert.equal(formatVnTimestamp(new Date('2026-07-17T17:00:00Z')), '20260718000000');
    assert.equal(formatVnTimestamp(new Date('2026-12-31T16:59:59Z')), '20261231235959');
    assert.equal(formatVnTimestamp(new Date('2026-12-31T17:00:00Z')), '20270101000000');
    assert.throws(() => formatVnTimestamp(new Date(Number.NaN)), RangeError);
  });

  test('parsed back to the instant; impossible times are undefined', () => {
    assert.equal(parseVnTimestamp('20260718000000')?.toISOString(), '2026-07-17T17:00:00.000Z');
    assert.equal(parseVnTimestamp('20240521091806')?.toISOString(), '2024-05-21T02:18:06.000Z');
    assert.equal(parseVnTimestamp('20240230120000'), undefined);
    assert.equal(parseVnTimestamp('20240521250000'), undefined);
    assert.equal(parseVnTimestamp('2024052109180'), undefined);
  });
});

// ---------------------------------------------------------------------------------------------
// VNPay 2.1: signing, payment URL, IPN, return.
// ---------------------------------------------------------------------------------------------

describe('VNPay signing string', () => {
  test('drops the hash parameters, empty values and non-vnp_ parameters; sorts by key; form-urlencodes', () => {
    const params: VnpayParams = {
      vnp_TxnRef: 'A1',
      vnp_Amount: '1000000',
      vnp_SecureHash: 'abc',
      vnp_SecureHashType: 'HmacSHA512',
      vnp_BankCode: '',
      vnp_CardType: undefined,
      utm_source: 'mail',
      vnp_OrderInfo: 'Hồ sơ: a/b c',
    };
    assert.equal(vnpaySigningString(params), 'vnp_Amount=1000000&vnp_OrderInfo=H%E1%BB%93+s%C6%A1%3A+a%2Fb+c&vnp_TxnRef=A1');
  });

  test('encodes as URLSearchParams and VNPay\'s Java sample do: *-._ stay, ~!\'() are escaped, hex in upper case', () => {
    const value = 'a*b-c.d_e~f!g\'h(i)j+k&l=m#n%o';
    assert.equal(vnpaySigningString({ vnp_X: value }), `vnp_X=${new URLSearchParams({ x: value }).toString().slice(2)}`);
    assert.equal(vnpaySigningString({ vnp_X: value }), 'vnp_X=a*b-c.d_e%7Ef%21g%27h%28i%29j%2Bk%26l%3Dm%23n%25o');
  });

  test('a tampered amount fails verification; the V2 hash verifies only the V2 parameters', () => {
    const params = { ...parseQuery(V2.text), vnp_SecureHash: V2.hash };
    assert.equal(vnpayVerify(params, V2.key), true);
    assert.equal(vnpayVerify({ ...params, vnp_Amount: '100000000' }, V2.key), false);
    assert.equal(vnpayVerify(params, 'another_secret'), false);
    assert.equal(vnpayVerify({ ...params, vnp_SecureHash: V2.hash.slice(0, 64) }, V2.key), false);
    assert.equal(vnpayVerify({ ...params, vnp_SecureHash: undefined }, V2.key), false);
    // An added empty vnp_ parameter or a non-vnp_ one changes nothing: neither is signed.
    assert.equal(vnpayVerify({ ...params, vnp_Extra: '', utm_source: 'mail' }, V2.key), true);
    // Emptying a signed parameter drops it from the signed text.
    assert.equal(vnpayVerify({ ...params, vnp_BankTranNo: '' }, V2.key), false);
  });
});

const PAY: VnpayPaymentRequest = {
  endpoint: 'https://sandbox.vnpayment.vn/paymentv2/vpcpay.html',
  tmnCode: 'DVCKIT01',
  hashSecret: 'test_secret',
  txnRef: 'pay_7Hq2kX9mR4tW',
  amountVnd: 50_000,
  orderInfo: 'Thanh toán hồ sơ Đăng ký khai sinh',
  returnUrl: 'https://portal.example.vn/thanh-toan/ket-qua',
  ipAddr: '203.0.113.5',
  locale: 'vi',
  createdAt: new Date('2026-07-17T17:00:00Z'),
  expiresAt: new Date('2026-07-17T17:15:00Z'),
};

describe('VNPay payment URL', () => {
  test('hand-worked: every required parameter, sorted and encoded, with the hash last', () => {
    // Worked by hand from the published rules, keys in ASCII order:
    //   vnp_Amount       50,000 VND × 100                      = 5000000
    //   vnp_Command      pay
    //   vnp_CreateDate   2026-07-17T17:00:00Z in GMT+7         = 20260718000000
    //   vnp_CurrCode     VND
    //   vnp_ExpireDate   2026-07-17T17:15:00Z in GMT+7         = 20260718001500
    //   vnp_IpAddr       203.0.113.5
    //   vnp_Locale       page language vi                      = vn
    //   vnp_OrderInfo    "Thanh toán hồ sơ Đăng ký khai sinh"  → "Thanh toan ho so Dang ky khai sinh", spaces → +
    //   vnp_OrderType    other (default)
    //   vnp_ReturnUrl    ":" → %3A, "/" → %2F
    //   vnp_TmnCode      DVCKIT01
    //   vnp_TxnRef       pay_7Hq2kX9mR4tW
    //   vnp_Version      2.1.0
    const signed = 'vnp_Amount=5000000&vnp_Command=pay&vnp_CreateDate=20260718000000&vnp_CurrCode=VND&vnp_ExpireDate=20260718001500'
      + '&vnp_IpAddr=203.0.113.5&vnp_Locale=vn&vnp_OrderInfo=Thanh+toan+ho+so+Dang+ky+khai+sinh&vnp_OrderType=other'
      + '&vnp_ReturnUrl=https%3A%2F%2Fportal.example.vn%2Fthanh-toan%2Fket-qua&vnp_TmnCode=DVCKIT01&vnp_TxnRef=pay_7Hq2kX9mR4tW&vnp_Version=2.1.0';
    // HMAC-SHA512(key "test_secret", signed), computed once with node:crypto.
    const hash = '8b2be99fd4bc6f4b4ed86423bb9d04298cb9de7fa7f3de563fd68c419bda84bc920b5a366110cf8e0ae389ec76deaac6fe60db25c62b048d396b7ea2b183707d';
    const url = vnpayPaymentUrl(PAY);
    assert.equal(url, `https://sandbox.vnpayment.vn/paymentv2/vpcpay.html?${signed}&vnp_SecureHash=${hash}`);
    const params = parseQuery(new URL(url).search.slice(1));
    assert.equal(vnpaySigningString(params), signed);
    assert.equal(vnpayVerify(params, PAY.hashSecret), true);
  });

  test('amount: VND × 100 as digits; fractions, zero, negatives and too many digits refused', () => {
    assert.equal(vnpayAmount(10_000), '1000000');
    assert.equal(vnpayAmount(1), '100');
    assert.equal(vnpayAmount(9_999_999_999), '999999999900');
    for (const bad of [10_000.5, 0, -10_000, Number.NaN, Number.POSITIVE_INFINITY, 10_000_000_000]) {
      assert.throws(() => vnpayAmount(bad), RangeError, String(bad));
      assert.throws(() => vnpayPaymentUrl({ ...PAY, amountVnd: bad }), RangeError, String(bad));
    }
  });

  test('dates in GMT+7; an expiry not after creation is refused', () => {
    const params = parseQuery(new URL(vnpayPaymentUrl(PAY)).search.slice(1));
    assert.equal(params['vnp_CreateDate'], '20260718000000');
    assert.equal(params['vnp_ExpireDate'], '20260718001500');
    assert.throws(() => vnpayPaymentUrl({ ...PAY, expiresAt: PAY.createdAt }), RangeError);
  });

  test('no parameter is sent empty: an empty bank code is left out, a given one is sent', () => {
    const without = new URL(vnpayPaymentUrl({ ...PAY, bankCode: '' })).searchParams;
    assert.equal(without.has('vnp_BankCode'), false);
    for (const [key, value] of without) assert.notEqual(value, '', key);
    const required = ['vnp_Version', 'vnp_Command', 'vnp_TmnCode', 'vnp_Amount', 'vnp_CurrCode', 'vnp_TxnRef', 'vnp_OrderInfo',
      'vnp_OrderType', 'vnp_Locale', 'vnp_ReturnUrl', 'vnp_IpAddr', 'vnp_CreateDate', 'vnp_ExpireDate', 'vnp_SecureHash'];
    assert.deepEqual([...without.keys()].sort(), [...required].sort());
    const withBank = new URL(vnpayPaymentUrl({ ...PAY, bankCode: 'VNBANK' }));
    assert.equal(withBank.searchParams.get('vnp_BankCode'), 'VNBANK');
    assert.equal(vnpayVerify(parseQuery(withBank.search.slice(1)), PAY.hashSecret), true);
  });

  test('locale from the page language; order type default other', () => {
    assert.equal(new URL(vnpayPaymentUrl({ ...PAY, locale: 'en' })).searchParams.get('vnp_Locale'), 'en');
    assert.equal(new URL(vnpayPaymentUrl({ ...PAY, orderType: 'billpayment' })).searchParams.get('vnp_OrderType'), 'billpayment');
  });

  test('malformed terminal code, reference, IP address or URLs are refused', () => {
    assert.throws(() => vnpayPaymentUrl({ ...PAY, tmnCode: 'SHORT' }), RangeError);
    assert.throws(() => vnpayPaymentUrl({ ...PAY, txnRef: '' }), RangeError);
    assert.throws(() => vnpayPaymentUrl({ ...PAY, txnRef: 'a&b' }), RangeError);
    assert.throws(() => vnpayPaymentUrl({ ...PAY, ipAddr: 'localhost' }), RangeError);
    assert.throws(() => vnpayPaymentUrl({ ...PAY, returnUrl: 'javascript:alert(1)' }), RangeError);
    assert.throws(() => vnpayPaymentUrl({ ...PAY, endpoint: 'https://sandbox.vnpayment.vn/paymentv2/vpcpay.html?x=1' }), RangeError);
    assert.doesNotThrow(() => vnpayPaymentUrl({ ...PAY, ipAddr: '2001:db8::1' }));
  });
});

describe('VNPay order description', () => {
  test('Vietnamese folded to ASCII, case kept', () => {
    assert.equal(vnpayOrderInfo('Thanh toán hồ sơ Đăng ký khai sinh'), 'Thanh toan ho so Dang ky khai sinh');
    assert.equal(vnpayOrderInfo('LỆ PHÍ CẤP PHIẾU LÝ LỊCH TƯ PHÁP'), 'LE PHI CAP PHIEU LY LICH TU PHAP');
    // Decomposed input (combining marks) folds the same.
    assert.equal(vnpayOrderInfo('Thanh toán'.normalize('NFD')), 'Thanh toan');
  });

  test('special characters become spaces, spaces collapse, dossier codes survive, at most 255 characters', () => {
    assert.equal(vnpayOrderInfo('Hồ sơ #000.00.15.H26-250714-0042 (lệ phí)*~!\'&='), 'Ho so 000.00.15.H26-250714-0042 le phi');
    assert.equal(vnpayOrderInfo('  a\tb\n\nc  '), 'a b c');
    assert.equal(vnpayOrderInfo('ạ'.repeat(300)).length, 255);
    assert.throws(() => vnpayOrderInfo('#*!'), RangeError);
  });
});

describe('VNPay IPN decision', () => {
  const KEY = 'ipn_secret';
  /** A payment for 10,000 VND that VNPay reports, signed as VNPay signs it. */
  const ipn = (overrides: Record<string, string> = {}): Record<string, string> => {
    const params = { ...parseQuery(V2.text), ...overrides };
    return { ...params, vnp_SecureHash: vnpaySign(params, KEY) };
  };
  const orders = (order: VnpayOrder | undefined) => {
    const asked: string[] = [];
    return { asked, findOrder: (txnRef: string) => { asked.push(txnRef); return order; } };
  };
  const pending: VnpayOrder = { amountVnd: 10_000, state: 'pending' };
  /** The terminal code VNPay's example notification is for. */
  const TERMINAL = parseQuery(V2.text)['vnp_TmnCode']!;

  test('a forged signature is 97 before the order is looked up, even for an unknown order', async () => {
    const lookup = orders(undefined);
    const forged = { ...ipn(), vnp_TxnRef: 'unknown-order' };
    assert.deepEqual(await vnpayIpnDecision(forged, { hashSecret: KEY, tmnCode: TERMINAL, ...lookup }), { rspCode: '97', message: 'Invalid signature' });
    assert.deepEqual(lookup.asked, []);
  });

  test('a tampered amount is 97', async () => {
    const tampered = { ...ipn(), vnp_Amount: '100' };
    assert.equal((await vnpayIpnDecision(tampered, { hashSecret: KEY, tmnCode: TERMINAL, ...orders(pending) })).rspCode, '97');
  });

  test('an unknown order is 01', async () => {
    const lookup = orders(undefined);
    assert.deepEqual(await vnpayIpnDecision(ipn(), { hashSecret: KEY, tmnCode: TERMINAL, ...lookup }), { rspCode: '01', message: 'Order not found' });
    assert.deepEqual(lookup.asked, ['1716257871703']);
  });

  test('a notification for another terminal, signed with the same secret, is 01: not this merchant\'s order', async () => {
    const lookup = orders(pending);
    assert.deepEqual(await vnpayIpnDecision(ipn({ vnp_TmnCode: 'OTHER001' }), { hashSecret: KEY, tmnCode: TERMINAL, ...lookup }), { rspCode: '01', message: 'Order not found (another terminal code)' });
    assert.deepEqual(lookup.asked, []);
    assert.equal((await vnpayIpnDecision(ipn(), { hashSecret: KEY, tmnCode: TERMINAL, ...lookup })).rspCode, '00');
  });

  test('a wrong amount is 04, checked before the order\'s state', async () => {
    assert.deepEqual(await vnpayIpnDecision(ipn(), { hashSecret: KEY, tmnCode: TERMINAL, ...orders({ amountVnd: 20_000, state: 'pending' }) }),
      { rspCode: '04', message: 'Invalid amount' });
    assert.equal((await vnpayIpnDecision(ipn(), { hashSecret: KEY, tmnCode: TERMINAL, ...orders({ amountVnd: 20_000, state: 'paid' }) })).rspCode, '04');
    assert.equal((await vnpayIpnDecision(ipn({ vnp_Amount: '1000050' }), { hashSecret: KEY, tmnCode: TERMINAL, ...orders(pending) })).rspCode, '04');
  });

  test('an order no longer pending is 02 (a repeated notification confirms nothing)', async () => {
    for (const state of ['paid', 'failed', 'cancelled']) {
      const decision = await vnpayIpnDecision(ipn(), { hashSecret: KEY, tmnCode: TERMINAL, ...orders({ amountVnd: 10_000, state }) });
      assert.deepEqual([decision.rspCode, decision.message], ['02', 'Order already confirmed']);
      // What the genuine notification says is still reported, for the record (a refund when paid).
      assert.equal(decision.outcome?.paid, true);
    }
  });

  test('ResponseCode 00 with TransactionStatus 02 is recorded (00) but not paid', async () => {
    const decision = await vnpayIpnDecision(ipn({ vnp_TransactionStatus: '02' }), { hashSecret: KEY, tmnCode: TERMINAL, ...orders(pending) });
    assert.equal(decision.rspCode, '00');
    assert.equal(decision.message, 'Confirm Success');
    assert.equal(decision.outcome?.paid, false);
    assert.equal(decision.outcome?.transactionStatus, '02');
  });

  test('a failed payment (24, cancelled) is recorded, not paid', async () => {
    const decision = await vnpayIpnDecision(ipn({ vnp_ResponseCode: '24', vnp_TransactionStatus: '02' }), { hashSecret: KEY, tmnCode: TERMINAL, ...orders(pending) });
    assert.equal(decision.rspCode, '00');
    assert.equal(decision.outcome?.paid, false);
    assert.equal(decision.outcome?.responseCode, '24');
  });

  test('both codes 00 is paid, with what to record; findOrder may be async', async () => {
    const decision = await vnpayIpnDecision(ipn(), { hashSecret: KEY, tmnCode: TERMINAL, findOrder: async () => pending });
    assert.deepEqual(decision, {
      rspCode: '00',
      message: 'Confirm Success',
      outcome: { paid: true, responseCode: '00', transactionStatus: '00', transactionNo: '14422574', bankCode: 'NCB', payDate: '20240521091806' },
    });
  });
});

describe('VNPay return URL', () => {
  test('for display only: valid and successful, or not valid when tampered', () => {
    const params = { ...parseQuery(V2.text), vnp_SecureHash: V2.hash };
    assert.deepEqual(vnpayReturnResult(params, V2.key), {
      valid: true,
      displayAsSuccess: true,
      responseCode: '00',
      transactionStatus: '00',
      txnRef: '1716257871703',
      amountVnd: 10_000,
      transactionNo: '14422574',
      bankCode: 'NCB',
      payDate: '20240521091806',
    });
    const tampered = vnpayReturnResult({ ...params, vnp_Amount: '100' }, V2.key);
    assert.equal(tampered.valid, false);
    assert.equal(tampered.displayAsSuccess, false);
    const failed = vnpayReturnResult({ ...parseQuery(V3.text), vnp_SecureHash: V3.hash }, V2.key);
    assert.equal(failed.valid, true);
    assert.equal(failed.displayAsSuccess, false);
  });
});

// ---------------------------------------------------------------------------------------------
// VNPay 2.1 querydr: no published vector; hand-worked ones.
// ---------------------------------------------------------------------------------------------

describe('VNPay querydr', () => {
  const QUERY = {
    tmnCode: 'DVCKIT01',
    hashSecret: 'test_secret',
    txnRef: 'pay_7Hq2kX9mR4tW',
    transactionDate: new Date('2026-07-17T17:00:00Z'),
    orderInfo: 'Truy vấn giao dịch pay_7Hq2kX9mR4tW',
    ipAddr: '198.51.100.7',
    now: new Date('2026-07-17T17:30:00Z'),
    requestId: 'a3f1c2d4e5b60718293a4b5c6d7e8f90',
  };

  test('hand-worked request: raw values joined by | in the published order, HMAC-SHA512', () => {
    // vnp_RequestId        a3f1c2d4e5b60718293a4b5c6d7e8f90
    // vnp_Version          2.1.0
    // vnp_Command          querydr
    // vnp_TmnCode          DVCKIT01
    // vnp_TxnRef           pay_7Hq2kX9mR4tW
    // vnp_TransactionDate  the payment's vnp_CreateDate, 2026-07-17T17:00:00Z in GMT+7 = 20260718000000
    // vnp_CreateDate       now, 2026-07-17T17:30:00Z in GMT+7                          = 20260718003000
    // vnp_IpAddr           198.51.100.7
    // vnp_OrderInfo        "Truy vấn giao dịch pay_7Hq2kX9mR4tW" made plain            = Truy van giao dich pay_7Hq2kX9mR4tW
    const text = 'a3f1c2d4e5b60718293a4b5c6d7e8f90|2.1.0|querydr|DVCKIT01|pay_7Hq2kX9mR4tW|20260718000000|20260718003000|198.51.100.7|Truy van giao dich pay_7Hq2kX9mR4tW';
    // HMAC-SHA512(key "test_secret", text), computed once with node:crypto.
    const hash = '80585f33c8421257eaa94bf9e29e0783735fb8c8b2e572ce64dff578ce7502164b1501748c7a0d10daf6d5d8cfc67bf57fe49defd1c7ae5b2ad6abdd3edac369';
    const request = vnpayQueryRequest(QUERY);
    assert.deepEqual(request, {
      vnp_RequestId: 'a3f1c2d4e5b60718293a4b5c6d7e8f90',
      vnp_Version: '2.1.0',
      vnp_Command: 'querydr',
      vnp_TmnCode: 'DVCKIT01',
      vnp_TxnRef: 'pay_7Hq2kX9mR4tW',
      vnp_OrderInfo: 'Truy van giao dich pay_7Hq2kX9mR4tW',
      vnp_TransactionDate: '20260718000000',
      vnp_CreateDate: '20260718003000',
      vnp_IpAddr: '198.51.100.7',
      vnp_SecureHash: hash,
    });
    assert.equal(vnpayQueryRequestSigningString(request), text);
    // The transaction date may be given as the 14 digits that were sent; vnp_TransactionNo is sent, not hashed.
    const withNo = vnpayQueryRequest({ ...QUERY, transactionDate: '20260718000000', transactionNo: '14422574' });
    assert.equal(withNo.vnp_TransactionNo, '14422574');
    assert.equal(withNo.vnp_SecureHash, hash);
  });

  test('malformed request ids and dates are refused', () => {
    assert.throws(() => vnpayQueryRequest({ ...QUERY, requestId: 'x'.repeat(33) }), RangeError);
    assert.throws(() => vnpayQueryRequest({ ...QUERY, requestId: 'has-dash' }), RangeError);
    assert.throws(() => vnpayQueryRequest({ ...QUERY, transactionDate: '2026-07-18' }), RangeError);
  });

  test('request ids: 32 alphanumeric characters, never repeated', () => {
    const ids = new Set(Array.from({ length: 2000 }, () => newVnpayRequestId()));
    assert.equal(ids.size, 2000);
    for (const id of ids) assert.match(id, /^[A-Za-z0-9]{32}$/);
  });

  // A response as VNPay would sign it with the npm library's field order; no promotion fields.
  //   vnp_ResponseId|vnp_Command|vnp_ResponseCode|vnp_Message|vnp_TmnCode|vnp_TxnRef|vnp_Amount|vnp_BankCode|vnp_PayDate
  //   |vnp_TransactionNo|vnp_TransactionType|vnp_TransactionStatus|vnp_OrderInfo|vnp_PromotionCode|vnp_PromotionAmount
  const RESPONSE_TEXT = 'b7c1d2e3f4a5061728394a5b6c7d8e9f|querydr|00|QueryDR Success|DVCKIT01|pay_7Hq2kX9mR4tW|5000000|NCB'
    + '|20260718000512|14422574|01|00|Thanh toan ho so 000.00.15.H26-250714-0042||';
  // HMAC-SHA512(key "test_secret", RESPONSE_TEXT), computed once with node:crypto.
  const RESPONSE_HASH = '7b402508e8260d57be21887d94de3b5502b55636a803bf8e3a93b060a239c12dc675facf14fd7bc2314f7a68848cc201a789e292439ac2e845eb86a40c97195b';
  const RESPONSE = {
    vnp_ResponseId: 'b7c1d2e3f4a5061728394a5b6c7d8e9f',
    vnp_Command: 'querydr',
    vnp_ResponseCode: '00',
    vnp_Message: 'QueryDR Success',
    vnp_TmnCode: 'DVCKIT01',
    vnp_TxnRef: 'pay_7Hq2kX9mR4tW',
    vnp_Amount: '5000000',
    vnp_BankCode: 'NCB',
    vnp_PayDate: '20260718000512',
    vnp_TransactionNo: '14422574',
    vnp_TransactionType: '01',
    vnp_TransactionStatus: '00',
    vnp_OrderInfo: 'Thanh toan ho so 000.00.15.H26-250714-0042',
    vnp_SecureHash: RESPONSE_HASH,
  };
  const EXPECTED = { hashSecret: 'test_secret', tmnCode: 'DVCKIT01', txnRef: 'pay_7Hq2kX9mR4tW', amountVnd: 50_000 };

  test('hand-worked response: the hashed text and a paid result', () => {
    assert.equal(vnpayQueryResponseSigningString(RESPONSE, 'DVCKIT01'), RESPONSE_TEXT);
    assert.deepEqual(vnpayQueryResult(RESPONSE, EXPECTED), {
      valid: true,
      responseCode: '00',
      message: 'QueryDR Success',
      transactionStatus: '00',
      transactionType: '01',
      transactionNo: '14422574',
      bankCode: 'NCB',
      payDate: '20260718000512',
      amountVnd: 50_000,
      paid: true,
    });
    // JSON numbers are hashed as their decimal digits.
    assert.equal(vnpayQueryResult({ ...RESPONSE, vnp_Amount: 5_000_000, vnp_TransactionNo: 14_422_574 }, EXPECTED).paid, true);
  });

  test('unsigned, tampered, another order\'s or another merchant\'s response is not valid; a wrong amount or status is not paid', () => {
    const unsigned: Record<string, string> = { ...RESPONSE };
    delete unsigned['vnp_SecureHash'];
    assert.equal(vnpayQueryResult(unsigned, EXPECTED).valid, false);
    assert.equal(vnpayQueryResult({ ...RESPONSE, vnp_TransactionStatus: '02' }, EXPECTED).valid, false);
    assert.equal(vnpayQueryResult(RESPONSE, { ...EXPECTED, txnRef: 'pay_other' }).valid, false);
    assert.equal(vnpayQueryResult(RESPONSE, { ...EXPECTED, tmnCode: 'OTHER001' }).valid, false);
    const wrongAmount = vnpayQueryResult(RESPONSE, { ...EXPECTED, amountVnd: 60_000 });
    assert.equal(wrongAmount.valid, true);
    assert.equal(wrongAmount.paid, false);
  });

  test('vnpayQuery POSTs the JSON body through the injected fetch and checks the answer', async () => {
    const request = vnpayQueryRequest(QUERY);
    const sent: { url: string; init: RequestInit | undefined }[] = [];
    const fakeFetch: typeof fetch = async (url, init) => {
      sent.push({ url: String(url), init });
      return new Response(JSON.stringify(RESPONSE), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const endpoint = 'https://sandbox.vnpayment.vn/merchant_webapi/api/transaction';
    const result = await vnpayQuery({ fetch: fakeFetch, endpoint, request, hashSecret: 'test_secret', amountVnd: 50_000 });
    assert.equal(result.paid, true);
    assert.equal(sent.length, 1);
    assert.equal(sent[0]?.url, endpoint);
    assert.equal(sent[0]?.init?.method, 'POST');
    assert.deepEqual(JSON.parse(String(sent[0]?.init?.body)), request);

    const failing: typeof fetch = async () => new Response('busy', { status: 503 });
    await assert.rejects(vnpayQuery({ fetch: failing, endpoint, request, hashSecret: 'test_secret', amountVnd: 50_000 }));
  });
});

// ---------------------------------------------------------------------------------------------
// MoMo v3: no published v3 vector; hand-worked ones with MoMo's public sandbox sample keys.
// ---------------------------------------------------------------------------------------------

/** The test credentials in MoMo's own Node sample (momo-wallet/payment nodejs/MoMo.js). */
const MOMO = { partnerCode: 'MOMO', accessKey: 'F8BBA842ECF85', secretKey: 'K951B6PE1waDMi640xX08PD3vg6EkVlz' };

describe('MoMo create request', () => {
  const CREATE = {
    ...MOMO,
    requestId: 'req-20260718-0001',
    amountVnd: 50_000,
    orderId: 'pay_7Hq2kX9mR4tW',
    orderInfo: 'Thanh toán hồ sơ 000.00.15.H26-250714-0042',
    redirectUrl: 'https://portal.example.vn/thanh-toan/ket-qua',
    ipnUrl: 'https://api.dvc.example.vn/api/v1/payments/momo/ipn',
    lang: 'vi' as const,
  };

  test('hand-worked: raw values in the fixed order, empty extraData kept as "extraData=", HMAC-SHA256', () => {
    // accessKey    F8BBA842ECF85
    // amount       50000
    // extraData    (empty: "extraData=")
    // ipnUrl       https://api.dvc.example.vn/api/v1/payments/momo/ipn   (raw, not URL-encoded)
    // orderId      pay_7Hq2kX9mR4tW
    // orderInfo    Thanh toán hồ sơ 000.00.15.H26-250714-0042            (raw UTF-8, diacritics kept)
    // partnerCode  MOMO
    // redirectUrl  https://portal.example.vn/thanh-toan/ket-qua
    // requestId    req-20260718-0001
    // requestType  captureWallet (default)
    const text = 'accessKey=F8BBA842ECF85&amount=50000&extraData=&ipnUrl=https://api.dvc.example.vn/api/v1/payments/momo/ipn'
      + '&orderId=pay_7Hq2kX9mR4tW&orderInfo=Thanh toán hồ sơ 000.00.15.H26-250714-0042&partnerCode=MOMO'
      + '&redirectUrl=https://portal.example.vn/thanh-toan/ket-qua&requestId=req-20260718-0001&requestType=captureWallet';
    // HMAC-SHA256(key "K951B6PE1waDMi640xX08PD3vg6EkVlz", text), computed once with node:crypto.
    const signature = 'cd72666301c8318be0ea50f74dbd00e93ebdc1fbbdb68bbf8703cb3221fdd444';
    const body = momoCreateRequest(CREATE);
    assert.deepEqual(body, {
      partnerCode: 'MOMO',
      accessKey: 'F8BBA842ECF85',
      requestId: 'req-20260718-0001',
      amount: 50_000,
      orderId: 'pay_7Hq2kX9mR4tW',
      orderInfo: 'Thanh toán hồ sơ 000.00.15.H26-250714-0042',
      redirectUrl: 'https://portal.example.vn/thanh-toan/ket-qua',
      ipnUrl: 'https://api.dvc.example.vn/api/v1/payments/momo/ipn',
      requestType: 'captureWallet',
      extraData: '',
      lang: 'vi',
      signature,
    });
    assert.equal(momoCreateSigningString(body), text);
    assert.equal(momoCreateSignature(body, MOMO.secretKey), signature);
    assert.equal(Object.hasOwn(body, 'secretKey'), false);
  });

  test('extraData and requestType are signed', () => {
    const body = momoCreateRequest({ ...CREATE, requestType: 'payWithATM', extraData: 'eyJ1c2VybmFtZSI6ICJtb21vIn0=', lang: 'en' });
    assert.match(momoCreateSigningString(body), /&extraData=eyJ1c2VybmFtZSI6ICJtb21vIn0=&.*&requestType=payWithATM$/);
    assert.equal(body.signature, momoCreateSignature(body, MOMO.secretKey));
    assert.equal(body.lang, 'en');
  });

  test('amounts must be whole VND within the method\'s range; orderId must match MoMo\'s pattern', () => {
    for (const bad of [50_000.5, 0, -1, 999, 50_000_001]) assert.throws(() => momoCreateRequest({ ...CREATE, amountVnd: bad }), RangeError, String(bad));
    assert.throws(() => momoCreateRequest({ ...CREATE, requestType: 'payWithATM', amountVnd: 9_999 }), RangeError);
    for (const bad of ['', '-abc', 'abc-', 'a..', 'a b', 'x'.repeat(201)]) assert.throws(() => momoCreateRequest({ ...CREATE, orderId: bad }), RangeError, bad);
    for (const good of ['a', 'a-b_c.d', 'A--B', 'pay_7Hq2kX9mR4tW']) assert.doesNotThrow(() => momoCreateRequest({ ...CREATE, orderId: good }), good);
    // A long id that does not match fails fast: the pattern has no exponential backtracking, which
    // would take hours on 190 characters. A second allows for a busy machine's pauses.
    const started = performance.now();
    assert.throws(() => momoCreateRequest({ ...CREATE, orderId: `${'a'.repeat(190)}!` }), RangeError);
    assert.ok(performance.now() - started < 1_000);
    assert.throws(() => momoCreateRequest({ ...CREATE, extraData: '{"a":1}' }), RangeError);
    assert.throws(() => momoCreateRequest({ ...CREATE, ipnUrl: 'ftp://x' }), RangeError);
  });
});

describe('MoMo IPN', () => {
  /** What MoMo POSTs for the order above (responseTime 1784307723456 = 2026-07-17T17:02:03.456Z). */
  const IPN: MomoIpn = {
    partnerCode: 'MOMO',
    orderId: 'pay_7Hq2kX9mR4tW',
    requestId: 'req-20260718-0001',
    amount: 50_000,
    orderInfo: 'Thanh toán hồ sơ 000.00.15.H26-250714-0042',
    orderType: 'momo_wallet',
    transId: 4_088_878_653,
    resultCode: 0,
    message: 'Thành công.',
    payType: 'qr',
    responseTime: 1_784_307_723_456,
    extraData: '',
  };
  // accessKey    F8BBA842ECF85 (the merchant's own; MoMo does not send it)
  // amount       50000
  // extraData    (empty)
  // message      Thành công.
  // orderId      pay_7Hq2kX9mR4tW
  // orderInfo    Thanh toán hồ sơ 000.00.15.H26-250714-0042
  // orderType    momo_wallet
  // partnerCode  MOMO
  // payType      qr
  // requestId    req-20260718-0001
  // responseTime 1784307723456
  // resultCode   0
  // transId      4088878653
  const TEXT = 'accessKey=F8BBA842ECF85&amount=50000&extraData=&message=Thành công.&orderId=pay_7Hq2kX9mR4tW'
    + '&orderInfo=Thanh toán hồ sơ 000.00.15.H26-250714-0042&orderType=momo_wallet&partnerCode=MOMO&payType=qr'
    + '&requestId=req-20260718-0001&responseTime=1784307723456&resultCode=0&transId=4088878653';
  // HMAC-SHA256(key "K951B6PE1waDMi640xX08PD3vg6EkVlz", TEXT), computed once with node:crypto.
  const SIGNATURE = 'be4e8a344836a2dc6096104d5385e06eb9d905b356748dc06bbbf7baf25da753';

  /** An IPN with changes, signed as MoMo would sign it. */
  const signed = (changes: MomoIpn = {}): MomoIpn => {
    const ipn = { ...IPN, ...changes };
    return { ...ipn, signature: momoIpnSignature(ipn, MOMO.accessKey, MOMO.secretKey) };
  };
  const pending: MomoOrder = { amountVnd: 50_000, state: 'pending' };
  const options = (order: MomoOrder | undefined) => ({ ...MOMO, findOrder: () => order });

  test('hand-worked: the signed text and signature', () => {
    assert.equal(momoIpnSigningString(IPN, MOMO.accessKey), TEXT);
    assert.equal(momoIpnSignature(IPN, MOMO.accessKey, MOMO.secretKey), SIGNATURE);
    // The same values as strings (the browser redirect's query) sign the same.
    const asStrings = { ...IPN, amount: '50000', transId: '4088878653', resultCode: '0', responseTime: '1784307723456' };
    assert.equal(momoIpnSignature(asStrings, MOMO.accessKey, MOMO.secretKey), SIGNATURE);
  });

  test('resultCode 0 with a valid signature, partner, order and amount is paid', async () => {
    assert.deepEqual(await momoIpnDecision({ ...IPN, signature: SIGNATURE }, options(pending)), {
      status: 'recorded',
      outcome: { paid: true, final: true, resultCode: '0', message: 'Thành công.', transId: '4088878653', payType: 'qr', responseTime: '1784307723456' },
    });
  });

  test('the signature is checked first: a forged one is refused before the order is looked up', async () => {
    let asked = 0;
    const forged = { ...IPN, amount: 1_000, signature: SIGNATURE };
    const decision = await momoIpnDecision(forged, { ...MOMO, findOrder: () => { asked++; return undefined; } });
    assert.deepEqual(decision, { status: 'invalid_signature' });
    assert.equal(asked, 0);
    assert.equal((await momoIpnDecision({ ...IPN }, options(pending))).status, 'invalid_signature');
    assert.equal((await momoIpnDecision({ ...IPN, signature: SIGNATURE.toUpperCase().slice(1) }, options(pending))).status, 'invalid_signature');
  });

  test('a correctly signed IPN for another partner, another amount or an unknown order is refused', async () => {
    assert.equal((await momoIpnDecision(signed({ partnerCode: 'MOMOOTHER' }), options(pending))).status, 'wrong_partner');
    assert.equal((await momoIpnDecision(signed({ amount: 5_000 }), options(pending))).status, 'invalid_amount');
    assert.equal((await momoIpnDecision(signed({ amount: '50000.5' }), options(pending))).status, 'invalid_amount');
    assert.equal((await momoIpnDecision(signed(), options(undefined))).status, 'order_not_found');
  });

  test('a repeated notification for a settled order changes nothing', async () => {
    const decision = await momoIpnDecision(signed(), options({ amountVnd: 50_000, state: 'paid' }));
    assert.equal(decision.status, 'already_confirmed');
    assert.equal(decision.outcome?.paid, true, 'reported for the record only');
  });

  test('a failure code is final and not paid; 9000 (authorized) and other pending codes are neither', async () => {
    const declined = await momoIpnDecision(signed({ resultCode: 1006, message: 'Người dùng từ chối.' }), options(pending));
    assert.equal(declined.status, 'recorded');
    assert.deepEqual([declined.outcome?.paid, declined.outcome?.final], [false, true]);
    for (const code of [9000, 1000, 7000, 7002]) {
      const waiting = await momoIpnDecision(signed({ resultCode: code }), options(pending));
      assert.deepEqual([waiting.outcome?.paid, waiting.outcome?.final], [false, false], String(code));
    }
  });
});

describe('MoMo status query', () => {
  test('hand-worked: the request signs accessKey, orderId, partnerCode and requestId in that order', () => {
    // accessKey    F8BBA842ECF85                       (MoMo's public test merchant)
    // orderId      pay_QueryVector2026
    // partnerCode  MOMO
    // requestId    4c8f0f9e2d7a4b1c9e3f5a6b7c8d9e0f
    const text = 'accessKey=F8BBA842ECF85&orderId=pay_QueryVector2026&partnerCode=MOMO&requestId=4c8f0f9e2d7a4b1c9e3f5a6b7c8d9e0f';
    // HMAC-SHA256(key "K951B6PE1waDMi640xX08PD3vg6EkVlz", text), worked with OpenSSL rather than node:crypto:
    //   printf '%s' "$text" | openssl dgst -sha256 -hmac 'K951B6PE1waDMi640xX08PD3vg6EkVlz'
    const signature = '8aa10798c19c4fe4b3074aae54e2f01efc0f35083522c6e20ebec31abf77373b';
    const request = momoQueryRequest({
      partnerCode: 'MOMO', accessKey: 'F8BBA842ECF85', secretKey: 'K951B6PE1waDMi640xX08PD3vg6EkVlz',
      requestId: '4c8f0f9e2d7a4b1c9e3f5a6b7c8d9e0f', orderId: 'pay_QueryVector2026', lang: 'vi',
    });
    assert.equal(momoQuerySigningString({ ...request, accessKey: 'F8BBA842ECF85' }), text);
    assert.deepEqual(request, {
      partnerCode: 'MOMO', requestId: '4c8f0f9e2d7a4b1c9e3f5a6b7c8d9e0f', orderId: 'pay_QueryVector2026', lang: 'vi', signature,
    });
  });

  test('an answer is paid only for this partner and order, resultCode 0 and the order\'s amount; pending codes are not final', () => {
    const expected = { partnerCode: 'MOMO', orderId: 'pay_QueryVector2026', amountVnd: 50_000 };
    const answer = { partnerCode: 'MOMO', orderId: 'pay_QueryVector2026', resultCode: 0, amount: 50_000, transId: 4088878653, message: 'Thành công.' };
    assert.deepEqual(momoQueryResult(answer, expected), { valid: true, resultCode: '0', message: 'Thành công.', transId: '4088878653', paid: true, final: true, pending: false });
    assert.equal(momoQueryResult({ ...answer, amount: 49_000 }, expected).paid, false);
    assert.equal(momoQueryResult({ ...answer, orderId: 'pay_other' }, expected).valid, false);
    assert.equal(momoQueryResult({ ...answer, partnerCode: 'OTHER' }, expected).paid, false);
    for (const pending of [1000, 7000, 7002, 9000]) {
      const result = momoQueryResult({ ...answer, resultCode: pending }, expected);
      assert.deepEqual([result.paid, result.final], [false, false], String(pending));
    }
    assert.deepEqual(Object.values((({ paid, final }) => ({ paid, final }))(momoQueryResult({ ...answer, resultCode: 1006 }, expected))), [false, true]);
  });
});

describe('what the gateways\' answers mean for a payment', () => {
  test('MoMo: a request error (maintenance, authentication, duplicate request…) is never a verdict on the payment', async () => {
    const { MomoGateway } = await import('../src/payments/gateways/momo-gateway.ts');
    const order = { id: 'pay_QueryVector2026', amountVnd: 50_000, dossierCode: 'X', returnUrl: 'https://portal.example.vn/r', createdAt: new Date(), expiresAt: new Date() };
    const answering = (body: object) => (async () => new Response(JSON.stringify(body), { status: 400, headers: { 'content-type': 'application/json' } })) as typeof fetch;
    for (const code of [10, 11, 13, 20, 40, 43, 98, 99]) {
      const answer = { partnerCode: 'MOMO', orderId: order.id, resultCode: code, message: 'refused' };
      const result = momoQueryResult(answer, { partnerCode: 'MOMO', orderId: order.id, amountVnd: 50_000 });
      assert.deepEqual([result.final, result.pending, result.paid], [false, false, false], String(code));
      const gateway = new MomoGateway({ partnerCode: 'MOMO', accessKey: 'a', secretKey: 'sssssssssssssssss', endpoint: 'https://m.example' }, 'https://api.example/ipn', answering(answer));
      await assert.rejects(gateway.query(order), new RegExp(`answered ${code}`), `${code} leaves the payment pending (unanswered)`);
    }
    const declined = new MomoGateway({ partnerCode: 'MOMO', accessKey: 'a', secretKey: 'sssssssssssssssss', endpoint: 'https://m.example' }, 'https://api.example/ipn',
      answering({ partnerCode: 'MOMO', orderId: order.id, resultCode: 1006, amount: 50_000 }));
    assert.deepEqual(await declined.query(order), { state: 'cancelled', code: '24', transactionNo: '', detail: 'momo query 1006' });
  });

  test('VNPay: a status query answering "suspected fraud" (07) leaves the payment open, unanswered, never failed: the money was taken', async () => {
    const { VnpayGateway } = await import('../src/payments/gateways/vnpay-gateway.ts');
    const order = { id: 'pay_7Hq2kX9mR4tW', amountVnd: 50_000, dossierCode: 'X', returnUrl: 'https://portal.example.vn/r', createdAt: new Date(), expiresAt: new Date() };
    const settings = { tmnCode: 'DVCKIT01', hashSecret: 'test_secret', paymentUrl: 'https://v.example/pay', queryUrl: 'https://v.example/query' };
    const answering = (changes: Record<string, string>) => {
      const response: Record<string, string> = {
        vnp_ResponseId: 'b7c1d2e3f4a5061728394a5b6c7d8e9f', vnp_Command: 'querydr', vnp_ResponseCode: '00', vnp_Message: 'QueryDR Success',
        vnp_TmnCode: 'DVCKIT01', vnp_TxnRef: order.id, vnp_Amount: '5000000', vnp_BankCode: 'NCB', vnp_PayDate: '20260718000512',
        vnp_TransactionNo: '14422574', vnp_TransactionType: '01', vnp_TransactionStatus: '00', vnp_OrderInfo: 'Thanh toan', ...changes,
      };
      response['vnp_SecureHash'] = hmacHex('sha512', settings.hashSecret, vnpayQueryResponseSigningString(response, settings.tmnCode));
      return (async () => new Response(JSON.stringify(response), { headers: { 'content-type': 'application/json' } })) as typeof fetch;
    };
    await assert.rejects(new VnpayGateway(settings, answering({ vnp_TransactionStatus: '07' })).query(order, new Date()), /VNPay holds pay_7Hq2kX9mR4tW as suspected fraud \(07\)/);
    // The same answer otherwise: paid, and an error (02) failed.
    assert.equal((await new VnpayGateway(settings, answering({})).query(order, new Date())).state, 'paid');
    assert.equal((await new VnpayGateway(settings, answering({ vnp_TransactionStatus: '02' })).query(order, new Date())).state, 'failed');
  });

  test('VNPay: a transaction status is not a response code; "00" with a failed status did not go through; an IPN without a final status settles nothing', async () => {
    const { vnpayIpnVerdict } = await import('../src/payments/gateways/vnpay-gateway.ts');
    const outcome = { paid: false, responseCode: '00', transactionStatus: '02', transactionNo: '1', bankCode: 'NCB', payDate: '' };
    assert.deepEqual(vnpayIpnVerdict(outcome), { state: 'failed', code: '99', transactionNo: '1', detail: 'vnpay ipn 00/02' });
    assert.deepEqual(vnpayIpnVerdict({ ...outcome, paid: true, transactionStatus: '00' }), { state: 'paid', transactionNo: '1', detail: 'vnpay ipn 00/00' });
    // 07, as either code: the payer's money was taken and VNPay holds it as suspected fraud; "failed"
    // would tell the payer to pay again.
    for (const [responseCode, transactionStatus] of [['00', ''], ['00', '01'], ['24', '01'], ['07', '00'], ['99', '00'], ['', ''], ['07', '07'], ['00', '07'], ['07', '02']] as const) {
      assert.equal(vnpayIpnVerdict({ ...outcome, responseCode, transactionStatus }), undefined, `${responseCode}/${transactionStatus} is asked about at the status query`);
    }
    assert.equal(vnpayIpnVerdict({ ...outcome, responseCode: '24', transactionStatus: '02' })?.state, 'cancelled');
    assert.deepEqual(vnpayIpnVerdict({ ...outcome, responseCode: '51', transactionStatus: '02' }), { state: 'failed', code: '51', transactionNo: '1', detail: 'vnpay ipn 51/02' });
  });
});
