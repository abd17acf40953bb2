// The valise's card of a borrowed kit said "Emprunté · Chez Dominique Mar…": the holder's name
// was inside the status badge, one line that ends in "…", and at 360 px (WebKit) the name, the
// part a concierge looks for, was cut. The badge says the state; who has it is text beside it,
// free to wrap.
import { render, screen } from '@testing-library/preact';
import { expect, test } from 'vitest';
import { borrow } from '../../../../../src/db/toolbox';
import { seedStarterValise } from '../../../../../src/db/toolbox-starter';
import { STARTER_IDS } from '../../../../../src/domain/toolbox/starter';
import { ToolboxHome } from '../../../../../src/ui/screens/toolbox/ToolboxHome';
import { withAppData } from '../../../../helpers/screen-setup';

const app = withAppData();

test('a borrowed kit’s card: the badge says « Emprunté », the holder’s name is beside it, whole', async () => {
  await seedStarterValise(app.context, { pulled: false });
  await borrow(app.context, STARTER_IDS.projector, 'Dominique Martin-Delacroix');
  render(<ToolboxHome query="" />);

  const badge = await screen.findByText('Emprunté', {}, { timeout: 30_000 });
  const holder = screen.getByText(/^Chez .*Dominique Martin-Delacroix/);
  expect(badge.contains(holder)).toBe(false);
  expect(holder.closest('[data-testid="item-card"]')).toBe(badge.closest('[data-testid="item-card"]'));
}, 60_000);
