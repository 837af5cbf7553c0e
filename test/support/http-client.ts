/** A small client for tests that keeps the session cookie, as a browser on the portal's origin would. */
export class TestClient {
  cookie: string | undefined;

  constructor(readonly baseUrl: string) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        // What a browser sends for a request from the portal's own pages.
        ...(method === 'GET' ? {} : { origin: this.baseUrl, 'sec-fetch-site': 'same-origin' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      if (pair.startsWith('cv_session=')) this.cookie = pair === 'cv_session=' ? undefined : pair;
    }
    return response;
  }

  get = (path: string, headers?: Record<string, string>) => this.request('GET', path, undefined, headers);
  post = (path: string, body?: unknown, headers?: Record<string, string>) => this.request('POST', path, body ?? {}, headers);
  patch = (path: string, body: unknown) => this.request('PATCH', path, body);
  put = (path: string, body: unknown) => this.request('PUT', path, body);
  delete = (path: string, body?: unknown) => this.request('DELETE', path, body);

  async register(email: string, password = 'lantern-harbour-42', displayName = 'Test Person'): Promise<Response> {
    return this.post('/api/auth/register', { email, displayName, password, preferredLanguage: 'en' });
  }

  async signIn(email: string, password: string): Promise<Response> {
    return this.post('/api/auth/login', { email, password });
  }
}

let counter = 0;
/** A unique email per call, so tests sharing the run's database never collide. */
export function uniqueEmail(label = 'person'): string {
  counter += 1;
  return `${label}-${Date.now()}-${process.pid}-${counter}@example.org`;
}
