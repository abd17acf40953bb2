import { describe, expect, test } from 'vitest';
import { type Inline, parseInline, parseRichText, plainText } from '../../../../src/domain/toolbox/rich-text';

describe('the light formatting of a description', () => {
  test('reads headings, bullet and numbered lists, paragraphs, bold, italic and links', () => {
    const blocks = parseRichText(
      '# Avant\n- savoir **qui** vient\n- préparer un café\n\n1. écouter\n2. orienter\n\nVoir [le wiki](https://wiki.exemple.fr) *après*.',
    );
    expect(blocks.map((block) => block.kind)).toEqual(['heading', 'list', 'list', 'paragraph']);
    expect(blocks[1]).toMatchObject({ kind: 'list', ordered: false });
    expect(blocks[2]).toMatchObject({ kind: 'list', ordered: true });
    expect(blocks[1]?.kind === 'list' && blocks[1].items[0]).toEqual([
      { kind: 'text', text: 'savoir ' },
      { kind: 'strong', children: [{ kind: 'text', text: 'qui' }] },
      { kind: 'text', text: ' vient' },
    ]);
    expect(blocks[3]).toEqual({
      kind: 'paragraph',
      children: [
        { kind: 'text', text: 'Voir ' },
        { kind: 'link', href: 'https://wiki.exemple.fr/', children: [{ kind: 'text', text: 'le wiki' }] },
        { kind: 'text', text: ' ' },
        { kind: 'em', children: [{ kind: 'text', text: 'après' }] },
        { kind: 'text', text: '.' },
      ],
    });
  });

  test('keeps an HTML or script payload as plain text, never as markup', () => {
    const payload = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const blocks = parseRichText(payload);
    expect(blocks).toEqual([{ kind: 'paragraph', children: [{ kind: 'text', text: payload }] }]);
  });

  test('shows a javascript: or data: link as the text typed, not as a link', () => {
    const nodes = parseInline('[clic](javascript:alert(1)) et [image](data:text/html;base64,PHNjcmlwdD4=)');
    const links = nodes.filter((node: Inline) => node.kind === 'link');
    expect(links).toEqual([]);
    expect(plainText([{ kind: 'paragraph', children: nodes }])).toContain('[clic](javascript:alert(1)');
  });

  test('gives the text without its marks for search', () => {
    expect(plainText(parseRichText('# Titre\n- **un** point\n\n[wiki](https://w.fr)'))).toBe('Titre · un point · wiki');
  });

  test('keeps a heading, each list item and each paragraph apart in a preview', () => {
    const source =
      '## Avant\n- savoir qui vient et pourquoi\n- préparer la salle\n\nUn accueil.\nSur deux lignes\n1. écouter';
    expect(plainText(parseRichText(source))).toBe(
      'Avant · savoir qui vient et pourquoi · préparer la salle · Un accueil. Sur deux lignes · écouter',
    );
  });
});

describe('a link whose words name another site', () => {
  test('shows the address it really opens instead of the site its words name', () => {
    expect(
      parseInline('Votre [www.banque.fr](https://evil.example/login) et [le wiki](https://wiki.exemple.fr)'),
    ).toEqual([
      { kind: 'text', text: 'Votre ' },
      {
        kind: 'link',
        href: 'https://evil.example/login',
        children: [{ kind: 'text', text: 'https://evil.example/login' }],
      },
      { kind: 'text', text: ' et ' },
      { kind: 'link', href: 'https://wiki.exemple.fr/', children: [{ kind: 'text', text: 'le wiki' }] },
    ]);
  });

  test('reads the words through their formatting, and keeps those of a link into the site named', () => {
    expect(parseInline('[**banque.fr**](https://evil.example)')).toEqual([
      { kind: 'link', href: 'https://evil.example/', children: [{ kind: 'text', text: 'https://evil.example/' }] },
    ]);
    expect(parseInline('[www.banque.fr](https://www.banque.fr/aide)')).toEqual([
      { kind: 'link', href: 'https://www.banque.fr/aide', children: [{ kind: 'text', text: 'www.banque.fr' }] },
    ]);
  });
});

describe('a description written to hold the page', () => {
  // A member's suggestions reach every device of the network, whose toolbox page reads each
  // description for its card and again at each key typed in its search; a server may send one
  // of any length. Read again from every "[" (or every space) to the end, 20,000 of these
  // characters took 0.3-0.8 s, and ten times as many a hundred times as long.
  const LENGTH = 200_000;
  const brackets = '['.repeat(LENGTH);
  const unclosedLinks = '[x]('.repeat(LENGTH / 4);
  const spacedItem = `- ${' '.repeat(LENGTH)}a\u2028b`;
  const emailLikeWords = `a@${'.'.repeat(LENGTH)}@`;

  test('is read in one pass, its text kept whole', () => {
    expect(
      [brackets, unclosedLinks, spacedItem, `[${emailLikeWords}](https://x.fr)`].map((source) => parseRichText(source)),
    ).toEqual([
      [{ kind: 'paragraph', children: [{ kind: 'text', text: brackets }] }],
      [{ kind: 'paragraph', children: [{ kind: 'text', text: unclosedLinks }] }],
      [{ kind: 'list', ordered: false, items: [[{ kind: 'text', text: 'a\u2028b' }]] }],
      [
        {
          kind: 'paragraph',
          children: [{ kind: 'link', href: 'https://x.fr/', children: [{ kind: 'text', text: emailLikeWords }] }],
        },
      ],
    ]);
  });
});
