// Any web page can link to the share screen with words of its choosing. A share opens the
// installed app in its own window; opened in a browser tab, the words came by a link: they are
// shown, and kept as a visit draft only when the person asks.
import { fireEvent, render, screen } from '@testing-library/preact';
import { expect, test, vi } from 'vitest';
import { listDrafts } from '../../../../src/db/drafts';
import { parseHash } from '../../../../src/state/router';
import ShareScreen from '../../../../src/ui/screens/share/index';
import { withAppData } from '../../../helpers/screen-setup';

const app = withAppData();

test('words a page sends by a link are shown, and become a visit draft only when the person asks', async () => {
  const words = 'Votre compte expire : https://evil.example';
  history.replaceState(null, '', `/?${new URLSearchParams({ text: words })}#/partage`);
  render(<ShareScreen route={parseHash('#/partage')} />);

  expect((await screen.findByRole('region', { name: 'Texte reçu' })).textContent).toBe(words);
  expect(await listDrafts(app.context)).toEqual([]);

  fireEvent.click(screen.getByRole('button', { name: 'Nouvelle visite avec ce texte' }));
  await expect
    .poll(async () => (await listDrafts(app.context)).map((draft) => (draft.values as { notes?: string }).notes))
    .toEqual([words]);
  await expect.poll(() => location.search).toBe('');
});

test('a share to the installed app (its own window) becomes a visit draft with no tap', async () => {
  const words = 'Compte rendu du conseil';
  const standalone = vi
    .spyOn(window, 'matchMedia')
    .mockImplementation(
      (query) => ({ matches: query === '(display-mode: standalone)', media: query }) as MediaQueryList,
    );
  try {
    history.replaceState(null, '', `/?${new URLSearchParams({ text: words })}#/partage`);
    render(<ShareScreen route={parseHash('#/partage')} />);
    await expect
      .poll(async () => (await listDrafts(app.context)).map((draft) => (draft.values as { notes?: string }).notes))
      .toContain(words);
    expect(screen.queryByRole('button', { name: 'Nouvelle visite avec ce texte' })).toBeNull();
  } finally {
    standalone.mockRestore();
  }
});
