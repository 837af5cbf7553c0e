import { connect } from 'node:net';

export interface RawRequest {
  method: string;
  /** The request target as sent, byte for byte: it may hold anything, even bytes that are not UTF-8. */
  target: Buffer | string;
  headers: [string, string | Buffer][];
  body?: Buffer;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

const CRLF = '\r\n';

/**
 * Sends one HTTP/1.1 request over its own connection, exactly as given (fetch and http.request refuse odd methods,
 * bad bytes in the target and broken framing, which is what a fuzzer must send), and reads the answer until the
 * server closes the connection (`connection: close`).
 */
export function sendRaw(port: number, request: RawRequest, timeoutMs = 20_000): Promise<RawResponse> {
  const head = Buffer.concat([
    Buffer.from(`${request.method} `, 'latin1'),
    Buffer.isBuffer(request.target) ? request.target : Buffer.from(request.target, 'latin1'),
    Buffer.from(` HTTP/1.1${CRLF}host: 127.0.0.1:${port}${CRLF}connection: close${CRLF}`, 'latin1'),
    ...request.headers.map(([name, value]) =>
      Buffer.concat([Buffer.from(`${name}: `, 'latin1'), Buffer.isBuffer(value) ? value : Buffer.from(value, 'latin1'), Buffer.from(CRLF)]),
    ),
    Buffer.from(CRLF),
  ]);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`no complete answer within ${timeoutMs} ms`)));
    socket.on('connect', () => {
      socket.write(head);
      if (request.body) socket.write(request.body);
    });
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    // The server may answer (413, 400) and close before reading all of a body: that is an answer, not a failure.
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNRESET' || error.code === 'EPIPE') return;
      reject(error);
    });
    socket.on('close', () => {
      const raw = Buffer.concat(chunks);
      const parsed = parseResponse(raw);
      if (parsed) resolve(parsed);
      else reject(new Error(`no HTTP answer (${raw.length} bytes: ${JSON.stringify(raw.subarray(0, 200).toString('latin1'))})`));
    });
  });
}

function parseResponse(raw: Buffer): RawResponse | undefined {
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [statusLine = '', ...lines] = raw.subarray(0, end).toString('latin1').split(CRLF);
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1]);
  if (!status) return undefined;
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const rest = raw.subarray(end + 4);
  // Only this answer's bytes: after answering, the server may refuse the unread rest of a request with a second one.
  const length = headers['content-length'] === undefined ? undefined : Number(headers['content-length']);
  const body = headers['transfer-encoding'] === 'chunked' ? dechunk(rest) : length === undefined ? rest : rest.subarray(0, length);
  return { status, headers, body };
}

function dechunk(raw: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = raw.indexOf('\r\n', at);
    if (lineEnd < 0) break;
    const size = parseInt(raw.subarray(at, lineEnd).toString('latin1'), 16);
    if (!size) break;
    parts.push(raw.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}
