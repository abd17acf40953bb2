// Random schedules for the convergence suite: who does what, when, and what the network does.
import fc from 'fast-check';

export type Action =
  | { kind: 'createVisit'; device: number; purpose: string; notes: string }
  /** A device of the next release logs a visit with a field only that release knows. */
  | { kind: 'createLaterVisit'; device: number; purpose: string; later: string }
  /** A device of the next release edits that field on any visit. */
  | { kind: 'editLater'; device: number; pick: number; later: string }
  | { kind: 'createOrganisation'; device: number; name: string }
  | { kind: 'createContact'; device: number; name: string }
  /** A visit at the pick-th live lieu of the device, with the person-th live person. */
  | { kind: 'createVisitAt'; device: number; lieu: number; person: number; purpose: string }
  /** A visit, diagnostic or event moved to another lieu (its reference re-pointed, as a merge does). */
  | { kind: 'moveVisit'; device: number; pick: number; lieu: number; target: 'visits' | 'diagnostics' | 'events' }
  /**
   * The other records a merge moves, against the pick-th live lieu and person of the device: an
   * event there with the person invited, a diagnostic of the lieu, a follow-up the person owns,
   * a kit lent to the person, the person working at the lieu.
   */
  | {
      kind: 'createReference';
      device: number;
      target: 'events' | 'diagnostics' | 'followUps' | 'loans' | 'contacts';
      lieu: number;
      person: number;
    }
  /** The person checks in at (or is excused from) the pick-th live event: one attendee entry. */
  | { kind: 'checkIn'; device: number; pick: number; person: number; status: 'present' | 'excused' }
  /** Two live lieux or people merged, the first kept; `other` chooses the merged one's values. */
  | {
      kind: 'merge';
      device: number;
      target: 'organisations' | 'contacts';
      kept: number;
      merged: number;
      other: boolean;
    }
  | { kind: 'createPackingList'; device: number; title: string }
  | { kind: 'edit'; device: number; pick: number; field: 'purpose' | 'placeLabel' | 'services'; value: string }
  | {
      kind: 'editNotes';
      device: number;
      pick: number;
      target: 'visits' | 'organisations' | 'contacts';
      notes: string;
    }
  | { kind: 'pack'; device: number; pick: number; item: number; packed: boolean | null }
  | { kind: 'delete'; device: number; pick: number; target: 'visits' | 'organisations' }
  | { kind: 'resolveConflict'; device: number; pick: number }
  | { kind: 'sync'; device: number }
  /**
   * The user types (or ticks services) while a sync is in flight: the pulled page must not
   * erase the edit, nor the edit hold out against a newer value pulled on a later page.
   */
  | { kind: 'syncWhileEditing'; device: number; pick: number; notes: string; services: boolean }
  | { kind: 'offline'; device: number; offline: boolean }
  | { kind: 'lossy'; device: number; lossy: boolean }
  | { kind: 'restartServer' }
  | { kind: 'deliverHeld' }
  | { kind: 'wait'; ms: number };

/**
 * Which schema a device writes: today's ('old'), or the next release's ('new'), which adds
 * `LATER_FIELD` to visits under the compatibility contract. Both run this code, which carries
 * fields it does not know: an 'old' device never writes the new field, only keeps it.
 */
export type Release = 'old' | 'new';

export interface DeviceSpec {
  network: 0 | 1;
  release: Release;
  /** How wrong the device's wall clock is, up to a day either way. */
  skewMs: number;
}

export interface Schedule {
  devices: DeviceSpec[];
  actions: Action[];
  faultSeed: number;
}

const DAY = 86_400_000;
const word = fc.constantFrom(
  'atelier',
  'équipe',
  'café',
  'fablab',
  'mairie',
  'réseau',
  'projet',
  'lieu',
  'Élise',
  'tiers-lieu',
);
const release = fc.constantFrom<Release>('old', 'new');
const text = fc.array(word, { minLength: 1, maxLength: 6 }).map((words) => words.join(' '));
const longText = fc.oneof({ weight: 1, arbitrary: fc.constant('') }, { weight: 5, arbitrary: text });

export function scheduleArbitrary(): fc.Arbitrary<Schedule> {
  const devices = fc.tuple(fc.integer({ min: 2, max: 3 }), fc.integer({ min: 1, max: 2 })).chain(([first, second]) =>
    fc.tuple(
      ...Array.from({ length: first + second }, (_, index) =>
        fc.record({
          network: fc.constant((index < first ? 0 : 1) as 0 | 1),
          // The first network always mixes both: its first device is new, its second old.
          release: index === 0 ? fc.constant('new' as const) : index === 1 ? fc.constant('old' as const) : release,
          skewMs: fc.integer({ min: -DAY, max: DAY }),
        }),
      ),
    ),
  );
  return devices.chain((specs) => {
    const device = fc.integer({ min: 0, max: specs.length - 1 });
    const pick = fc.nat(1000);
    const action: fc.Arbitrary<Action> = fc.oneof(
      {
        weight: 4,
        arbitrary: fc.record({ kind: fc.constant('createVisit' as const), device, purpose: text, notes: longText }),
      },
      {
        weight: 2,
        arbitrary: fc.record({ kind: fc.constant('createLaterVisit' as const), device, purpose: text, later: text }),
      },
      { weight: 3, arbitrary: fc.record({ kind: fc.constant('editLater' as const), device, pick, later: text }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('createOrganisation' as const), device, name: text }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('createPackingList' as const), device, title: text }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('createContact' as const), device, name: text }) },
      {
        weight: 2,
        arbitrary: fc.record({
          kind: fc.constant('createVisitAt' as const),
          device,
          lieu: pick,
          person: pick,
          purpose: text,
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant('moveVisit' as const),
          device,
          pick,
          lieu: pick,
          target: fc.constantFrom('visits' as const, 'diagnostics' as const, 'events' as const),
        }),
      },
      {
        weight: 3,
        arbitrary: fc.record({
          kind: fc.constant('createReference' as const),
          device,
          target: fc.constantFrom(
            'events' as const,
            'diagnostics' as const,
            'followUps' as const,
            'loans' as const,
            'contacts' as const,
          ),
          lieu: pick,
          person: pick,
        }),
      },
      {
        weight: 2,
        arbitrary: fc.record({
          kind: fc.constant('checkIn' as const),
          device,
          pick,
          person: pick,
          status: fc.constantFrom('present' as const, 'excused' as const),
        }),
      },
      {
        weight: 2,
        arbitrary: fc.record({
          kind: fc.constant('merge' as const),
          device,
          target: fc.constantFrom('organisations' as const, 'contacts' as const),
          kept: pick,
          merged: pick,
          other: fc.boolean(),
        }),
      },
      {
        weight: 4,
        arbitrary: fc.record({
          kind: fc.constant('edit' as const),
          device,
          pick,
          field: fc.constantFrom('purpose' as const, 'placeLabel' as const, 'services' as const),
          value: text,
        }),
      },
      {
        weight: 4,
        arbitrary: fc.record({
          kind: fc.constant('editNotes' as const),
          device,
          pick,
          target: fc.constantFrom('visits' as const, 'organisations' as const, 'contacts' as const),
          notes: longText,
        }),
      },
      {
        weight: 2,
        arbitrary: fc.record({
          kind: fc.constant('pack' as const),
          device,
          pick,
          item: fc.integer({ min: 0, max: 2 }),
          packed: fc.constantFrom(true, false, null),
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant('delete' as const),
          device,
          pick,
          target: fc.constantFrom('visits' as const, 'organisations' as const),
        }),
      },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('resolveConflict' as const), device, pick }) },
      { weight: 5, arbitrary: fc.record({ kind: fc.constant('sync' as const), device }) },
      {
        weight: 2,
        arbitrary: fc.record({
          kind: fc.constant('syncWhileEditing' as const),
          device,
          pick,
          notes: text,
          services: fc.boolean(),
        }),
      },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('offline' as const), device, offline: fc.boolean() }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('lossy' as const), device, lossy: fc.boolean() }) },
      { weight: 1, arbitrary: fc.constant({ kind: 'restartServer' as const }) },
      { weight: 1, arbitrary: fc.constant({ kind: 'deliverHeld' as const }) },
      {
        weight: 2,
        arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 1, max: 3 * 3_600_000 }) }),
      },
    );
    return fc.record({
      devices: fc.constant(specs),
      actions: fc.array(action, { minLength: 20, maxLength: 100, size: 'max' }),
      faultSeed: fc.integer(),
    });
  });
}
