import { describe, expect, test } from 'vitest';
import type { NetworkEvent } from '../../../../../src/domain/event';
import { eventFields, eventFormValues } from '../../../../../src/ui/screens/events/event-form-values';
import { sampleRecords } from '../../../../fixtures/records';

function storedEvent(fields: Partial<NetworkEvent>): NetworkEvent {
  return {
    ...sampleRecords().events,
    networkId: 'net',
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-01T10:00:00.000Z',
    updatedBy: 'Dominique',
    deleted: false,
    timeZone: 'Europe/Paris',
    placeLabel: null,
    description: null,
    attendees: {},
    ...fields,
  } as NetworkEvent;
}

describe('the event form’s values', () => {
  test('show a stored event at the wall clock of its own zone, and save it back unchanged', () => {
    // 22:00Z is 09:00 the next day in Nouméa (UTC+11): the form shows what the people there read.
    const event = storedEvent({
      timeZone: 'Pacific/Noumea',
      startsAt: '2026-06-10T22:00:00.000Z',
      endsAt: '2026-06-11T06:00:00.000Z',
      organisers: ['Réseau calédonien', 'Camille'],
    });
    const values = eventFormValues(event);
    expect(values).toMatchObject({
      startDate: '2026-06-11',
      startTime: '09:00',
      endDate: '2026-06-11',
      endTime: '17:00',
    });
    expect(values.organisers).toBe('Réseau calédonien, Camille');
    expect(eventFields(values)).toMatchObject({
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      timeZone: 'Pacific/Noumea',
      organisers: event.organisers,
      placeLabel: null,
      description: null,
    });
  });

  test('read organisers typed with stray commas and blanks as the names alone', () => {
    const values = { ...eventFormValues(storedEvent({})), organisers: ' Anne ,, Bob ,  ', placeLabel: '  ' };
    expect(eventFields(values)).toMatchObject({ organisers: ['Anne', 'Bob'], placeLabel: null });
  });

  test('leave an instant empty where the typed day does not exist, for the form to say so', () => {
    const values = { ...eventFormValues(storedEvent({})), startDate: '2026-02-30' };
    expect(eventFields(values).startsAt).toBe('');
  });

  test('start a new event with the network’s defaults at a time still to come', () => {
    const values = eventFormValues(null, new Date('2026-12-05T07:30:00+01:00'));
    expect(values).toMatchObject({
      kind: 'network_meeting',
      timeZone: 'Europe/Paris',
      startDate: '2026-12-05',
      startTime: '09:00',
      services: ['federate'],
    });
  });
});
