import { attachmentDisposition, safeFileName } from './safe-file-name.js';

describe('safeFileName', () => {
  test.each([
    ['../../x', 'x'],
    ['..\\..\\windows\\system32\\evil.pdf', 'evil.pdf'],
    ['/etc/passwd', 'passwd'],
    ['..', 'document'],
    ['', 'document'],
    [undefined, 'document'],
    ['.htaccess', 'htaccess'],
    ['in\u0000voice\u0007.pdf', 'invoice.pdf'],
    ['photo\u202egpj.exe', 'photogpj.exe'],
    ['a:b*c?"d<e>f|.png', 'a_b_c__d_e_f_.png'],
    ['  spaced\tout  name.pdf ', 'spaced out name.pdf'],
    ['증명서 사본.pdf', '증명서 사본.pdf'],
  ])('%j → %j', (given, expected) => {
    expect(safeFileName(given)).toBe(expected);
  });

  test('very long names are cut to 120 characters, keeping the extension', () => {
    const name = safeFileName(`${'가'.repeat(500)}.pdf`);
    expect([...name]).toHaveLength(120);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});

describe('attachmentDisposition', () => {
  test('an ASCII fallback and the exact name per RFC 5987', () => {
    expect(attachmentDisposition('report "final".pdf')).toBe(
      `attachment; filename="report _final_.pdf"; filename*=UTF-8''report%20%22final%22.pdf`,
    );
    expect(attachmentDisposition('증명서.pdf')).toBe(`attachment; filename="___.pdf"; filename*=UTF-8''%EC%A6%9D%EB%AA%85%EC%84%9C.pdf`);
  });
});
