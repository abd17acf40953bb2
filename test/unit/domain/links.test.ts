import { describe, expect, test } from 'vitest';
import {
  linkState,
  linkWordsMislead,
  mailtoHref,
  openableHref,
  safeHref,
  telHref,
  websiteAsTyped,
  websiteHref,
} from '../../../src/domain/links';

describe('addresses from data that may become links', () => {
  test('opens web, e-mail and phone addresses', () => {
    expect(safeHref('https://hedgedoc.org')).toBe('https://hedgedoc.org/');
    expect(safeHref(' http://exemple.fr/page ')).toBe('http://exemple.fr/page');
    expect(safeHref('mailto:contact@reseau.fr')).toBe('mailto:contact@reseau.fr');
    expect(safeHref('tel:+33299000000')).toBe('tel:+33299000000');
  });

  test('refuses every other kind of address, which shows as a broken link', () => {
    for (const raw of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      ' \tjavascript:alert(1)',
      'java\nscript:alert(1)',
      'data:text/html,x',
      'blob:https://valise.fr/0190a3b4',
      'file:///etc/passwd',
      'vbscript:msgbox',
      'www.exemple.fr',
      '//exemple.fr',
      'https://',
      'mailto:',
      'tel:',
    ]) {
      expect(safeHref(raw), raw).toBeNull();
      expect(linkState(raw), raw).toBe('broken');
    }
    expect(linkState('')).toBe('none');
    expect(linkState(null)).toBe('none');
  });

  test('a phone number becomes a tel: link of its digits, an e-mail a mailto: link without headers', () => {
    expect(telHref('02 99 00 00 00')).toBe('tel:0299000000');
    expect(telHref('+33 (0)2 99')).toBe('tel:+330299');
    expect(telHref('javascript:alert(1)')).toBe('tel:1');
    expect(telHref('appeler le lundi')).toBeNull();
    expect(telHref('')).toBeNull();
    expect(mailtoHref('camille@forge.bzh')).toBe('mailto:camille@forge.bzh');
    expect(mailtoHref('a@b.fr?bcc=tous@ailleurs.fr')).toBeNull();
    expect(mailtoHref('a@b.fr%0D%0ABcc:tous@ailleurs.fr')).toBeNull();
    expect(mailtoHref('a@b.fr,tous@ailleurs.fr')).toBeNull();
    expect(mailtoHref('  ')).toBeNull();
  });

  test('a link from a record opens a page, a mailbox or a number, never mail headers or dial codes', () => {
    expect(openableHref('https://hedgedoc.org')).toBe('https://hedgedoc.org/');
    expect(openableHref('mailto:contact@reseau.fr')).toBe('mailto:contact@reseau.fr');
    expect(openableHref('tel:+33 2 99 00 00 00')).toBe('tel:+33299000000');
    for (const raw of [
      'mailto:contact@reseau.fr?bcc=espion@ailleurs.fr',
      'mailto:contact@reseau.fr?body=Mon%20mot%20de%20passe',
      'mailto:contact@reseau.fr,espion@ailleurs.fr',
      'tel:*21*0899000000%23',
      'tel:**21*0899000000#',
      'javascript:alert(1)',
      'https://banque.fr@evil.example/connexion',
      'https://banque.fr:motdepasse@evil.example',
    ])
      expect(openableHref(raw), raw).toBeNull();
    // Stored data keeps the wider rule: a toolbox link written so stays valid.
    expect(safeHref('mailto:contact@reseau.fr?subject=Inscription')).not.toBeNull();
  });

  test('a website is a web page only', () => {
    expect(websiteHref('https://lafabrique.fr')).toBe('https://lafabrique.fr/');
    expect(websiteHref('tel:+33899000000')).toBeNull();
    expect(websiteHref('mailto:contact@reseau.fr')).toBeNull();
    // A host that is a phone number, or a user before the host (it reads as another site).
    expect(websiteHref('https://+33299000000')).toBeNull();
    expect(websiteHref('https://contact@lafabrique.fr')).toBeNull();
    expect(websiteHref('https://lafabrique.fr:motdepasse@exemple.com')).toBeNull();
    expect(websiteHref('http://xn--caf-dma.fr/agenda')).toBe('http://xn--caf-dma.fr/agenda');
  });

  test('a website of any length is judged in one pass', () => {
    // A lieu's website comes from any server the device syncs with, at any length: one pattern
    // over the host tried every way to split its last label: 0.4 s for a label of 8,000 letters,
    // a minute for 100,000, on each screen that shows the lieu's website.
    const label = 'a'.repeat(200_000);
    expect(websiteHref(`https://a.${label}.`)).toBeNull();
    expect(websiteHref(`https://a.${label}.fr`)).toBe(`https://a.${label}.fr/`);
    expect(websiteHref('http://192.168.1.20/')).toBeNull();
  });

  test('a website typed without its scheme is an https address; one with another scheme is kept to be judged', () => {
    expect(websiteAsTyped(' www.lafabrique.fr ')).toBe('https://www.lafabrique.fr');
    expect(websiteAsTyped('lafabrique.fr/agenda')).toBe('https://lafabrique.fr/agenda');
    expect(websiteAsTyped('http://lafabrique.fr')).toBe('http://lafabrique.fr');
    expect(websiteAsTyped('tel:0299000000')).toBe('tel:0299000000');
    expect(websiteAsTyped('  ')).toBe('');
  });
});

describe('the words of a link that name another site than its own', () => {
  test.each([
    ['www.banque.fr', 'https://evil.example/'],
    ['https://www.banque.fr/compte', 'https://evil.example/'],
    ['banque.fr', 'https://banque.fr.evil.example/'],
    // A Cyrillic « а »: the words look like the bank, the host is another.
    ['www.bаnque.fr', 'https://www.banque.fr/'],
    ['www.banque.fr', 'mailto:pirate@evil.example'],
    ['contact@banque.fr', 'mailto:pirate@evil.example'],
    ['contact@banque.fr', 'https://banque.fr/'],
  ])('"%s" to %s misleads', (words, href) => {
    expect(linkWordsMislead(words, href)).toBe(true);
  });

  test.each([
    ['www.banque.fr', 'https://www.banque.fr/'],
    ['banque.fr', 'https://www.banque.fr/compte'],
    ['https://banque.fr/compte', 'http://banque.fr/autre'],
    ['banque.fr', 'https://espace-client.banque.fr/'],
    ['Contact@Banque.fr', 'mailto:contact@banque.fr'],
    ['le wiki', 'https://evil.example/'],
    ['compte-rendu.pdf', 'https://nuage.reseau.fr/s/abc'],
    ['1.5', 'https://evil.example/'],
  ])('"%s" to %s says where it goes', (words, href) => {
    expect(linkWordsMislead(words, href)).toBe(false);
  });
});
