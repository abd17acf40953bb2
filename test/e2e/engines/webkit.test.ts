// The core journeys in WebKit (test/e2e/engines/journeys.ts).
import { engineJourneys } from './journeys';

engineJourneys('webkit');
