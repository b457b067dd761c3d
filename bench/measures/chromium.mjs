// Renderer speed in Debian's Chromium, from the marks the renderer sets itself:
//   inbox: `greenlight:inbox-rendered`, measured from navigation start (a fresh page each time),
//          and the page's first contentful paint beside it;
//   chart: `greenlight:chart-start` → `greenlight:chart-rendered` on the run's iterations tab.
// Each is loaded several times; the first load and the median are reported.
import { chromium } from 'playwright-core';
import { percentile } from './http-client.mjs';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export async function withBrowser(fn) {
  const browser = await chromium.launch({ executablePath: process.env.GREENLIGHT_CHROMIUM ?? '/usr/bin/chromium', args: ARGS, headless: true });
  try {
    return await fn(browser);
  } finally {
    await browser.close();
  }
}

async function load(browser, url, waitFor, { paint = false, timeoutMs = 60000 } = {}) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'commit' });
    // One call that settles once every mark is in (a buffered observer sees those set before it),
    // rather than polling: a poll every few milliseconds is script the measured page has to run.
    return await page.evaluate(
      ({ names, paint, timeoutMs }) =>
        new Promise((resolve, reject) => {
          const fcp = () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
          const observers = [];
          const timer = setTimeout(() => {
            observers.forEach((o) => o.disconnect());
            reject(new Error(`no ${[...names, ...(paint ? ['first-contentful-paint'] : [])].join(', ')} after ${timeoutMs} ms`));
          }, timeoutMs);
          const check = () => {
            if (!names.every((n) => performance.getEntriesByName(n, 'mark').length > 0) || (paint && fcp() === undefined)) return;
            clearTimeout(timer);
            observers.forEach((o) => o.disconnect());
            resolve({ marks: Object.fromEntries(names.map((n) => [n, performance.getEntriesByName(n, 'mark').map((m) => m.startTime)])), fcp: fcp() });
          };
          for (const type of paint ? ['mark', 'paint'] : ['mark']) {
            const o = new PerformanceObserver(check);
            o.observe({ type, buffered: true });
            observers.push(o);
          }
          check();
        }),
      { names: waitFor, paint, timeoutMs },
    );
  } finally {
    await context.close();
  }
}

function summary(values) {
  return { first: values[0], p50: percentile(values, 50), max: Math.max(...values), samples: values.length };
}

export async function measureInbox(browser, { port, token, loads = 5 }) {
  const url = `http://127.0.0.1:${port}/?token=${token}#/inbox`;
  const times = [];
  const paints = [];
  for (let i = 0; i < loads; i++) {
    const { marks, fcp } = await load(browser, url, ['greenlight:inbox-rendered'], { paint: true });
    times.push(marks['greenlight:inbox-rendered'][0]);
    paints.push(fcp);
  }
  // Beside the mark (React's first render with rows, its effects run): when Chromium first showed
  // anything of the page, which for the inbox is those rows (nothing is drawn before them).
  return { ...summary(times), firstPaint: summary(paints) };
}

export async function measureChart(browser, { port, token, runId, loads = 5 }) {
  const url = `http://127.0.0.1:${port}/?token=${token}#/runs/${encodeURIComponent(runId)}?tab=iterations`;
  const times = [];
  for (let i = 0; i < loads; i++) {
    const { marks } = await load(browser, url, ['greenlight:chart-start', 'greenlight:chart-rendered']);
    const end = marks['greenlight:chart-rendered'][0];
    // The chart may mount more than once (the run arrives after the page); time its last mount before the paint.
    const start = Math.max(...marks['greenlight:chart-start'].filter((s) => s <= end));
    times.push(end - start);
  }
  return summary(times);
}
