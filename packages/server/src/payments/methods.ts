import type { components } from '@dvc-kit/sdk';

/**
 * Every payment method the kit knows, in the order a payer is offered them; a deployment offers
 * those whose gateway it configures (see gateways/gateway.ts METHOD_GATEWAYS). The e-wallet is
 * MoMo's, named so: a payer looks for the wallet they have, not for the word "e-wallet".
 */
export const PAYMENT_METHODS: components['schemas']['PaymentMethod'][] = [
  { id: 'bank-qr', name: { vi: 'Thẻ ATM / Mã QR ngân hàng', en: 'Bank card / bank QR code' } },
  { id: 'e-wallet', name: { vi: 'Ví điện tử MoMo', en: 'MoMo e-wallet' } },
];
