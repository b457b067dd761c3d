// A minimal client of `greenlight serve` for the benchmark: API calls with the bearer token and
// an SSE reader that hands each `data:` frame to a listener as soon as it is complete.
import http from 'node:http';

export function makeClient({ port, token }) {
  const host = `127.0.0.1:${port}`;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  function call(channel, args = []) {
    const body = JSON.stringify({ args });
    return new Promise((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port, path: `/api/${channel}`, method: 'POST', agent, headers: { host, 'content-type': 'application/json', authorization: `Bearer ${token}`, 'content-length': Buffer.byteLength(body) } },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => {
            let parsed;
            try {
              parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            } catch {
              return reject(new Error(`${channel}: HTTP ${res.statusCode}, body is not JSON`));
            }
            if (res.statusCode !== 200) return reject(new Error(`${channel}: HTTP ${res.statusCode}: ${parsed.error}`));
            resolve(parsed.result);
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  /** Opens the live stream; resolves once connected. `onFrame(event, receivedAt)` gets parsed events. */
  function events(onFrame) {
    return new Promise((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port, path: `/api/events?token=${encodeURIComponent(token)}`, headers: { host, accept: 'text/event-stream' } }, (res) => {
        if (res.statusCode !== 200) return reject(new Error(`events: HTTP ${res.statusCode}`));
        let buf = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          buf += chunk;
          let end;
          while ((end = buf.indexOf('\n\n')) >= 0) {
            const frame = buf.slice(0, end);
            buf = buf.slice(end + 2);
            const receivedAt = performance.now();
            const data = frame
              .split('\n')
              .filter((l) => l.startsWith('data: '))
              .map((l) => l.slice(6))
              .join('\n');
            if (data) onFrame(JSON.parse(data), receivedAt);
          }
        });
        resolve({ close: () => req.destroy() });
      });
      req.on('error', reject);
    });
  }

  return { call, events, close: () => agent.destroy() };
}

export function percentile(values, p) {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}
