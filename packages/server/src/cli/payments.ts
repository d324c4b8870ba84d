/** `dvc-server payments reconcile`: asks the gateways about payments left pending, and settles them. */
import { createServer } from '../app.ts';
import { DEFAULT_RECONCILE_AFTER_MS } from '../config.ts';
import { reconcilePayments } from '../payments/reconcile.ts';
import { DATABASE_HELP, DATABASE_OPTIONS, EXIT, EXIT_HELP, parseCommandLine, UsageError } from './command.ts';
import type { Command } from './command.ts';
import { databaseSettings } from './database.ts';

const OPTIONS = {
  ...DATABASE_OPTIONS,
  'older-than': { type: 'string' },
  limit: { type: 'string' },
} as const;

const HELP = `dvc-server payments — the payments gateways left open

Usage: dvc-server payments reconcile [--older-than MINUTES] [--limit N] [options]

reconcile: for each payment still pending some minutes after it was opened, asks its gateway
(VNPay's status query, MoMo's query) where it stands and settles it: paid (with its e-receipts,
issued once whichever way the payment is settled), failed, cancelled, or closed as expired once
its pay window has passed. A payment whose notification was lost is paid this way. A payment
closed here when its amount changed is asked about once its window has closed: one the payer paid
at the gateway all the same is marked to refund (the payment report counts it). The server
does the same every DVC_RECONCILE_EVERY_MINUTES; run this from cron when that is 0, or after an
outage. Safe to run beside the servers and from several machines: they take turns.

Prints what it did, and on standard error why a gateway could not be asked; exits with status 1
when one could not (it is asked again on the next run) or is no longer configured.

Options (each with its environment variable):
${DATABASE_HELP}
  --older-than MINUTES
                  DVC_RECONCILE_AFTER_MINUTES. Only payments opened at least this long ago.
                  Default: 20.
  --limit N       At most N payments, oldest first. Default: 500.
  -h, --help      This help.

Environment variables: the gateways' (DVC_VNPAY_*, DVC_MOMO_*; see "dvc-server help serve").
In sandbox mode the simulated gateways are asked at DVC_PUBLIC_API_URL: the sandbox must run.

Examples:
  DVC_MODE=production DATABASE_URL=postgres://dvc:secret@db.internal/dvc DVC_VNPAY_TMN_CODE=… … \\
    dvc-server payments reconcile
  dvc-server payments reconcile --older-than 0 --db .data/sandbox.db

${EXIT_HELP}`;

function wholeNumber(text: string, option: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0) throw new UsageError('payments', `--${option} must be a whole number, not "${text}".`);
  return value;
}

export const payments: Command = {
  name: 'payments',
  summary: 'payments reconcile: settle payments whose gateway answer was lost',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandLine('payments', args, OPTIONS, 1);
    if (positionals[0] !== 'reconcile') {
      throw new UsageError('payments', positionals[0] === undefined ? 'payments needs a subcommand: reconcile.' : `unknown subcommand "${positionals[0]}": reconcile.`);
    }
    // The command line is checked before the database is looked for: a wrong one is status 2.
    const olderThanMinutes = values['older-than'] === undefined ? undefined : wholeNumber(values['older-than'], 'older-than');
    const limit = values.limit === undefined ? undefined : wholeNumber(values.limit, 'limit');
    const settings = databaseSettings(io, values);
    const olderThanMs = olderThanMinutes === undefined ? settings.options.reconcileAfterMs ?? DEFAULT_RECONCILE_AFTER_MS : olderThanMinutes * 60_000;
    // The server's own wiring (storage, gateways), without listening and without its timer.
    // Its warnings (a gateway that did not answer, and why) go to standard error as JSON lines.
    const stderr = { write: (line: string) => { io.err(line.trimEnd()); return true; } } as unknown as NodeJS.WritableStream;
    const server = await createServer({ ...settings.options, logger: { level: 'warn', stream: stderr }, reconcileEveryMs: 0, recordsSecrets: false });
    try {
      if (!server.context.gateways.vnpay && !server.context.gateways.momo) {
        io.err('No payment gateway is configured (DVC_VNPAY_* or DVC_MOMO_*): there is nothing to reconcile.');
        return EXIT.config;
      }
      const summary = await reconcilePayments(server.context, { olderThanMs, ...(limit === undefined ? {} : { limit }) });
      io.out(`${summary.checked} pending payment${summary.checked === 1 ? '' : 's'} checked: ${summary.settled} settled, `
        + `${summary.stillPending} still pending, ${summary.unanswered} unanswered`
        + `${summary.noGateway > 0 ? `, ${summary.noGateway} of a gateway no longer configured` : ''}.`);
      if (summary.closedChecked + summary.closedUnanswered > 0) {
        io.out(`${summary.closedChecked + summary.closedUnanswered} payment${summary.closedChecked + summary.closedUnanswered === 1 ? '' : 's'} closed here checked at the gateway: `
          + `${summary.refundsDue} paid there all the same, to refund${summary.refundsDue > 0 ? ' (see the payment report)' : ''}, ${summary.closedUnanswered} unanswered.`);
      }
      return summary.unanswered + summary.closedUnanswered + summary.noGateway > 0 ? EXIT.failure : EXIT.ok;
    } finally {
      await server.app.close();
    }
  },
};
