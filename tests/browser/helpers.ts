import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium (installed by .ci/run); playwright never downloads a browser here. */
export const CHROMIUM = '/usr/bin/chromium';

/** Launch headless chromium with no network chatter of its own. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Sign in through the form and land on the list. */
export async function signIn(page: Page, baseUrl: string, name: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.waitForURL(/\/signin\?next=/);
  await page.fill('input[name="name"]', name);
  await page.fill('input[name="password"]', password);
  await Promise.all([page.waitForURL(`${baseUrl}/`), page.click('button[type="submit"]')]);
}

/**
 * Watch a page for any script that runs: dialogs (alert/confirm/prompt) are counted, and
 * payloads in the fixtures set window.__xss. Read both with `ran()`.
 */
export function watchForScripts(page: Page): { ran: () => Promise<number> } {
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs++;
    void dialog.dismiss();
  });
  return { ran: async () => dialogs + Number(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss ?? 0)) };
}

/**
 * What a page's DOM holds that could run: script elements, on* attributes, javascript: URLs.
 * The desk's own keyboard script (served by storydesk, loaded with the response's nonce) is
 * the one script expected; it is left out.
 */
export async function activeContent(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      const ours =
        el.tagName === 'SCRIPT' &&
        el.getAttribute('src') === '/assets/desk-keys.js' &&
        (el as HTMLScriptElement).nonce !== '' &&
        el.parentElement === document.head;
      if (ours) continue;
      if (el.tagName === 'SCRIPT' || el.tagName === 'IFRAME' || el.tagName === 'OBJECT' || el.tagName === 'EMBED')
        found.push(`<${el.tagName.toLowerCase()}>`);
      for (const attr of Array.from(el.attributes)) {
        if (/^on/i.test(attr.name)) found.push(`${el.tagName.toLowerCase()}[${attr.name}]`);
        if (/^(href|src|action|formaction|xlink:href)$/i.test(attr.name) && /^\s*javascript:/i.test(attr.value))
          found.push(`${el.tagName.toLowerCase()}[${attr.name}=javascript:]`);
      }
    }
    return found;
  });
}

/** A context that accepts downloads; `bypassCSP` tests escaping alone, without the policy's help. */
export async function newContext(browser: Browser, options: { bypassCSP?: boolean } = {}): Promise<BrowserContext> {
  return browser.newContext({ acceptDownloads: true, bypassCSP: options.bypassCSP ?? false, viewport: { width: 1280, height: 900 } });
}
