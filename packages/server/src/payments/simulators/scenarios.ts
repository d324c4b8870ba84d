/**
 * What a tester can make a simulated gateway do, the same for VNPay and MoMo: each way a real
 * payment goes, or goes wrong, between the payer, the gateway and this server.
 */

/** What the payer's bank or wallet did. */
export type PaymentResult = 'paid' | 'insufficient-funds' | 'cancelled';

/**
 * How the notification (IPN) goes: sent once, sent late (after the payer is back), not at all,
 * twice, after a forged one, or with an amount that is not the order's.
 */
export type NotificationPlan = 'once' | 'late' | 'lost' | 'twice' | 'forged-first' | 'wrong-amount';

export interface Scenario {
  label: string;
  result: PaymentResult;
  notification: NotificationPlan;
  /** Whether the payer's browser is sent back to the return address. */
  returns: boolean;
}

export const SCENARIOS = {
  success: { label: 'Thanh toán thành công (success)', result: 'paid', notification: 'once', returns: true },
  'return-first': { label: 'Thành công, người dùng quay lại trước khi có thông báo IPN (success, IPN after return)', result: 'paid', notification: 'late', returns: true },
  failure: { label: 'Thất bại: tài khoản không đủ số dư (failure)', result: 'insufficient-funds', notification: 'once', returns: true },
  cancel: { label: 'Người thanh toán hủy (cancel)', result: 'cancelled', notification: 'once', returns: true },
  'ipn-lost': { label: 'Đã trả tiền, thông báo IPN bị mất (paid, IPN lost)', result: 'paid', notification: 'lost', returns: true },
  'return-lost': { label: 'Đã trả tiền nhưng mất kết nối khi quay lại (paid, return lost)', result: 'paid', notification: 'once', returns: false },
  'ipn-repeated': { label: 'Thành công, IPN gửi hai lần (success, IPN repeated)', result: 'paid', notification: 'twice', returns: true },
  'ipn-forged': { label: 'Hủy, kèm một IPN giả mạo báo đã trả (cancel, with a forged "paid" IPN)', result: 'cancelled', notification: 'forged-first', returns: true },
  'amount-tampered': { label: 'IPN báo số tiền khác đơn hàng (IPN with a tampered amount)', result: 'paid', notification: 'wrong-amount', returns: true },
} as const satisfies Record<string, Scenario>;

export type ScenarioName = keyof typeof SCENARIOS;

export function scenarioNamed(name: unknown): Scenario | undefined {
  return typeof name === 'string' && Object.hasOwn(SCENARIOS, name) ? SCENARIOS[name as ScenarioName] : undefined;
}

/** The scenario buttons of a simulated payment page. */
export function scenarioButtons(escape: (value: string) => string): string {
  return (Object.entries(SCENARIOS) as [ScenarioName, Scenario][])
    .map(([name, scenario]) => `<button type="submit" name="scenario" value="${name}">${escape(scenario.label)}</button>`).join('');
}

/** How long a "late" notification waits after the payer is sent back. */
export const LATE_NOTIFICATION_MS = 1_500;
/** The amount a "wrong amount" notification claims: 1,000 VND short. */
export const TAMPER_VND = 1_000;

/**
 * Sends the notifications a scenario plans, for either gateway: `genuine` is the gateway's signed
 * message, `forged` a claim that the order was paid, signed with the wrong key.
 */
export async function notifyAsPlanned<T>(scenario: Scenario, genuine: T, forged: T, notify: (message: T) => Promise<void>): Promise<void> {
  switch (scenario.notification) {
    case 'lost':
      return;
    case 'late':
      setTimeout(() => void notify(genuine), LATE_NOTIFICATION_MS).unref();
      return;
    case 'twice':
      await notify(genuine);
      await notify(genuine);
      return;
    case 'forged-first':
      await notify(forged);
      await notify(genuine);
      return;
    default:
      await notify(genuine);
  }
}
