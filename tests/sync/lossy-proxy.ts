import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface LossyProxy {
  readonly url: string;
  /** The next `count` pushes reach the server, but their answers never reach the workstation. */
  loseNextPushResponses(count: number): void;
  /** The next `count` pushes are sent to the server twice, at once. */
  duplicateNextPushes(count: number): void;
  /** Down: every connection is cut, as when the network between them fails. */
  setDown(down: boolean): void;
  /** While set, file transfers (`/v1/blobs/…`) get a 503 and everything else passes. */
  blockFiles(blocked: boolean): void;
  readonly pushesSeen: number;
  close(): Promise<void>;
}

/**
 * A network between a workstation and the server that misbehaves on request: answers lost after
 * the server committed, requests delivered twice, the link cut. Everything else passes through
 * unchanged, event streams included.
 */
export async function startLossyProxy(target: string): Promise<LossyProxy> {
  const upstream = new URL(target);
  let lose = 0;
  let duplicate = 0;
  let down = false;
  let filesBlocked = false;
  let pushesSeen = 0;
  const sockets = new Set<Socket>();

  const forward = (req: IncomingMessage, body: Buffer): Promise<{ status: number; headers: IncomingMessage['headers']; response: IncomingMessage }> =>
    new Promise((resolve, reject) => {
      const out = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (response) =>
        resolve({ status: response.statusCode ?? 502, headers: response.headers, response }));
      out.on('error', reject);
      out.end(body);
    });

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (down) {
      req.socket.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        const body = Buffer.concat(chunks);
        if (filesBlocked && (req.url?.startsWith('/v1/blobs/') ?? false)) {
          res.writeHead(503, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: { code: 'unavailable', message: 'File transfers blocked by the test network' } }));
          return;
        }
        const isPush = req.url?.startsWith('/v1/sync/push') ?? false;
        if (isPush) pushesSeen += 1;
        try {
          if (isPush && duplicate > 0) {
            duplicate -= 1;
            const [first, second] = await Promise.all([forward(req, body), forward(req, body)]);
            first.response.resume();
            res.writeHead(second.status, second.headers);
            second.response.pipe(res);
            return;
          }
          const answer = await forward(req, body);
          if (isPush && lose > 0) {
            lose -= 1;
            answer.response.resume();
            answer.response.on('end', () => req.socket.destroy());
            return;
          }
          res.writeHead(answer.status, answer.headers);
          answer.response.pipe(res);
        } catch {
          req.socket.destroy();
        }
      })();
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(port)}`,
    loseNextPushResponses: (count) => { lose = count; },
    duplicateNextPushes: (count) => { duplicate = count; },
    setDown(value) {
      down = value;
      if (value) for (const socket of sockets) socket.destroy();
    },
    blockFiles(blocked) {
      filesBlocked = blocked;
    },
    get pushesSeen() {
      return pushesSeen;
    },
    close: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}
