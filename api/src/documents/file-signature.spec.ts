import { detectMediaType } from './file-signature.js';

describe('detectMediaType', () => {
  test.each([
    [Buffer.from('%PDF-1.7\n'), 'application/pdf'],
    [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'image/png'],
    [Buffer.from([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg'],
    [Buffer.from('GIF89a'), undefined],
    [Buffer.from('%PD'), undefined],
    [Buffer.alloc(0), undefined],
  ])('%#', (bytes, expected) => {
    expect(detectMediaType(bytes)).toBe(expected);
  });
});
