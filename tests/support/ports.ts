// Free ports on loopback, for tests that start servers which cannot report the port they took.
// Kept apart from api.ts so that suites which never start the API in-process (deploy) load nothing else.
import net from 'node:net';

/**
 * A port nothing listens on right now, for a test that needs a server to be absent (an SMTP
 * outage) or a spawned binary (which cannot report a port it picked). Another process may take
 * it before it is used; servers the tests start themselves listen on port 0 instead.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as net.AddressInfo;
      server.close(() => resolve(address.port));
    });
  });
}

/** Whether something accepts connections on a loopback port now. */
export function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
