import type { components } from '@dvc-kit/sdk';
import type { GatewayName, PaymentGateway } from './gateway.ts';
import { METHOD_GATEWAYS } from './gateway.ts';
import type { GatewaySettings } from './settings.ts';
import { VnpayGateway } from './vnpay-gateway.ts';
import { MomoGateway } from './momo-gateway.ts';
import { PAYMENT_METHODS } from '../methods.ts';

/** The server's routes for the gateways' notifications, under the API root. */
export const NOTIFICATION_PATHS: Readonly<Record<GatewayName, string>> = {
  vnpay: '/payments/gateways/vnpay/ipn',
  momo: '/payments/gateways/momo/ipn',
};

/** The gateways this deployment is configured for, and the payment methods they offer. */
export class PaymentGateways {
  readonly vnpay: VnpayGateway | undefined;
  readonly momo: MomoGateway | undefined;

  constructor(settings: GatewaySettings, publicApiUrl: string, fetchImpl: typeof fetch = fetch) {
    this.vnpay = settings.vnpay && new VnpayGateway(settings.vnpay, fetchImpl);
    this.momo = settings.momo && new MomoGateway(settings.momo, `${publicApiUrl}${NOTIFICATION_PATHS.momo}`, fetchImpl);
  }

  get(name: string | null): PaymentGateway | undefined {
    if (name === 'vnpay') return this.vnpay;
    if (name === 'momo') return this.momo;
    return undefined;
  }

  /** The names of the gateways configured. */
  get names(): GatewayName[] {
    return (Object.keys(NOTIFICATION_PATHS) as GatewayName[]).filter((name) => this.get(name) !== undefined);
  }

  /** The methods a payer can choose here: those whose gateway is configured, in the usual order. */
  get methods(): components['schemas']['PaymentMethod'][] {
    return PAYMENT_METHODS.filter((method) => this.get(METHOD_GATEWAYS[method.id] ?? null) !== undefined);
  }

  /**
   * The methods that can take `total` VND in one payment (MoMo's wallet stops at 50 million, VNPay
   * at 9,999,999,999): a larger amount is paid at the one-stop desk, not sent to a gateway that
   * refuses it.
   */
  methodsFor(total: number): components['schemas']['PaymentMethod'][] {
    return this.methods.filter((method) => {
      const { min, max } = this.get(METHOD_GATEWAYS[method.id] ?? null)!.amounts;
      return total >= min && total <= max;
    });
  }
}
