// A free TCP port for a test's server: the one helper the repository's tests, journeys and scripts share.
import { createServer } from 'node:net';

/** A TCP port nobody listens on now on the loopback interface (the system picks it; it may be taken again later). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
