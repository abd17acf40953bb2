import { describe, expect, test } from 'vitest';
import { shownFileName, sniffViewableType } from '../../../src/domain/file-kind';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(
    parts.flatMap((part) => (typeof part === 'string' ? [...part].map((char) => char.charCodeAt(0)) : part)),
  );

describe('what a file from a user really is', () => {
  test('a PDF and PNG, JPEG, GIF and WebP images are known by their first bytes', () => {
    expect(sniffViewableType(bytes('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffViewableType(bytes([0x89], 'PNG\r\n', [0x1a, 0x0a, 0, 0]))).toBe('image/png');
    expect(sniffViewableType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffViewableType(bytes('GIF89a'))).toBe('image/gif');
    expect(sniffViewableType(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 ').buffer)).toBe('image/webp');
  });

  test('HTML, SVG, scripts and anything else are not viewable, whatever their name or declared type', () => {
    for (const text of [
      '<!doctype html><script>alert(1)</script>',
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
      'alert(document.cookie)',
      ' %PDF-1.7',
      '',
    ]) {
      expect(sniffViewableType(bytes(text)), text).toBeNull();
    }
  });
});

describe('a file name from another device', () => {
  test('loses the overrides that would draw a program as a document, and control characters', () => {
    expect(shownFileName('fiche\u202Efdp.exe')).toBe('fichefdp.exe');
    expect(shownFileName('\u2067note\u2069.pdf\u0007')).toBe('note.pdf');
    expect(shownFileName('Fiche méthode — café.pdf')).toBe('Fiche méthode — café.pdf');
    expect(shownFileName('\u202E')).toBe('fichier');
  });
});
