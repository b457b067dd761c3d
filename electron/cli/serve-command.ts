// `greenlight serve [dir...] [--port N] [--open]`: the desk in a browser, on loopback only.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Desk } from '../core/desk';
import { browserHostHandlers, createDeskApi } from '../core/api/desk-api';
import { startServer } from '../server/http-server';
import { parseArgs, UsageError } from './parse-args';

export const SERVE_USAGE = 'usage: greenlight serve [dir...] [--port N] [--open]';

export async function serveCommand(argv: string[], out: (s: string) => void, rendererDir: string): Promise<number> {
  const { positionals, flags } = parseArgs(argv, { port: 'value', open: 'bool', help: 'bool', polling: 'bool' });
  if (flags.help) {
    out(SERVE_USAGE);
    return 0;
  }
  const port = flags.port === undefined ? 0 : Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535`);
  if (!existsSync(path.join(rendererDir, 'index.html'))) throw new Error(`renderer not built at ${rendererDir}; run npm run build`);
  const desk = new Desk({ mode: 'browser', watch: true, polling: !!flags.polling });
  const handlers = createDeskApi(desk, browserHostHandlers);
  const server = await startServer({ desk, handlers, rendererDir, port });
  for (const d of positionals) {
    try {
      await desk.addRoot(d);
    } catch (e) {
      out(`greenlight: ${(e as Error).message}`);
    }
  }
  out(`Greenlight is serving ${positionals.length ? positionals.join(', ') : 'no folders'} at`);
  out(server.url);
  if (flags.open) openBrowser(server.url);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  await desk.close();
  return 0;
}

function openBrowser(url: string) {
  const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'cmd' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  try {
    spawn(cmd, args, { stdio: 'ignore', detached: true }).on('error', () => {}).unref();
  } catch {
    /* no browser opener: the URL is printed */
  }
}
