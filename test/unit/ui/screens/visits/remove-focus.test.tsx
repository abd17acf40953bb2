// A visit form's remove buttons go away with what they remove: in every engine the focus fell to
// the page's start (the next Tab began at the top bar, a screen reader said nothing).
import { fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { DataContext } from '../../../../../src/db/context';
import { uiStore } from '../../../../../src/state/ui';
import { PhotoPicker, type Position, PositionField } from '../../../../../src/ui/screens/visits/form/FormParts';
import type { PendingPhoto } from '../../../../../src/ui/screens/visits/form/photo';

beforeEach(() => {
  uiStore.setState({ lang: 'fr' });
  // jsdom draws no thumbnails: any address will do.
  vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:photo');
});

afterEach(() => {
  vi.restoreAllMocks();
});

function Located() {
  const [position, setPosition] = useState<Position>({ latitude: 48.65, longitude: -2.01, positionAccuracy: 12 });
  return <PositionField position={position} onChange={setPosition} />;
}

const photo = (name: string): PendingPhoto => ({
  key: name,
  fileName: name,
  mimeType: 'image/jpeg',
  data: new ArrayBuffer(8),
  width: 1,
  height: 1,
});

function Photos() {
  const [photos, setPhotos] = useState([photo('mairie.jpg'), photo('atelier.jpg')]);
  // Removing a photo never reads the network's limits.
  return <PhotoPicker context={{} as DataContext} photos={photos} onChange={setPhotos} />;
}

test('« Retirer la position » leaves the focus on « Ajouter ma position »', () => {
  render(<Located />);
  fireEvent.click(screen.getByRole('button', { name: 'Retirer la position' }));
  expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Ajouter ma position' }));
});

test('a photo’s « × » leaves the focus on the file chooser', () => {
  const { container } = render(<Photos />);
  fireEvent.click(screen.getByRole('button', { name: 'Retirer la photo mairie.jpg' }));
  expect(screen.queryByRole('img', { name: 'mairie.jpg' })).toBeNull();
  expect(document.activeElement).toBe(container.querySelector('input[type="file"]'));
});
