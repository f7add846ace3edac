/**
 * Statements the validator specs start from. Each builder returns a fresh object, so a spec
 * can change one property and assert on exactly that.
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;
export type JsonObject = { [key: string]: JsonValue };

export const ADA = { objectType: 'Agent', name: 'Ada Lovelace', mbox: 'mailto:ada@example.com' };

export function minimalStatement(): JsonObject {
  return {
    actor: { mbox: 'mailto:ada@example.com' },
    verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
    object: { id: 'http://example.com/activities/algebra-1' },
  };
}

const QUIZ_ACTIVITY = {
  objectType: 'Activity',
  id: 'http://example.com/activities/quiz-1',
  definition: {
    name: { 'en-US': 'Quiz 1', 'fr-CA': 'Quiz 1' },
    description: { en: 'The first quiz' },
    type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
    moreInfo: 'https://example.com/quiz-1',
    interactionType: 'choice',
    correctResponsesPattern: ['golf[,]tetris'],
    choices: [
      { id: 'golf', description: { 'en-US': 'Golf Example' } },
      { id: 'tetris', description: { 'en-US': 'Tetris Example' } },
    ],
    extensions: { 'http://example.com/extensions/difficulty': 'hard' },
  },
};

/** Every part of a 1.0.3 Statement, each used the way the spec intends. */
export function richStatement(): JsonObject {
  return {
    id: '6690e6c9-3ef0-4ed3-8b37-7f3964730bee',
    actor: { ...ADA },
    verb: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'en-US': 'answered', 'de-DE': 'beantwortete' } },
    object: structuredClone(QUIZ_ACTIVITY),
    result: {
      score: { scaled: 0.95, raw: 95, min: 0, max: 100 },
      success: true,
      completion: true,
      response: 'golf[,]tetris',
      duration: 'PT4H35M59.14S',
      extensions: { 'http://example.com/extensions/attempts': 2 },
    },
    context: {
      registration: 'ec531277-b57b-4c15-8d91-d292c5b2b8f7',
      instructor: { objectType: 'Agent', account: { homePage: 'https://lms.example.com', name: 'teacher-7' } },
      team: {
        objectType: 'Group',
        name: 'Team A',
        mbox_sha1sum: 'cd9b00a5611f94eaa7b1661edab976068e364975',
        member: [{ openid: 'https://openid.example.com/grace' }],
      },
      contextActivities: {
        parent: [{ id: 'http://example.com/activities/test-1' }],
        grouping: [{ objectType: 'Activity', id: 'http://example.com/activities/algebra-1' }],
        category: [{ id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' }],
        other: [{ id: 'urn:isbn:0451450523' }],
      },
      revision: 'rev-3',
      platform: 'Example LMS',
      language: 'en-US',
      statement: { objectType: 'StatementRef', id: '8f87ccde-bb56-4c2e-ab83-44982ef22df0' },
      extensions: { 'http://example.com/extensions/room': { building: 'B', floor: 2 } },
    },
    timestamp: '2024-05-04T12:00:00.123-05:00',
    stored: '2024-05-04T17:00:01.000Z',
    authority: {
      objectType: 'Group',
      member: [
        { account: { homePage: 'http://example.com/xAPI/OAuth/Token', name: 'oauth_consumer_x75db' } },
        { mbox: 'mailto:bob@example.com' },
      ],
    },
    version: '1.0.0',
    attachments: [
      {
        usageType: 'http://adlnet.gov/expapi/attachments/signature',
        display: { 'en-US': 'Signature' },
        description: { 'en-US': 'A JWS signature' },
        contentType: 'application/octet-stream',
        length: 4235,
        sha2: '672fa5fa658017f1b72d65036f13379c6ab05d4ab3b6664908d8acf0b6a0c634',
      },
      {
        usageType: 'http://example.com/attachment-usage/certificate',
        display: { en: 'Certificate' },
        contentType: 'application/pdf',
        length: 0,
        sha2: '495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a',
        fileUrl: 'https://files.example.com/certificate.pdf',
      },
    ],
  };
}

/** The rich Statement plus what only xAPI 2.0 defines. */
export function richStatement2(): JsonObject {
  const statement = richStatement();
  statement.version = '2.0.0';
  const context = statement.context as JsonObject;
  context.contextAgents = [
    {
      objectType: 'contextAgent',
      agent: { objectType: 'Agent', mbox: 'mailto:coach@example.com' },
      relevantTypes: ['https://example.com/xapi/types/coach'],
    },
    { objectType: 'contextAgent', agent: { mbox: 'mailto:peer@example.com' } },
  ];
  context.contextGroups = [
    {
      objectType: 'contextGroup',
      group: { objectType: 'Group', member: [{ mbox: 'mailto:p1@example.com' }, { mbox: 'mailto:p2@example.com' }] },
      relevantTypes: ['https://example.com/xapi/types/study-group'],
    },
  ];
  return statement;
}

/** A SubStatement object ("I planned to visit …", xAPI 1.0.3 §2.4.4.3 example). */
export function subStatementObject(): JsonObject {
  return {
    objectType: 'SubStatement',
    actor: { objectType: 'Agent', mbox: 'mailto:test@example.com' },
    verb: { id: 'http://example.com/visited', display: { 'en-US': 'will visit' } },
    object: { objectType: 'Activity', id: 'http://example.com/website', definition: { name: { 'en-US': 'Some Awesome Website' } } },
    result: { completion: false },
    context: { platform: 'Example LMS', contextActivities: { parent: { id: 'http://example.com/activities/course' } } },
    timestamp: '2031-11-27T11:12:14.128Z',
    attachments: [],
  };
}

/** Freezes a value and everything in it, to prove the validator does not write to its input. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}
