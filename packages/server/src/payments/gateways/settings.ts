/**
 * Which payment gateways a deployment uses, with their merchant credentials, read from the
 * environment only: a secret never sits in a file the server reads or in a command line. The
 * sandbox uses its own simulators with public credentials, which production refuses.
 */
import type { Environment } from '../../environment.ts';
import { readVariable } from '../../environment.ts';

/** A VNPay 2.1 merchant: the terminal code and hash secret VNPay issued, and VNPay's two addresses. */
export interface VnpaySettings {
  /** `vnp_TmnCode`, 8 letters or digits. */
  tmnCode: string;
  /** `vnp_HashSecret`. */
  hashSecret: string;
  /** The payment page, e.g. `https://sandbox.vnpayment.vn/paymentv2/vpcpay.html`. */
  paymentUrl: string;
  /** The status query API, e.g. `https://sandbox.vnpayment.vn/merchant_webapi/api/transaction`. */
  queryUrl: string;
}

/** A MoMo v3 merchant: the codes and key MoMo issued, and MoMo's host. */
export interface MomoSettings {
  partnerCode: string;
  accessKey: string;
  secretKey: string;
  /** The API host, e.g. `https://test-payment.momo.vn` or `https://payment.momo.vn` (no path). */
  endpoint: string;
}

export interface GatewaySettings {
  vnpay?: VnpaySettings;
  momo?: MomoSettings;
}

const VNPAY_VARIABLES = {
  tmnCode: 'DVC_VNPAY_TMN_CODE',
  hashSecret: 'DVC_VNPAY_HASH_SECRET',
  paymentUrl: 'DVC_VNPAY_PAYMENT_URL',
  queryUrl: 'DVC_VNPAY_QUERY_URL',
} as const satisfies Record<keyof VnpaySettings, string>;

const MOMO_VARIABLES = {
  partnerCode: 'DVC_MOMO_PARTNER_CODE',
  accessKey: 'DVC_MOMO_ACCESS_KEY',
  secretKey: 'DVC_MOMO_SECRET_KEY',
  endpoint: 'DVC_MOMO_ENDPOINT',
} as const satisfies Record<keyof MomoSettings, string>;

/** The sandbox simulators' merchant: public, so production refuses these values. */
export const SANDBOX_MERCHANT = {
  vnpay: { tmnCode: 'DVCSBX01', hashSecret: 'dvc-sandbox-vnpay-hash-secret' },
  momo: { partnerCode: 'DVCSANDBOX', accessKey: 'dvc-sandbox-momo-access', secretKey: 'dvc-sandbox-momo-secret-key' },
} as const;

/** The sandbox's simulated VNPay and MoMo, served by this server under `/_sandbox/`. */
export function sandboxGatewaySettings(publicApiUrl: string): Required<GatewaySettings> {
  return {
    vnpay: {
      ...SANDBOX_MERCHANT.vnpay,
      paymentUrl: `${publicApiUrl}/_sandbox/vnpay/paymentv2/vpcpay.html`,
      queryUrl: `${publicApiUrl}/_sandbox/vnpay/merchant_webapi/api/transaction`,
    },
    momo: { ...SANDBOX_MERCHANT.momo, endpoint: `${publicApiUrl}/_sandbox/momo` },
  };
}

/**
 * One gateway's settings when all its variables are set, nothing when none is, and a problem
 * naming the missing ones when only some are (half a configuration is a mistake, not a choice).
 */
function gatewayFrom<T extends object>(env: Environment, variables: Record<keyof T, string>, name: string, problems: string[]): T | undefined {
  const entries = Object.entries(variables) as [keyof T, string][];
  const values = entries.map(([key, variable]) => [key, readVariable(env, variable)?.trim()] as const);
  const missing = entries.filter((_, i) => values[i]![1] === undefined).map(([, variable]) => variable);
  if (missing.length === entries.length) return undefined;
  if (missing.length > 0) {
    problems.push(`${name} is half configured: set ${missing.join(', ')} too (or none of its variables).`);
    return undefined;
  }
  return Object.fromEntries(values) as T;
}

/** The gateways the environment configures; problems in words an operator can act on. */
export function gatewaySettingsFromEnvironment(env: Environment, problems: string[]): GatewaySettings {
  const settings: GatewaySettings = {};
  const vnpay = gatewayFrom<VnpaySettings>(env, VNPAY_VARIABLES, 'VNPay', problems);
  if (vnpay) settings.vnpay = vnpay;
  const momo = gatewayFrom<MomoSettings>(env, MOMO_VARIABLES, 'MoMo', problems);
  if (momo) settings.momo = momo.endpoint.endsWith('/') ? { ...momo, endpoint: momo.endpoint.replace(/\/+$/, '') } : momo;
  return settings;
}

/**
 * What stops a production server from taking payments through these gateways: sandbox
 * credentials, a short secret, a malformed terminal code, an address that is not https.
 */
export function gatewayProductionProblems(settings: GatewaySettings): string[] {
  const problems: string[] = [];
  const https = (value: string, variable: string) => {
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch { /* reported below */ }
    if (url?.protocol !== 'https:') problems.push(`${variable} must be an https address, not "${value}".`);
  };
  if (settings.vnpay) {
    const { tmnCode, hashSecret, paymentUrl, queryUrl } = settings.vnpay;
    if (!/^[A-Za-z0-9]{8}$/.test(tmnCode)) problems.push(`${VNPAY_VARIABLES.tmnCode} must be the 8 letters or digits VNPay issued.`);
    if (tmnCode === SANDBOX_MERCHANT.vnpay.tmnCode || hashSecret === SANDBOX_MERCHANT.vnpay.hashSecret) {
      problems.push('VNPay: the sandbox simulator\'s credentials cannot be used in production.');
    }
    if (hashSecret.length < 16) problems.push(`${VNPAY_VARIABLES.hashSecret} looks too short to be the secret VNPay issued.`);
    https(paymentUrl, VNPAY_VARIABLES.paymentUrl);
    https(queryUrl, VNPAY_VARIABLES.queryUrl);
  }
  if (settings.momo) {
    const { partnerCode, accessKey, secretKey, endpoint } = settings.momo;
    if (partnerCode === SANDBOX_MERCHANT.momo.partnerCode || accessKey === SANDBOX_MERCHANT.momo.accessKey
      || secretKey === SANDBOX_MERCHANT.momo.secretKey) {
      problems.push('MoMo: the sandbox simulator\'s credentials cannot be used in production.');
    }
    if (secretKey.length < 16) problems.push(`${MOMO_VARIABLES.secretKey} looks too short to be the secret key MoMo issued.`);
    https(endpoint, MOMO_VARIABLES.endpoint);
  }
  return problems;
}
