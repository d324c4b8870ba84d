import type { components } from '@dvc-kit/sdk';

/** The payment methods the simulated gateway offers (as PayGov's intermediaries do). */
export const PAYMENT_METHODS: components['schemas']['PaymentMethod'][] = [
  { id: 'bank-qr', name: { vi: 'Thẻ ATM / Mã QR ngân hàng', en: 'Bank card / bank QR code' } },
  { id: 'e-wallet', name: { vi: 'Ví điện tử', en: 'E-wallet' } },
];
