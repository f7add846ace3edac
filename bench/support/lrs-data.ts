import { randomUUID } from 'node:crypto';
import type { Statement } from '../../src/xapi/statement';

/**
 * The shape of the LRS benchmark's data: 1000 learners, 20 instructors, 10 verbs, 200 courses
 * in 10 programmes, drawn uniformly. At 100k rows a learner has ~100 statements, a learner +
 * verb ~10, an instructor ~5000 (so a related_agents page is always full), a verb ~10k.
 */
export const LEARNERS = 1000;
export const INSTRUCTORS = 20;
export const COURSES = 200;
export const VERBS = ['attempted', 'completed', 'passed', 'failed', 'answered', 'experienced', 'launched', 'progressed', 'scored', 'attended'];

export const learnerMbox = (n: number) => `mailto:learner-${n}@example.org`;
export const instructorMbox = (n: number) => `mailto:instructor-${n}@example.org`;
export const verbIri = (verb: string) => `http://adlnet.gov/expapi/verbs/${verb}`;

/** A seeded generator (mulberry32): the same data and the same queries on every run and engine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = (random: () => number, n: number) => Math.floor(random() * n);

/** A course statement as an LMS writes it: ~850 bytes of JSON, with an instructor and a parent programme. */
export function learningStatement(random: () => number, n: number): Statement {
  const learner = pick(random, LEARNERS);
  const verb = VERBS[pick(random, VERBS.length)];
  const course = pick(random, COURSES);
  const instructor = pick(random, INSTRUCTORS);
  return {
    id: randomUUID(),
    actor: { objectType: 'Agent', name: `Learner ${learner}`, mbox: learnerMbox(learner) },
    verb: { id: verbIri(verb), display: { 'en-US': verb } },
    object: {
      objectType: 'Activity',
      id: `https://lms.example.org/course/${course}`,
      definition: { name: { 'en-US': `Course ${course}` }, type: 'http://adlnet.gov/expapi/activities/course' },
    },
    result: { score: { scaled: Math.round(random() * 100) / 100 }, success: true, completion: true, duration: 'PT12M30S' },
    context: {
      registration: randomUUID(),
      instructor: { objectType: 'Agent', name: `Instructor ${instructor}`, mbox: instructorMbox(instructor) },
      contextActivities: { parent: [{ id: `https://lms.example.org/programme/${course % 10}` }] },
      platform: 'Example LMS',
      language: 'en-US',
    },
    timestamp: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
  };
}
