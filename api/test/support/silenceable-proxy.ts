import net from 'node:net';

/**
 * A TCP proxy to the server that, while silent, accepts connections but forwards nothing and
 * drops what it receives — the database as a network partition shows it. Connections that lost
 * bytes stay broken after, as they would.
 */
export async function silenceableProxy(target: URL) {
  let silent = false;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      sockets.add(from);
      from.on('data', (chunk) => {
        if (!silent) to.write(chunk);
      });
      from.on('error', () => undefined);
      from.on('close', () => {
        sockets.delete(from);
        to.destroy();
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.address() as net.AddressInfo).port,
    setSilent: (next: boolean) => {
      silent = next;
    },
    close: () => {
      server.close();
      for (const s of sockets) s.destroy();
    },
  };
}
