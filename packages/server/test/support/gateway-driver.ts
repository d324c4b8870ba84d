import type { ScenarioName } from '../../src/payments/simulators/scenarios.ts';

function decode(html: string): string {
  return html.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))).replaceAll('&amp;', '&');
}

/**
 * What a payer does on a simulated gateway (VNPay's or MoMo's page): open the address the payment
 * gave, press a scenario's button. Returns the gateway's answer unfollowed: a 303 back to the
 * portal with the gateway's parameters, or a page (return lost, refused).
 */
export async function payAtGateway(redirectUrl: string, scenario: ScenarioName): Promise<Response> {
  const page = await fetch(redirectUrl);
  const html = await page.text();
  if (page.status !== 200) throw new Error(`gateway page ${page.status}: ${html.slice(0, 300)}`);
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  const token = /name="token" value="([^"]+)"/.exec(html)?.[1];
  if (!action || !token) throw new Error('the gateway page has no payment form');
  return fetch(new URL(decode(action), redirectUrl), {
    method: 'POST', redirect: 'manual', body: new URLSearchParams({ token: decode(token), scenario }),
  });
}
