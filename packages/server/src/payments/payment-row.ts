/** A payment's row as stored, and the view of it a gateway gets. */
import type { components } from '@dvc-kit/sdk';
import type { Queryable } from '../storage/storage.ts';
import type { GatewayOrder } from './gateways/gateway.ts';

/** A payment as stored. Timestamps are ISO-8601 UTC text. */
export interface PaymentRow {
  id: string;
  dossier_code: string;
  state: components['schemas']['PaymentState'];
  lines: string;
  total: number;
  method: string;
  return_url: string;
  created_at: string;
  paid_at: string | null;
  failure_code: string | null;
  /** The gateway's transaction number once it settled the payment. */
  gateway_transaction: string | null;
  /** JSON: how the payment was settled (which gateway message, when), for the agency's records. */
  gateway_outcome: string | null;
  gateway: string | null;
  gateway_url: string | null;
  expires_at: string | null;
  checked_at: string | null;
}

export function findPayment(db: Queryable, id: string): Promise<PaymentRow | undefined> {
  return db.one<PaymentRow>('SELECT * FROM payments WHERE id = ?', [id]);
}

/** The payment as its gateway sees it. */
export function orderOf(row: PaymentRow): GatewayOrder {
  return {
    id: row.id,
    amountVnd: row.total,
    dossierCode: row.dossier_code,
    returnUrl: row.return_url,
    createdAt: new Date(row.created_at),
    expiresAt: new Date(row.expires_at ?? row.created_at),
  };
}

/**
 * The SQL condition that keeps payments of a gateway configured here, and its parameters: one
 * removed since cannot be asked about. With none configured, it keeps none.
 */
export function ofConfiguredGateway(gateways: readonly string[]): { sql: string; params: string[] } {
  if (gateways.length === 0) return { sql: '1 = 0', params: [] };
  return { sql: `gateway IN (${gateways.map(() => '?').join(', ')})`, params: [...gateways] };
}
