import * as v from 'valibot';
import { builtOnce } from './built-once';
import { baseEntries, day, id, optionalId, optionalInstant, optionalText, requiredText } from './fields';

export const QUESTION_KINDS = ['scale', 'single', 'multiple', 'number', 'date', 'short_text', 'long_text'] as const;

const localKey = builtOnce(() => v.pipe(v.string(), v.regex(/^[a-z0-9_-]{1,64}$/i, 'must be a short key')));

const optionSchema = builtOnce(() =>
  v.strictObject({
    id: localKey(),
    label: requiredText(200),
    /** Contribution to the section score, 0–4 like a scale level; absent = not scored. */
    score: v.optional(v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(4)))),
  }),
);

const questionSchema = builtOnce(() =>
  v.strictObject({
    id: localKey(),
    kind: v.picklist(QUESTION_KINDS),
    label: requiredText(500),
    help: optionalText(2000),
    scored: v.boolean(),
    weight: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(100)), 1),
    /** Labels of the levels 0–4 of a scale question. */
    levels: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.maxLength(5))),
    options: v.optional(v.pipe(v.array(optionSchema()), v.maxLength(50))),
    min: v.optional(v.nullable(v.number())),
    max: v.optional(v.nullable(v.number())),
    retired: v.optional(v.boolean(), false),
  }),
);
export type Question = v.InferOutput<ReturnType<typeof questionSchema>>;

const sectionSchema = builtOnce(() =>
  v.strictObject({
    id: localKey(),
    title: requiredText(200),
    description: optionalText(2000),
    questions: v.pipe(v.array(questionSchema()), v.maxLength(200)),
  }),
);
export type Section = v.InferOutput<ReturnType<typeof sectionSchema>>;

/**
 * A diagnostic grid. Each edit that changes questions publishes a new version (a new record
 * of the same `family`), so a diagnostic keeps the exact grid it was filled with.
 */
export const diagnosticTemplateSchema = builtOnce(() =>
  v.strictObject({
    ...baseEntries,
    family: id,
    version: v.pipe(v.number(), v.integer(), v.minValue(1)),
    title: requiredText(200),
    description: optionalText(5000),
    scope: v.picklist(['organisation', 'territory']),
    sections: v.pipe(v.array(sectionSchema()), v.maxLength(50)),
    status: v.picklist(['active', 'retired']),
  }),
);
export type DiagnosticTemplate = v.InferOutput<ReturnType<typeof diagnosticTemplateSchema>>;

const ANSWER_STATUSES = ['answered', 'skipped', 'unknown'] as const;
const answerSchema = builtOnce(() =>
  v.strictObject({
    status: v.picklist(ANSWER_STATUSES),
    value: v.optional(
      v.nullable(
        v.union([v.number(), v.pipe(v.string(), v.maxLength(20000)), v.pipe(v.array(localKey()), v.maxLength(50))]),
      ),
    ),
  }),
);
export type Answer = v.InferOutput<ReturnType<typeof answerSchema>>;

/** A filled grid. `answers` and `sectionComments` merge per question / section on sync. */
export const diagnosticSchema = builtOnce(() =>
  v.strictObject({
    ...baseEntries,
    templateId: id,
    templateVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
    organisationId: optionalId,
    territoryLabel: optionalText(200),
    visitId: optionalId,
    filledOn: day,
    answers: v.optional(v.record(localKey(), answerSchema()), {}),
    sectionComments: v.optional(v.record(localKey(), v.pipe(v.string(), v.maxLength(20000))), {}),
    /** Answers left behind by a move to a newer template version, kept for the record. */
    setAside: v.optional(v.record(localKey(), answerSchema()), {}),
    completedAt: optionalInstant,
  }),
);
export type Diagnostic = v.InferOutput<ReturnType<typeof diagnosticSchema>>;
