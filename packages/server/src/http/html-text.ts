/** Text written into the server's HTML pages (receipts, the simulated gateways) as text, never as markup. */
export function text(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
