/**
 * What the server asks of a payment gateway, whichever it is: start a payment (the address to send
 * the payer to) and say where a payment stands (the status query). Each gateway's server
 * notification (IPN) has its own route and answer (`notifications.ts`); what it decides is the same
 * {@link GatewayVerdict}.
 */

export type GatewayName = 'vnpay' | 'momo';

/** A payment as a gateway sees it. */
export interface GatewayOrder {
  /** The payment id: VNPay's vnp_TxnRef, MoMo's orderId. */
  id: string;
  /** Whole VND. */
  amountVnd: number;
  dossierCode: string;
  /** Where the payer's browser comes back. */
  returnUrl: string;
  createdAt: Date;
  /** After this the gateway takes no payment for the order. */
  expiresAt: Date;
}

/** What only the payer's request knows. */
export interface PayerContext {
  locale: 'vi' | 'en';
  /** The payer's IP address, as VNPay asks for it. */
  ipAddress: string;
}

/**
 * Where a payment stands at the gateway. `paid`, `failed` and `cancelled` are final; `code` is the
 * failure in VNPay's response-code vocabulary, which the widgets explain to the payer (`24`
 * cancelled, `51` not enough money, `11` expired, …), whichever gateway said it.
 */
export type GatewayVerdict =
  | { state: 'paid'; transactionNo: string; detail: string }
  | { state: 'failed' | 'cancelled'; code: string; transactionNo: string; detail: string }
  /** Not final yet, or the gateway has no such payment (the payer never reached it). */
  | { state: 'pending'; known: boolean; detail: string };

/** A verdict that settles the payment. */
export type FinalVerdict = Exclude<GatewayVerdict, { state: 'pending' }>;

export interface PaymentGateway {
  readonly name: GatewayName;
  /** The amounts, in VND, it takes in one payment: a method is offered only for a total within them. */
  readonly amounts: { min: number; max: number };
  /** How long the gateway keeps a payment open when it decides that itself (else the server's setting). */
  readonly payWindowMs?: number;
  /**
   * The address to send the payer to. VNPay's is signed here; MoMo's comes from MoMo's create API.
   * Throws when the gateway cannot be reached or refuses the order.
   */
  start(order: GatewayOrder, payer: PayerContext): Promise<string>;
  /** Asks the gateway where the payment stands. Throws when it cannot be asked or its answer cannot be trusted. */
  query(order: GatewayOrder, now: Date): Promise<GatewayVerdict>;
}

/** The gateway a payment method goes to. */
export const METHOD_GATEWAYS: Readonly<Record<string, GatewayName>> = {
  'bank-qr': 'vnpay',
  'e-wallet': 'momo',
};

/** How long a gateway answer may take before the server gives up on it (MoMo asks for at least 30 s). */
export const GATEWAY_TIMEOUT_MS = 30_000;
