// "À faire" read its follow-ups live, so the one just ticked vanished under the finger, with
// the focus, and a mis-tap could only be undone from its visit's page. It stays, ticked, until
// the screen is left; unticked, it is open again. An undated one's line began « · Camille ».
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { expect, test } from 'vitest';
import { createFollowUp } from '../../../../../src/db/follow-ups';
import FollowUpsScreen from '../../../../../src/ui/screens/follow-ups/index';
import { withAppData } from '../../../../helpers/screen-setup';

const app = withAppData();

test('a follow-up ticked in « À faire » stays there, ticked, and can be unticked', async () => {
  const followUp = await createFollowUp(app.context, { text: 'Relancer la mairie', dueDate: null, owner: 'Camille' });
  render(<FollowUpsScreen />);
  const box = await screen.findByRole<HTMLInputElement>('checkbox', { name: 'Relancer la mairie' });
  expect(screen.getByText('Camille')).toBeTruthy();

  box.focus();
  fireEvent.click(box);
  // Re-rendered at once with the tick, before the live query drops it: no flicker back.
  expect(box.checked).toBe(true);
  await waitFor(async () => expect((await app.context.db.records('followUps').get(followUp.id))?.done).toBe(true));
  const ticked = screen.getByRole<HTMLInputElement>('checkbox', { name: 'Relancer la mairie' });
  expect(ticked.checked).toBe(true);
  expect(document.activeElement).toBe(ticked);

  fireEvent.click(ticked);
  await waitFor(async () => expect((await app.context.db.records('followUps').get(followUp.id))?.done).toBe(false));
  expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Relancer la mairie' }).checked).toBe(false);
});
