// The join form's server address: typed without its scheme, it is completed with https://
// (never http://), and what can name no server is refused rather than sent.
import { describe, expect, test } from 'vitest';
import { readServerAddress } from '../../../src/domain/server-address';

describe('readServerAddress', () => {
  test.each([
    ['valise.example.org', 'https://valise.example.org'],
    ['  valise.example.org/  ', 'https://valise.example.org/'],
    ['valise.example.org:8443', 'https://valise.example.org:8443'],
    // Even on this machine or the LAN: http:// is used only when typed.
    ['localhost:8080', 'https://localhost:8080'],
    ['192.168.1.20:3000', 'https://192.168.1.20:3000'],
  ])('"%s" is completed to %s, and says so', (typed, url) => {
    expect(readServerAddress(typed)).toEqual({ url, completed: true });
  });

  test.each(['https://valise.example.org', 'http://127.0.0.1:37955', 'HTTPS://Valise.example.org/'])(
    '"%s", which names its scheme, is kept as typed',
    (typed) => {
      expect(readServerAddress(typed)).toEqual({ url: typed, completed: false });
    },
  );

  test.each([
    '',
    '   ',
    'https://',
    'mon réseau',
    'ftp://valise.example.org',
    'http:/valise.example.org',
    'https:valise.example.org',
    'mailto:admin@example.org',
  ])('"%s" names no server and is refused', (typed) => {
    expect(readServerAddress(typed)).toBeNull();
  });
});
