// Importing this module registers <dvc-payment>.
import { defineElement } from '../shared/define.ts';
import { DvcPayment } from './payment.ts';

defineElement('dvc-payment', DvcPayment);

export { DvcPayment };
export type { DvcPaymentStartedEventDetail, DvcPaymentSucceededEventDetail, DvcPaymentFailedEventDetail } from './events.ts';
