import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { gatewaySigningData, signGatewayParams, verifyGatewaySignature } from '@dvc-kit/sdk';

const params = { vnp_TxnRef: 'pay_1', vnp_Amount: '20000000', vnp_OrderInfo: 'Thanh toan ho so (A*B)', vnp_ResponseCode: '00' };

test('signs the sorted, form-encoded parameters with HMAC-SHA512 (as node:crypto computes it)', async () => {
  const data = gatewaySigningData(params);
  assert.equal(data, 'vnp_Amount=20000000&vnp_OrderInfo=Thanh+toan+ho+so+%28A%2AB%29&vnp_ResponseCode=00&vnp_TxnRef=pay_1');
  const expected = createHmac('sha512', 'secret').update(data).digest('hex');
  assert.equal(await signGatewayParams(params, 'secret'), expected);
});

test('verifies a valid signature, in either hex case, ignoring the hash parameters themselves', async () => {
  const hash = await signGatewayParams(params, 'secret');
  assert.equal(await verifyGatewaySignature({ ...params, vnp_SecureHash: hash }, 'secret'), true);
  assert.equal(await verifyGatewaySignature({ ...params, vnp_SecureHash: hash.toUpperCase(), vnp_SecureHashType: 'HmacSHA512' }, 'secret'), true);
});

test('refuses a tampered amount, a wrong secret, a missing or malformed hash', async () => {
  const hash = await signGatewayParams(params, 'secret');
  assert.equal(await verifyGatewaySignature({ ...params, vnp_Amount: '100', vnp_SecureHash: hash }, 'secret'), false);
  assert.equal(await verifyGatewaySignature({ ...params, vnp_SecureHash: hash }, 'other'), false);
  assert.equal(await verifyGatewaySignature(params, 'secret'), false);
  assert.equal(await verifyGatewaySignature({ ...params, vnp_SecureHash: 'zz' + hash.slice(2) }, 'secret'), false);
  assert.equal(await verifyGatewaySignature({ ...params, vnp_SecureHash: hash.slice(0, 64) }, 'secret'), false);
});

test('an empty secret is a programming error', async () => {
  await assert.rejects(signGatewayParams(params, ''), TypeError);
});
