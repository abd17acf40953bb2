// The core journeys in chromium (test/e2e/engines/journeys.ts).
import { engineJourneys } from './journeys';

engineJourneys('chromium');
