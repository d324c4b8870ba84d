/** A TCP port nobody listens on now on the loopback interface (the system picks it; it may be taken again later). */
export function freePort(): Promise<number>;
