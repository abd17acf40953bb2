// The device's position, asked only on a tap, with a named state for each way it can fail
// and the words to say it (the same on every screen that asks).
import { useState } from 'preact/hooks';
import type { LatLon } from '../../domain/geo';
import { useMessages } from '../i18n/messages';
import { positionMessages } from './position-messages';

type PositionStatus = 'idle' | 'locating' | 'found' | 'denied' | 'unavailable' | 'timeout';

interface DevicePosition extends LatLon {
  /** Metres, rounded: how far the true position may be. */
  accuracy: number;
}

/** Long enough for a first GPS fix outdoors; a phone indoors answers "unavailable" sooner. */
const TIMEOUT_MS = 20_000;
/** A position found within the last minute is still where the person stands. */
const MAX_AGE_MS = 60_000;

export function usePosition() {
  const t = useMessages(positionMessages);
  const [position, setPosition] = useState<DevicePosition | null>(null);
  const [status, setStatus] = useState<PositionStatus>('idle');
  /** Asks once; `then` gets the position (to place a lieu, fill a visit), failures only set the status. */
  const locate = (then?: (position: DevicePosition) => void) => {
    if (!('geolocation' in navigator)) {
      setStatus('unavailable');
      return;
    }
    setStatus('locating');
    navigator.geolocation.getCurrentPosition(
      (found) => {
        const here = {
          latitude: found.coords.latitude,
          longitude: found.coords.longitude,
          accuracy: Math.round(found.coords.accuracy),
        };
        setPosition(here);
        setStatus('found');
        then?.(here);
      },
      (error) =>
        setStatus(
          error.code === error.PERMISSION_DENIED ? 'denied' : error.code === error.TIMEOUT ? 'timeout' : 'unavailable',
        ),
      { enableHighAccuracy: true, timeout: TIMEOUT_MS, maximumAge: MAX_AGE_MS },
    );
  };
  const problem = status === 'denied' || status === 'unavailable' || status === 'timeout' ? t[status] : null;
  return { position, status, locate, problem };
}

export type PositionRequest = ReturnType<typeof usePosition>;
