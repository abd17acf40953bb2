// Whether the device has a fine pointer (a mouse, a trackpad): the sign of a computer, or of a
// tablet with its keyboard, where a shortcut such as Ctrl + Entrée can be typed. A phone has only
// a finger, and its on-screen keyboard no Ctrl key: a hint naming one is noise there.
import { useEffect, useState } from 'preact/hooks';

const FINE_POINTER = '(any-pointer: fine)';

export function useFinePointer(): boolean {
  const [fine, setFine] = useState(() => matchMedia(FINE_POINTER).matches);
  useEffect(() => {
    // A keyboard and trackpad docked to a tablet while the page is open.
    const query = matchMedia(FINE_POINTER);
    const update = () => setFine(query.matches);
    update();
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return fine;
}
