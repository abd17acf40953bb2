import { render } from '@testing-library/preact';
import { describe, expect, test } from 'vitest';
import { RichText } from '../../../../../src/ui/screens/toolbox/RichText';

describe('a description on screen', () => {
  test('an XSS payload stays visible text: no element, no handler, no script', () => {
    const payload = '<img src=x onerror="window.hacked=1"><script>window.hacked=2</script> **gras**';
    const { container } = render(<RichText source={payload} />);
    expect(container.querySelector('img, script')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror="window.hacked=1"><script>');
    expect(container.querySelector('strong')?.textContent).toBe('gras');
    expect((window as unknown as { hacked?: number }).hacked).toBeUndefined();
  });

  test('renders only web and e-mail links, opened apart from the app', () => {
    const { container } = render(
      <RichText source="[wiki](https://wiki.exemple.fr) [piège](javascript:alert(1)) [écrire](mailto:a@b.fr)" />,
    );
    const links = [...container.querySelectorAll('a')];
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['https://wiki.exemple.fr/', 'mailto:a@b.fr']);
    expect(links[0]?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(container.textContent).toContain('[piège](javascript:alert(1))');
  });

  test('a link that would write with hidden headers or dial a code is left as text', () => {
    const source = '[écrire](mailto:a@b.fr?bcc=espion@ailleurs.fr) [appeler](tel:*21*0899000000%23)';
    const { container } = render(<RichText source={source} />);
    expect(container.querySelector('a')).toBeNull();
    expect(container.textContent).toBe(source);
  });

  test('a link whose words name another site shows the address it opens', () => {
    const { container } = render(<RichText source="Payez sur [www.banque.fr](https://evil.example/paiement)." />);
    const link = container.querySelector('a');
    expect(link?.textContent).toBe('https://evil.example/paiement');
    expect(link?.getAttribute('href')).toBe('https://evil.example/paiement');
    expect(container.textContent).not.toContain('www.banque.fr');
  });

  test('a "# titre" becomes a heading below the page’s h1, lists become lists', () => {
    const { container } = render(<RichText source={'# Avant\n- un\n- deux\n\n1. étape'} />);
    expect(container.querySelector('h2')?.textContent).toBe('Avant');
    expect(container.querySelectorAll('ul li')).toHaveLength(2);
    expect(container.querySelectorAll('ol li')).toHaveLength(1);
  });
});
