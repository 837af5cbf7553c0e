/**
 * The type of a file from its first bytes ("magic numbers"), for the types a city pack may allow (city-pack
 * services.validator ALLOWED_MIME_TYPES). A client's Content-Type and file name are never trusted.
 */
const SIGNATURES: { mediaType: string; magic: number[] }[] = [
  { mediaType: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { mediaType: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mediaType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
];

/** How many leading bytes detection needs. */
export const SIGNATURE_BYTES = Math.max(...SIGNATURES.map((s) => s.magic.length));

/** The detected media type, or undefined for anything else (including an empty or too short file). */
export function detectMediaType(head: Uint8Array): string | undefined {
  return SIGNATURES.find(({ magic }) => head.length >= magic.length && magic.every((byte, i) => head[i] === byte))?.mediaType;
}
