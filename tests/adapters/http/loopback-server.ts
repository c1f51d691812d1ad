import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A node:http server on 127.0.0.1 with a free port; close() also drops open sockets. */
export interface LoopbackServer {
  server: Server;
  port: number;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Every request seen, in order of arrival. */
  requests: IncomingMessage[];
  close(): Promise<void>;
}

/** Start a loopback server answering with `handler`. */
export async function startServer(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<LoopbackServer> {
  const requests: IncomingMessage[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    requests.push(req);
    handler(req, res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * A server that redirects `/?to=URL` to URL (with "PORT" replaced by its own port) and
 * answers anything else with 200 "inside": the target of the SSRF tests.
 */
export async function startRedirectServer(): Promise<LoopbackServer> {
  const server: LoopbackServer = await startServer((req, res) => {
    const target = new URL(req.url ?? '/', 'http://x').searchParams.get('to');
    if (target) res.writeHead(302, { location: target.replace('PORT', String(server.port)) }).end();
    else res.writeHead(200, { 'content-type': 'text/plain' }).end('inside');
  });
  return server;
}
