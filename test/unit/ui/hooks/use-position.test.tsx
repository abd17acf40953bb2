// The visit form's position asks through the one position hook: the same words as the map for
// each way the browser can fail, and the found position (with its accuracy) given to the form.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { type Position, PositionField } from '../../../../src/ui/screens/visits/form/FormParts';

const EMPTY: Position = { latitude: null, longitude: null, positionAccuracy: null };

/** A browser whose geolocation answers every request with this outcome. */
function browserAnswers(outcome: { coords: { latitude: number; longitude: number; accuracy: number } } | number) {
  const geolocation = {
    getCurrentPosition: (found: PositionCallback, failed: PositionErrorCallback) => {
      if (typeof outcome !== 'number') found(outcome as GeolocationPosition);
      else failed({ code: outcome, message: '', PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 });
    },
  };
  Object.defineProperty(navigator, 'geolocation', { value: geolocation, configurable: true });
}

afterEach(() => {
  Reflect.deleteProperty(navigator, 'geolocation');
});

describe('asking the position for a visit', () => {
  test.each([
    [1, 'Position refusée\u00a0: autorisez la localisation pour Valise dans les réglages du navigateur.'],
    [2, 'Position introuvable pour l’instant\u00a0: réessayez dans un moment, ou à découvert.'],
    [3, 'La position tarde à venir\u00a0: réessayez dans un moment, ou à découvert.'],
  ])('a failure of code %i is said in French, and the visit saves without', async (code, words) => {
    browserAnswers(code);
    const onChange = vi.fn();
    render(<PositionField position={EMPTY} onChange={onChange} />);
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter ma position' }));
    expect((await screen.findByRole('status')).textContent).toBe(`${words} La visite s’enregistre sans.`);
    expect(onChange).not.toHaveBeenCalled();
  });

  test('a found position fills the visit with its rounded accuracy', async () => {
    browserAnswers({ coords: { latitude: 48.65, longitude: -2.01, accuracy: 12.6 } });
    const onChange = vi.fn();
    render(<PositionField position={EMPTY} onChange={onChange} />);
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter ma position' }));
    await waitFor(() =>
      expect(onChange).toHaveBeenCalledWith({ latitude: 48.65, longitude: -2.01, positionAccuracy: 13 }),
    );
  });
});
