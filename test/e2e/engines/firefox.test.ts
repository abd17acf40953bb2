// The core journeys in firefox (test/e2e/engines/journeys.ts).
import { engineJourneys } from './journeys';

engineJourneys('firefox');
