// Événements: the agenda, the event form, an event's notes and its recap.
import type { Locator, Page } from 'playwright-core';

export class EventsPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async openAgenda(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/#/evenements`);
    await this.page.locator('main h1', { hasText: 'Événements' }).waitFor();
  }

  async createEvent(fields: {
    title: string;
    /** A lieu created on the spot from the place picker. */
    newPlace?: string;
    placeLabel?: string;
    /** The day it starts and ends (yyyy-MM-dd): the form's default may be tomorrow's. */
    day?: string;
    startTime?: string;
    endTime?: string;
  }) {
    await this.page.getByRole('link', { name: 'Nouvel événement' }).first().click();
    await this.page.locator('main h1', { hasText: 'Nouvel événement' }).waitFor();
    await this.page.getByLabel('Titre').fill(fields.title);
    if (fields.newPlace) {
      await this.page.getByLabel('Chercher : Lieu du réseau').fill(fields.newPlace);
      await this.page.getByRole('button', { name: `Créer « ${fields.newPlace} »` }).click();
      await this.page.getByRole('button', { name: 'Ajouter le lieu' }).click();
      await this.page.getByTestId('picker-chip').filter({ hasText: fields.newPlace }).waitFor();
    }
    if (fields.placeLabel) await this.page.getByLabel('Adresse ou lieu').fill(fields.placeLabel);
    if (fields.day) {
      await this.page.getByLabel('Date de début').fill(fields.day);
      await this.page.getByLabel('Date de fin').fill(fields.day);
    }
    if (fields.startTime) await this.page.getByLabel('Heure de début').fill(fields.startTime);
    if (fields.endTime) await this.page.getByLabel('Heure de fin').fill(fields.endTime);
    await this.page.getByRole('button', { name: 'Créer l’événement' }).click();
    await this.page.locator('main h1', { hasText: fields.title }).waitFor();
  }

  async openEvent(title: string): Promise<void> {
    await this.page.getByTestId('agenda-item').filter({ hasText: title }).click();
    await this.page.locator('main h1', { hasText: title }).waitFor();
  }

  /** Types a note, tags it, adds it, and waits until it shows in the timeline. */
  async addNote(text: string, tag: 'Note' | 'Décision' | 'Idée' | 'Action' | 'Question' = 'Note'): Promise<void> {
    // The radio sits under its pill: a tap lands on the pill.
    await this.page.getByTestId('note-tags').getByText(tag, { exact: true }).click();
    await this.page.getByLabel('Nouvelle note').fill(text);
    await this.page.getByRole('button', { name: 'Ajouter la note' }).click();
    await this.timeline().getByTestId('note-text').filter({ hasText: text }).waitFor();
  }

  /** Creates a person on the spot from the attendance picker; they join the list. */
  async addNewAttendee(name: string): Promise<void> {
    await this.page.getByLabel('Chercher : Ajouter des personnes').fill(name);
    await this.page.getByRole('button', { name: `Créer « ${name} »` }).click();
    await this.page.getByRole('button', { name: 'Ajouter la personne' }).click();
    await this.attendee(name).waitFor();
  }

  attendee(name: string): Locator {
    return this.page.getByTestId('attendee').filter({ hasText: name });
  }

  async setPresence(name: string, status: 'Inscrit·e' | 'Présent·e' | 'Excusé·e'): Promise<void> {
    await this.attendee(name).getByText(status, { exact: true }).click();
  }

  /** The status checked for a person. */
  async presenceOf(name: string): Promise<string> {
    return (await this.attendee(name).locator('label:has(input:checked)').textContent()) ?? '';
  }

  timeline(): Locator {
    return this.page.getByTestId('timeline');
  }

  /** The texts of the timeline, top to bottom. */
  noteTexts(): Promise<string[]> {
    return this.timeline().getByTestId('note-text').allTextContents();
  }

  recapText(): Promise<string> {
    return this.page.getByLabel('Texte du récapitulatif').inputValue();
  }
}
