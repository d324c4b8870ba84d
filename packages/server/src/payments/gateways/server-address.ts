import { networkInterfaces } from 'node:os';

let address: string | undefined;

/**
 * This machine's IP address, which VNPay's status query asks for (`vnp_IpAddr` of the server):
 * the first external IPv4 address, else the loopback address.
 */
export function serverAddress(): string {
  address ??= Object.values(networkInterfaces()).flat()
    .find((entry) => entry !== undefined && entry.family === 'IPv4' && !entry.internal)?.address ?? '127.0.0.1';
  return address;
}
