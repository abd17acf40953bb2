// The core journeys in webkit (test/e2e/engines/journeys.ts).
import { engineJourneys } from './journeys';

engineJourneys('webkit');
