// A tiny W3C WebDriver client over HTTP (the WebKit engine's only way in): just the commands
// the journeys use. A well-kept client (webdriverio) would bring ~100 packages for these ten calls.

/** The key a W3C element reference is returned under. */
const ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';
export const ENTER_KEY = '\uE007';

export interface ElementRef {
  [ELEMENT_KEY]: string;
}

class WebDriverError extends Error {
  constructor(
    readonly error: string,
    message: string,
  ) {
    super(`WebDriver ${error}: ${message}`);
  }
}

export async function webdriverRequest<T>(url: string, method: 'GET' | 'POST' | 'DELETE', body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const payload = (text ? JSON.parse(text) : {}) as { value: T & { error?: string; message?: string } };
  const value = payload.value;
  if (!response.ok || (value && typeof value === 'object' && 'error' in value && value.error)) {
    throw new WebDriverError(value?.error ?? String(response.status), value?.message ?? text);
  }
  return value;
}

/** One WebDriver session: one browser window at a time. */
export class WebDriverSession {
  private constructor(
    readonly base: string,
    readonly id: string,
    readonly capabilities: Record<string, unknown>,
  ) {}

  static async create(driverUrl: string, capabilities: Record<string, unknown>): Promise<WebDriverSession> {
    const value = await webdriverRequest<{ sessionId: string; capabilities: Record<string, unknown> }>(
      `${driverUrl}/session`,
      'POST',
      { capabilities: { alwaysMatch: capabilities } },
    );
    return new WebDriverSession(driverUrl, value.sessionId, value.capabilities);
  }

  private call<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
    return webdriverRequest<T>(`${this.base}/session/${this.id}${path}`, method, body);
  }

  navigate(url: string): Promise<void> {
    return this.call('POST', '/url', { url });
  }

  refresh(): Promise<void> {
    return this.call('POST', '/refresh', {});
  }

  /** Runs a function body; a returned promise is awaited (W3C "execute script"). */
  execute<T>(body: string, args: unknown[] = []): Promise<T> {
    return this.call('POST', '/execute/sync', { script: body, args });
  }

  click(element: ElementRef): Promise<void> {
    return this.call('POST', `/element/${element[ELEMENT_KEY]}/click`, {});
  }

  sendKeys(element: ElementRef, text: string): Promise<void> {
    return this.call('POST', `/element/${element[ELEMENT_KEY]}/value`, { text });
  }

  /** The viewport as a PNG. */
  async screenshot(): Promise<Buffer> {
    return Buffer.from(await this.call<string>('GET', '/screenshot'), 'base64');
  }

  async setWindowSize(width: number, height: number): Promise<void> {
    await this.call('POST', '/window/rect', { width, height });
  }

  async windowSize(): Promise<{ width: number; height: number }> {
    return this.call('GET', '/window/rect');
  }

  async newWindow(): Promise<string> {
    const { handle } = await this.call<{ handle: string }>('POST', '/window/new', { type: 'tab' });
    return handle;
  }

  switchTo(handle: string): Promise<void> {
    return this.call('POST', '/window', { handle });
  }

  closeWindow(): Promise<string[]> {
    return this.call('DELETE', '/window');
  }

  async end(): Promise<void> {
    await this.call('DELETE', '').catch(() => undefined);
  }
}
