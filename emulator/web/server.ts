/**
 * The local runtime's web app: an HTTP server on the loopback interface that hands each request
 * to the bundle's `doGet` / `doPost` (one execution each, as Google does, on the runtime's
 * virtual clock) and answers with the HtmlOutput's content. Only 127.0.0.1, never another
 * interface; requests are served one at a time (an execution never overlaps another in the
 * runtime), bodies are limited, and `close()` stops it (tests and `npm run serve` on Ctrl-C).
 */
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GasRuntime } from '../runtime';
import { EXEC_PATH, WebAppEvent, WebAppRequest, pathInfoOf, webAppEvent } from './request';

export const MAX_BODY_BYTES = 64 * 1024;

export interface WebAppResponse {
  status: number;
  html: string;
}

interface HtmlOutputLike {
  getContent(): string;
}

function isHtmlOutput(v: unknown): v is HtmlOutputLike {
  return !!v && typeof (v as HtmlOutputLike).getContent === 'function';
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * One request through the web app, without HTTP (the scenario runner's visits use this too):
 * the script's function runs as the owner ("Execute as: Me"), for an anonymous visitor.
 */
export function callWebApp(rt: GasRuntime, req: WebAppRequest): WebAppResponse & { event: WebAppEvent } {
  const event = webAppEvent(req);
  const fn = req.method === 'POST' ? 'doPost' : 'doGet';
  if (!rt.hasFunction(fn)) {
    // Google's own wording when the deployment has no such function.
    return { status: 200, html: `<!DOCTYPE html><title>Error</title><p>Script function not found: ${fn}</p>`, event };
  }
  try {
    const value = rt.call(fn, [event], { user: rt.env.owner });
    if (!isHtmlOutput(value)) {
      return {
        status: 200,
        html: '<!DOCTYPE html><title>Error</title><p>The script completed but did not return anything.</p>',
        event,
      };
    }
    return { status: 200, html: value.getContent(), event };
  } catch (e) {
    return {
      status: 500,
      html: `<!DOCTYPE html><title>Error</title><p>${escape(String((e as Error)?.message ?? e))}</p>`,
      event,
    };
  }
}

export interface WebAppServer {
  /** The deployment URL, `http://127.0.0.1:<port>/exec`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        resolveBody(null);
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html, 'utf8'),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(html);
}

/**
 * Serves the runtime returned by `runtime()` (null: 503, e.g. while a scenario is still running)
 * on 127.0.0.1:`port` (0 = any free port).
 */
export function serveWebApp(runtime: () => GasRuntime | null, options: { port?: number } = {}): Promise<WebAppServer> {
  let busy: Promise<void> = Promise.resolve();
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = req.url ?? '/';
    const path = url.split('?')[0];
    if (path === '/' || path === '') {
      res.writeHead(302, { Location: EXEC_PATH });
      res.end();
      return;
    }
    if (pathInfoOf(path) === null) return send(res, 404, '<!DOCTYPE html><title>404</title><p>Not Found</p>');
    if (req.method !== 'GET' && req.method !== 'POST') {
      res.writeHead(405, { Allow: 'GET, POST' });
      res.end();
      return;
    }
    const body = req.method === 'POST' ? await readBody(req) : '';
    if (body === null) return send(res, 413, '<!DOCTYPE html><title>413</title><p>Payload Too Large</p>');
    const rt = runtime();
    if (!rt) return send(res, 503, '<!DOCTYPE html><title>503</title><p>Runtime not ready</p>');
    const out = callWebApp(rt, { method: req.method, url, contentType: req.headers['content-type'], body });
    send(res, out.status, out.html);
  };
  const server: Server = createServer((req, res) => {
    // One execution at a time, in arrival order.
    busy = busy
      .then(() => handle(req, res))
      .catch((e) => {
        if (!res.headersSent) send(res, 500, `<!DOCTYPE html><title>500</title><p>${escape(String(e))}</p>`);
      });
  });
  server.keepAliveTimeout = 1000;
  return new Promise((resolveServer, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      resolveServer({
        url: `http://127.0.0.1:${port}${EXEC_PATH}`,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
  });
}
