// Renderer speed in Debian's Chromium, from the marks the renderer sets itself:
//   inbox: `greenlight:inbox-rendered`, measured from navigation start (a fresh page each time);
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

async function load(browser, url, waitFor, timeoutMs = 60000) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(url);
    await page.waitForFunction((names) => names.every((n) => performance.getEntriesByName(n, 'mark').length > 0), waitFor, { timeout: timeoutMs, polling: 10 });
    return await page.evaluate((names) => Object.fromEntries(names.map((n) => [n, performance.getEntriesByName(n, 'mark').map((m) => m.startTime)])), waitFor);
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
  for (let i = 0; i < loads; i++) {
    const marks = await load(browser, url, ['greenlight:inbox-rendered']);
    times.push(marks['greenlight:inbox-rendered'][0]);
  }
  return summary(times);
}

export async function measureChart(browser, { port, token, runId, loads = 5 }) {
  const url = `http://127.0.0.1:${port}/?token=${token}#/runs/${encodeURIComponent(runId)}?tab=iterations`;
  const times = [];
  for (let i = 0; i < loads; i++) {
    const marks = await load(browser, url, ['greenlight:chart-start', 'greenlight:chart-rendered']);
    const end = marks['greenlight:chart-rendered'][0];
    // The chart may mount more than once (the run arrives after the page); time its last mount before the paint.
    const start = Math.max(...marks['greenlight:chart-start'].filter((s) => s <= end));
    times.push(end - start);
  }
  return summary(times);
}
