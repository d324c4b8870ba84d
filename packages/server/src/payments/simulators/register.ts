import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../../context.ts';
import { sandboxGatewaySettings } from '../gateways/settings.ts';
import { registerVnpaySimulator } from './vnpay-simulator.ts';
import { registerMomoSimulator } from './momo-simulator.ts';

/**
 * The sandbox's simulated gateways, under `/_sandbox/vnpay/` and `/_sandbox/momo/`: not part of
 * the contract (they stand for VNPay's and MoMo's own APIs), served only with the test controls.
 */
export function registerGatewaySimulators(app: FastifyInstance, ctx: ServerContext, prefix: string): void {
  // The simulated payment pages post plain HTML forms.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });
  const merchant = sandboxGatewaySettings(ctx.publicApiUrl);
  registerVnpaySimulator(app, ctx, prefix, merchant.vnpay);
  registerMomoSimulator(app, ctx, prefix, merchant.momo);
}
