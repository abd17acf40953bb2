import { act, render, screen } from '@testing-library/preact';
import { beforeEach, describe, expect, test } from 'vitest';
import { setLanguage, uiStore } from '../../../../src/state/ui';
import { common } from '../../../../src/ui/i18n/common';
import { type Dictionary, type Messages, pickMessages, useMessages } from '../../../../src/ui/i18n/messages';

const sample = {
  fr: { title: 'Visites', onlyFrench: 'Brouillon repris', count: (n: number) => `${n} visites` },
  en: { title: 'Visits', count: (n: number) => `${n} visits` },
} satisfies Messages;

beforeEach(() => {
  localStorage.clear();
  uiStore.setState({ lang: 'fr' });
});

describe('messages of a screen', () => {
  test('are French by default', () => {
    expect(pickMessages(sample, 'fr').title).toBe('Visites');
  });

  test('show the French words where an English one is missing', () => {
    const en = pickMessages(sample, 'en');
    expect(en.title).toBe('Visits');
    expect(en.onlyFrench).toBe('Brouillon repris');
    expect(en.count(3)).toBe('3 visits');
  });

  test('switch language in a rendered screen without reloading', () => {
    function Title() {
      const t = useMessages(sample);
      return <h1>{t.title}</h1>;
    }
    render(<Title />);
    expect(screen.getByRole('heading').textContent).toBe('Visites');
    act(() => setLanguage('en'));
    expect(screen.getByRole('heading').textContent).toBe('Visits');
  });
});

describe('every dictionary of the app', () => {
  const files = import.meta.glob<{ messages: Messages }>('../../../../src/ui/screens/*/messages.ts', { eager: true });
  const dictionaries: [string, { fr: Dictionary; en: Partial<Dictionary> }][] = [
    ['src/ui/i18n/common.ts', common],
    ...Object.entries(files).map(
      ([path, module]) => [path.replace(/^(\.\.\/)+/, ''), module.messages] as [string, Messages],
    ),
  ];

  test('covers each screen folder', () => {
    expect(dictionaries.length).toBeGreaterThanOrEqual(7);
  });

  test.each(dictionaries)('%s has no English key without its French one, nor an empty message', (_path, messages) => {
    const french = Object.keys(messages.fr);
    expect(Object.keys(messages.en).filter((key) => !french.includes(key))).toEqual([]);
    for (const value of [...Object.values(messages.fr), ...Object.values(messages.en)]) {
      if (typeof value === 'string') expect(value.trim()).not.toBe('');
    }
  });
});
