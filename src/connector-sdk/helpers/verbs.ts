import type { Verb } from '../../xapi/statement';

const adl = (name: string, display = name): Verb => ({
  id: `http://adlnet.gov/expapi/verbs/${name}`,
  display: { 'en-US': display },
});

/**
 * The ADL verb vocabulary (https://adlnet.gov/expapi/verbs/), with `display.en-US`, so every
 * connector says `completed` the same way and reports can filter on one IRI.
 */
export const ADL_VERBS = {
  answered: adl('answered'),
  asked: adl('asked'),
  attempted: adl('attempted'),
  attended: adl('attended'),
  commented: adl('commented'),
  completed: adl('completed'),
  exited: adl('exited'),
  experienced: adl('experienced'),
  failed: adl('failed'),
  imported: adl('imported'),
  initialized: adl('initialized'),
  interacted: adl('interacted'),
  launched: adl('launched'),
  mastered: adl('mastered'),
  passed: adl('passed'),
  preferred: adl('preferred'),
  progressed: adl('progressed'),
  registered: adl('registered'),
  responded: adl('responded'),
  resumed: adl('resumed'),
  scored: adl('scored'),
  shared: adl('shared'),
  suspended: adl('suspended'),
  terminated: adl('terminated'),
  voided: adl('voided'),
  /** Not in the original ADL list but registered there: https://w3id.org/xapi/adl/verbs/… */
  satisfied: { id: 'https://w3id.org/xapi/adl/verbs/satisfied', display: { 'en-US': 'satisfied' } },
  waived: { id: 'https://w3id.org/xapi/adl/verbs/waived', display: { 'en-US': 'waived' } },
  /** Activity Streams 1.0 "like", as the xAPI registry lists it for social sources. */
  liked: { id: 'http://activitystrea.ms/schema/1.0/like', display: { 'en-US': 'liked' } },
} as const satisfies Record<string, Verb>;

/** Activity types from the ADL vocabulary, for `object.definition.type`. */
export const ADL_ACTIVITY_TYPES = {
  assessment: 'http://adlnet.gov/expapi/activities/assessment',
  course: 'http://adlnet.gov/expapi/activities/course',
  interaction: 'http://adlnet.gov/expapi/activities/interaction',
  lesson: 'http://adlnet.gov/expapi/activities/lesson',
  link: 'http://adlnet.gov/expapi/activities/link',
  media: 'http://adlnet.gov/expapi/activities/media',
  meeting: 'http://adlnet.gov/expapi/activities/meeting',
  module: 'http://adlnet.gov/expapi/activities/module',
  objective: 'http://adlnet.gov/expapi/activities/objective',
  performance: 'http://adlnet.gov/expapi/activities/performance',
  question: 'http://adlnet.gov/expapi/activities/question',
  simulation: 'http://adlnet.gov/expapi/activities/simulation',
  /** A message or post (Activity Streams note), for chat sources. */
  message: 'http://id.tincanapi.com/activitytype/chat-message',
} as const;
