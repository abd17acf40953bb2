// A save started while a backup file is written waits for the backup's end: its button says so.
import { act, render, screen } from '@testing-library/preact';
import { expect, test } from 'vitest';
import { whileSavingBackup } from '../../../../src/state/ui';
import { FormFrame } from '../../../../src/ui/forms/FormFrame';
import { withFrenchPage } from '../../../helpers/screen-setup';

withFrenchPage();

test('a save waiting for a backup says « En attente de la sauvegarde… », then the usual words', async () => {
  const form = {
    submit: async () => {},
    saving: true,
    formRef: { current: null },
    restoredAt: null,
    discard: async () => {},
    problem: null,
  };
  const frame = (
    <FormFrame
      form={form}
      title="Personne"
      saveLabel="Enregistrer"
      savingLabel="Enregistrement…"
      cancelLabel="Annuler"
      cancelHref="#/"
    >
      <p>champs</p>
    </FormFrame>
  );
  let done = () => {};
  const saving = whileSavingBackup(
    { title: 'Sauvegarde en cours', text: '' },
    () => new Promise<void>((resolve) => (done = resolve)),
  );
  render(frame);
  expect(screen.getByRole('button', { name: 'En attente de la sauvegarde…' })).toBeTruthy();
  await act(async () => {
    done();
    await saving;
  });
  expect(screen.getByRole('button', { name: 'Enregistrement…' })).toBeTruthy();
});
