import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Answer, Question, Section } from '../../../src/domain/diagnostic';
import {
  answerValue,
  isSectionDone,
  progressOf,
  readScores,
  type SectionScore,
  scoreGrid,
} from '../../../src/domain/diagnostic-score';
import { STARTER_TEMPLATES } from '../../../src/domain/diagnostic-starters';

function scale(id: string, weight = 1): Question {
  return { id, kind: 'scale', label: id, scored: true, weight, retired: false };
}

const choice: Question = {
  id: 'mode',
  kind: 'single',
  label: 'Mode',
  scored: true,
  weight: 1,
  retired: false,
  options: [
    { id: 'seul', label: 'Seul', score: 0 },
    { id: 'partage', label: 'Partagé', score: 4 },
    { id: 'autre', label: 'Autre', score: null },
  ],
};

const tools: Question = {
  ...choice,
  id: 'outils',
  kind: 'multiple',
  options: [
    { id: 'wiki', label: 'Wiki', score: 1 },
    { id: 'pad', label: 'Pad', score: 1 },
    { id: 'chat', label: 'Chat', score: 3 },
    { id: 'papier', label: 'Papier', score: null },
  ],
};

function grid(...sections: Question[][]): { sections: Section[] } {
  return { sections: sections.map((questions, index) => ({ id: `s${index}`, title: `S${index}`, questions })) };
}

const answered = (value: number | string | string[]): Answer => ({ status: 'answered', value });

describe('section scores', () => {
  test('weighs each scale answer by its question weight', () => {
    const template = grid([scale('a', 3), scale('b', 1)]);
    // (3 × 4/4 + 1 × 0/4) / 4 = 75 %
    const score = scoreGrid(template, { a: answered(4), b: answered(0) });
    expect(score.sections[0]?.percent).toBe(75);
    expect(score.overall).toBe(75);
  });

  test('leaves skipped and "ne sait pas" answers out instead of counting them as zero', () => {
    const template = grid([scale('a'), scale('b'), scale('c'), scale('d')]);
    const score = scoreGrid(template, {
      a: answered(2),
      b: { status: 'skipped' },
      c: { status: 'unknown' },
    });
    expect(score.sections[0]).toMatchObject({ percent: 50, answered: 1, skipped: 1, unknown: 1, unanswered: 1 });
  });

  test('a zero answer does count, and pulls the score down', () => {
    const template = grid([scale('a'), scale('b')]);
    expect(scoreGrid(template, { a: answered(4), b: answered(0) }).sections[0]?.percent).toBe(50);
  });

  test('a section whose questions were all skipped has no score, not 0 %', () => {
    const template = grid([scale('a'), scale('b')], [scale('c')]);
    const score = scoreGrid(template, { a: { status: 'skipped' }, b: { status: 'unknown' }, c: answered(3) });
    expect(score.sections[0]).toMatchObject({ percent: null, scorable: 2, answered: 0 });
    expect(score.overall).toBe(75);
  });

  test('a grid with no scorable question shows no score at all', () => {
    const text: Question = { id: 't', kind: 'long_text', label: 'Notes', scored: false, weight: 1, retired: false };
    const unweighted = { ...scale('z'), weight: 0 };
    const score = scoreGrid(grid([text, unweighted], []), { t: answered('Beaucoup à dire'), z: answered(4) });
    expect(score.scorable).toBe(false);
    expect(score.overall).toBeNull();
    expect(score.sections.map((section) => section.percent)).toEqual([null, null]);
  });

  test('a choice counts its option’s score; an option without score leaves the question out', () => {
    expect(answerValue(choice, answered('partage'))).toBe(1);
    expect(answerValue(choice, answered('seul'))).toBe(0);
    expect(answerValue(choice, answered('autre'))).toBeNull();
    expect(answerValue(choice, answered('disparue'))).toBeNull();
  });

  test('multiple choices add up to the top level, and ticking none is worth 0', () => {
    expect(answerValue(tools, answered(['wiki', 'pad']))).toBe(0.5);
    expect(answerValue(tools, answered(['wiki', 'pad', 'chat']))).toBe(1);
    expect(answerValue(tools, answered([]))).toBe(0);
    expect(answerValue(tools, answered(['papier']))).toBeNull();
  });

  test('retired questions neither count nor keep a section from being done', () => {
    const retired = { ...scale('old'), retired: true };
    const section: Section = { id: 's', title: 'S', questions: [scale('a'), retired] };
    const answers = { a: answered(4), old: answered(0) };
    expect(scoreGrid({ sections: [section] }, answers).sections[0]?.percent).toBe(100);
    expect(isSectionDone(section, { a: answered(1) })).toBe(true);
  });
});

describe('progress', () => {
  test('a section is done once every question is answered, skipped or "ne sait pas"', () => {
    const template = grid([scale('a'), scale('b')], [scale('c')], [scale('d')]);
    const progress = progressOf(template, { a: answered(1), b: { status: 'unknown' }, c: { status: 'skipped' } });
    expect(progress).toEqual({ done: 2, total: 3 });
  });
});

describe('strengths and weaknesses', () => {
  test('lists strong sections strongest first and weak ones weakest first, ignoring unscored ones', () => {
    const score = (sectionId: string, percent: number | null): SectionScore => ({
      sectionId,
      title: sectionId,
      percent,
      scorable: 1,
      answered: 1,
      skipped: 0,
      unknown: 0,
      unanswered: 0,
    });
    const reading = readScores([score('a', 70), score('b', 90), score('c', 39.9), score('d', 0), score('e', null)]);
    expect(reading.strengths.map((s) => s.sectionId)).toEqual(['b', 'a']);
    expect(reading.weaknesses.map((s) => s.sectionId)).toEqual(['d', 'c']);
  });
});

describe('scoring properties', () => {
  const levels = fc.integer({ min: 0, max: 4 });
  const weights = fc.integer({ min: 1, max: 10 });
  const questionsArb = fc.array(fc.tuple(weights, fc.option(levels, { nil: undefined })), {
    minLength: 1,
    maxLength: 12,
  });

  function build(entries: [number, number | undefined][]) {
    const questions = entries.map(([weight], index) => scale(`q${index}`, weight));
    const answers: Record<string, Answer> = {};
    entries.forEach(([, level], index) => {
      if (level !== undefined) answers[`q${index}`] = answered(level);
    });
    return { template: grid(questions), answers };
  }

  test('a score stays between 0 and 100, within the range of its answers', () => {
    fc.assert(
      fc.property(questionsArb, (entries) => {
        const { template, answers } = build(entries);
        const percent = scoreGrid(template, answers).sections[0]?.percent ?? null;
        const given = entries.map(([, level]) => level).filter((level) => level !== undefined);
        if (given.length === 0) return percent === null;
        const low = (Math.min(...given) / 4) * 100;
        const high = (Math.max(...given) / 4) * 100;
        return percent !== null && percent >= low - 0.05 && percent <= high + 0.05;
      }),
    );
  });

  test('skipping or not knowing more questions never changes the score of the others', () => {
    fc.assert(
      fc.property(questionsArb, fc.array(fc.constantFrom('skipped', 'unknown')), (entries, extra) => {
        const { template, answers } = build(entries);
        const before = scoreGrid(template, answers).sections[0]?.percent;
        const more = extra.map((_status, index) => scale(`extra${index}`));
        const withSkips = grid([...(template.sections[0]?.questions ?? []), ...more]);
        const skipped = { ...answers };
        extra.forEach((status, index) => {
          skipped[`extra${index}`] = { status: status as 'skipped' | 'unknown' };
        });
        return scoreGrid(withSkips, skipped).sections[0]?.percent === before;
      }),
    );
  });

  test('multiplying every weight by the same factor changes nothing', () => {
    fc.assert(
      fc.property(questionsArb, fc.integer({ min: 2, max: 9 }), (entries, factor) => {
        const { template, answers } = build(entries);
        const scaled = build(entries.map(([weight, level]) => [weight * factor, level]));
        return scoreGrid(template, answers).overall === scoreGrid(scaled.template, scaled.answers).overall;
      }),
    );
  });
});

describe('the starter grids', () => {
  test('each reaches 100 % with the best answers, and its question ids are unique', () => {
    for (const template of STARTER_TEMPLATES) {
      const ids = template.sections.flatMap((section) => section.questions.map((question) => question.id));
      expect(new Set(ids).size).toBe(ids.length);
      const best = (question: Question): Answer => {
        if (question.kind === 'scale') return answered(4);
        const top = [...(question.options ?? [])].sort((a, b) => (b.score ?? -1) - (a.score ?? -1))[0];
        if (question.kind === 'single') return answered(top?.id ?? '');
        return answered((question.options ?? []).map((option) => option.id));
      };
      const full = Object.fromEntries(
        template.sections.flatMap((section) => section.questions).map((question) => [question.id, best(question)]),
      );
      expect(scoreGrid(template, full).overall).toBe(100);
    }
  });
});
