const MAX_NAME_LENGTH = 120;
/** C0 and C1 controls, and bidirectional overrides and isolates that can disguise "gpj.exe" as "exe.jpg". */
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Characters that mean something in paths or on Windows file systems. */
const PATH_CHARACTERS = /[/\\:*?"<>|]/g;

/**
 * The original name of an upload made safe to show and to offer as a download name: no directories, no control or
 * direction-changing characters, no leading dots, at most 120 characters with the extension kept. Never used as a path:
 * the bytes are stored under a random key.
 */
export function safeFileName(original: string | undefined, fallback = 'document'): string {
  const base = (original ?? '').normalize('NFC').split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .replace(/\s+/g, ' ')
    .replace(UNSAFE_CHARACTERS, '')
    .replace(PATH_CHARACTERS, '_')
    .trim()
    .replace(/^[.\s]+/, '');
  const name = cleaned === '' ? fallback : cleaned;
  if ([...name].length <= MAX_NAME_LENGTH) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  return [...name.slice(0, name.length - extension.length)].slice(0, MAX_NAME_LENGTH - extension.length).join('') + extension;
}

/**
 * `Content-Disposition: attachment` with an ASCII `filename` for old clients and the exact name as RFC 5987
 * `filename*` (RFC 6266 §4.3).
 */
export function attachmentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
