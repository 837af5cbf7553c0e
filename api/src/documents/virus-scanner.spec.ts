import { verdictOf } from './virus-scanner.js';

describe('verdictOf (clamd INSTREAM answers)', () => {
  test('clean, infected, and anything else is an error, never a verdict', () => {
    expect(verdictOf('stream: OK\0')).toEqual({ infected: false });
    expect(verdictOf('stream: Eicar-Test-Signature FOUND\0')).toEqual({ infected: true, signature: 'Eicar-Test-Signature' });
    expect(() => verdictOf('INSTREAM size limit exceeded. ERROR\0')).toThrow(/size limit/);
    expect(() => verdictOf('')).toThrow(/no answer/);
  });
});
