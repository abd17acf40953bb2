// "Autour de moi": the device's position once asked, and a named state for each refusal.
import { useState } from 'preact/hooks';
import type { LatLon } from '../../../domain/geo';

export type HereStatus = 'idle' | 'locating' | 'found' | 'denied' | 'unavailable';

export function useHere() {
  const [position, setPosition] = useState<LatLon | null>(null);
  const [status, setStatus] = useState<HereStatus>('idle');
  /** Asks once; `then` gets the position (to place a lieu there), errors only set the status. */
  const locate = (then?: (position: LatLon) => void) => {
    if (!('geolocation' in navigator)) {
      setStatus('unavailable');
      return;
    }
    setStatus('locating');
    navigator.geolocation.getCurrentPosition(
      (found) => {
        const here = { latitude: found.coords.latitude, longitude: found.coords.longitude };
        setPosition(here);
        setStatus('found');
        then?.(here);
      },
      (error) => setStatus(error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable'),
      { enableHighAccuracy: true, timeout: 20000, maximumAge: 60000 },
    );
  };
  return { position, status, locate };
}
