import { validateStatement, type XapiVersion } from './index';
import { ADA, minimalStatement, subStatementObject, type JsonObject } from './statement.fixtures';

/** One invalid Statement: where the validator must point, and (optionally) what it must say. */
interface InvalidCase {
  readonly statement: JsonObject;
  readonly path: string;
  readonly reason?: RegExp;
  /** Defaults to both versions. */
  readonly versions?: readonly XapiVersion[];
}

function withProps(props: JsonObject): JsonObject {
  return { ...minimalStatement(), ...props };
}
function withActor(actor: JsonObject): JsonObject {
  return withProps({ actor });
}
function withObject(object: JsonObject): JsonObject {
  return withProps({ object });
}
function withDefinition(definition: JsonObject): JsonObject {
  return withObject({ id: 'http://example.com/activities/q1', definition });
}
function withResult(result: JsonObject): JsonObject {
  return withProps({ result });
}
function withContext(context: JsonObject, object?: JsonObject): JsonObject {
  return object === undefined ? withProps({ context }) : withProps({ context, object });
}
function withAttachment(props: JsonObject, omit?: string): JsonObject {
  const attachment: JsonObject = {
    usageType: 'http://example.com/attachment-usage/test',
    display: { 'en-US': 'A test attachment' },
    contentType: 'text/plain; charset=ascii',
    length: 27,
    sha2: '495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a',
    fileUrl: 'http://over.there.com/file.txt',
  };
  if (omit !== undefined) delete attachment[omit];
  return withProps({ attachments: [{ ...attachment, ...props }] });
}
function without(statement: JsonObject, key: string): JsonObject {
  const copy = { ...statement };
  delete copy[key];
  return copy;
}

const AGENT_OBJECT = { objectType: 'Agent', mbox: 'mailto:grace@example.com' };
const STATEMENT_REF = { objectType: 'StatementRef', id: '8f87ccde-bb56-4c2e-ab83-44982ef22df0' };
const CTX_AGENT = { objectType: 'contextAgent', agent: { mbox: 'mailto:coach@example.com' } };
const V2: readonly XapiVersion[] = ['2.0.0'];
const V1: readonly XapiVersion[] = ['1.0.3'];

const cases: Record<string, InvalidCase> = {
  // Statement (xAPI 1.0.3 §2.2, §2.4)
  'missing actor': { statement: without(minimalStatement(), 'actor'), path: 'actor', reason: /required/ },
  'missing verb': { statement: without(minimalStatement(), 'verb'), path: 'verb', reason: /required/ },
  'missing object': { statement: without(minimalStatement(), 'object'), path: 'object', reason: /required/ },
  'an unknown top-level property': { statement: withProps({ dummy: 'dummy' }), path: 'dummy', reason: /not a property of a Statement/ },
  'a property in the wrong case': { statement: { ...without(minimalStatement(), 'actor'), Actor: ADA }, path: 'Actor', reason: /did you mean "actor"/ },
  'an id that is not a UUID': { statement: withProps({ id: 'wrong' }), path: 'id', reason: /UUID/ },
  'an id with too many digits': { statement: withProps({ id: 'AA97B177-9383-4934-8543-0F91A7A028368' }), path: 'id' },
  'an id with a non-hex letter': { statement: withProps({ id: 'MA97B177-9383-4934-8543-0F91A7A02836' }), path: 'id' },
  'a numeric id': { statement: withProps({ id: 12345 }), path: 'id', reason: /got a number/ },
  'a null actor': { statement: withProps({ actor: null }), path: 'actor', reason: /null/ },
  'a timestamp that is not ISO 8601': { statement: withProps({ timestamp: '01/011/2015' }), path: 'timestamp', reason: /ISO 8601/ },
  'a timestamp with -00:00 offset': { statement: withProps({ timestamp: '2008-09-15T15:53:00.601-00:00' }), path: 'timestamp', reason: /negative zero/ },
  'a timestamp with -0000 offset': { statement: withProps({ timestamp: '2008-09-15T15:53:00.601-0000' }), path: 'timestamp' },
  'a timestamp with -00 offset': { statement: withProps({ timestamp: '2008-09-15T15:53:00.601-00' }), path: 'timestamp' },
  'a timestamp on 30 February': { statement: withProps({ timestamp: '2015-02-30T10:00:00Z' }), path: 'timestamp' },
  'a 2.0 timestamp without offset': { statement: withProps({ timestamp: '2015-11-18T12:17:00' }), path: 'timestamp', reason: /offset/, versions: V2 },
  'a null timestamp': { statement: withProps({ timestamp: null }), path: 'timestamp', reason: /null/ },
  'an invalid stored': { statement: withProps({ stored: 'yesterday' }), path: 'stored' },
  'version 1.1.0': { statement: withProps({ version: '1.1.0' }), path: 'version', reason: /1\.0/ },
  'version 0.9.9': { statement: withProps({ version: '0.9.9' }), path: 'version' },
  'version 2.0.0 in a 1.0.3 request': { statement: withProps({ version: '2.0.0' }), path: 'version', versions: V1 },
  'a numeric version': { statement: withProps({ version: 1 }), path: 'version', reason: /string/ },

  // Actor (§2.4.2)
  'an Agent without identifier': { statement: withActor({ objectType: 'Agent', name: 'Ada' }), path: 'actor', reason: /exactly one of mbox/ },
  'an Agent with two identifiers': { statement: withActor({ mbox: 'mailto:a@example.com', openid: 'https://id.example.com/a' }), path: 'actor', reason: /found mbox, openid/ },
  'an mbox without mailto:': { statement: withActor({ mbox: 'ada@example.com' }), path: 'actor.mbox', reason: /mailto:/ },
  'an mbox without an address': { statement: withActor({ mbox: 'mailto:should.fail.com' }), path: 'actor.mbox' },
  'an mbox_sha1sum of the wrong length': { statement: withActor({ mbox_sha1sum: 'cd9b00a5611f94eaa7b1661edab976068e36497' }), path: 'actor.mbox_sha1sum', reason: /SHA-1/ },
  'an mbox_sha1sum that is an object': { statement: withActor({ mbox_sha1sum: { key: 'value' } }), path: 'actor.mbox_sha1sum', reason: /got an object/ },
  'an openid without scheme': { statement: withActor({ openid: 'open.id.com/testUser' }), path: 'actor.openid', reason: /URI/ },
  'an openid with a bad scheme': { statement: withActor({ openid: 'ab=c://should.fail.com' }), path: 'actor.openid' },
  'an account without name': { statement: withActor({ account: { homePage: 'http://example.com' } }), path: 'actor.account.name', reason: /required/ },
  'an account homePage without scheme': { statement: withActor({ account: { homePage: 'homePage.com/testUser', name: '1' } }), path: 'actor.account.homePage' },
  'an account name that is an object': { statement: withActor({ account: { homePage: 'http://example.com', name: { key: 'x' } } }), path: 'actor.account.name' },
  'an account with an extra property': { statement: withActor({ account: { homePage: 'http://example.com', name: 'a', id: 1 } }), path: 'actor.account.id' },
  'a numeric Agent name': { statement: withActor({ name: 12345, mbox: 'mailto:a@example.com' }), path: 'actor.name' },
  'objectType "agent" in lower case': { statement: withActor({ objectType: 'agent', mbox: 'mailto:a@example.com' }), path: 'actor.objectType', reason: /case-sensitive/ },
  'objectType "Activity" on the actor': { statement: withActor({ objectType: 'Activity', mbox: 'mailto:a@example.com' }), path: 'actor.objectType' },
  'a numeric actor objectType': { statement: withActor({ objectType: 12345, mbox: 'mailto:a@example.com' }), path: 'actor.objectType' },
  'members on an Agent': { statement: withActor({ mbox: 'mailto:a@example.com', member: [ADA] }), path: 'actor.member', reason: /only allowed on a Group/ },
  'an anonymous Group without members': { statement: withActor({ objectType: 'Group', name: 'G' }), path: 'actor.member', reason: /anonymous Group/ },
  'an anonymous Group with no members': { statement: withActor({ objectType: 'Group', member: [] }), path: 'actor.member' },
  'a Group as a member': { statement: withActor({ objectType: 'Group', member: [{ objectType: 'Group', mbox: 'mailto:g@example.com' }] }), path: 'actor.member[0].objectType', reason: /must be an Agent/ },
  'a member without identifier': { statement: withActor({ objectType: 'Group', member: [{ name: 'x' }] }), path: 'actor.member[0]' },
  'members that are not an array': { statement: withActor({ objectType: 'Group', member: ADA }), path: 'actor.member', reason: /array/ },
  'an identified Group with two identifiers': { statement: withActor({ objectType: 'Group', mbox: 'mailto:g@example.com', openid: 'https://id.example.com/g' }), path: 'actor' },
  'an unknown Agent property': { statement: withActor({ mbox: 'mailto:a@example.com', email: 'a@example.com' }), path: 'actor.email' },

  // Verb (§2.4.3)
  'a Verb without id': { statement: withProps({ verb: { display: { en: 'did' } } }), path: 'verb.id', reason: /required/ },
  'a Verb id without scheme': { statement: withProps({ verb: { id: 'adlnet.gov/expapi/verbs/attended' } }), path: 'verb.id', reason: /scheme/ },
  'an empty Verb id': { statement: withProps({ verb: { id: '' } }), path: 'verb.id' },
  'a Verb id with a space': { statement: withProps({ verb: { id: 'http://example.com/my verb' } }), path: 'verb.id' },
  'a display that is a string': { statement: withProps({ verb: { id: 'http://example.com/v', display: 'did' } }), path: 'verb.display', reason: /language map/ },
  'a display with an invalid language tag': { statement: withProps({ verb: { id: 'http://example.com/v', display: { a12345678: 'x' } } }), path: 'verb.display["a12345678"]', reason: /RFC 5646/ },
  'a display with a null text': { statement: withProps({ verb: { id: 'http://example.com/v', display: { 'en-US': null } } }), path: 'verb.display["en-US"]', reason: /null/ },
  'a language tag repeating an extension singleton': { statement: withProps({ verb: { id: 'http://example.com/v', display: { 'zh-z-aaa-z-bbb-c-ccc': 'x' } } }), path: 'verb.display["zh-z-aaa-z-bbb-c-ccc"]' },
  'a language tag with an underscore': { statement: withProps({ verb: { id: 'http://example.com/v', display: { en_US: 'x' } } }), path: 'verb.display["en_US"]' },
  'an unknown Verb property': { statement: withProps({ verb: { id: 'http://example.com/v', name: 'x' } }), path: 'verb.name' },

  // Object (§2.4.4)
  'objectType "activity" in lower case': { statement: withObject({ objectType: 'activity', id: 'http://example.com/a' }), path: 'object.objectType', reason: /exactly "Activity"/ },
  'an unknown objectType': { statement: withObject({ objectType: 'Person', id: 'http://example.com/a' }), path: 'object.objectType', reason: /one of Activity/ },
  'an Activity without id': { statement: withObject({ objectType: 'Activity' }), path: 'object.id', reason: /required/ },
  'an Activity id without scheme': { statement: withObject({ id: 'www.example.com/meetings/1' }), path: 'object.id' },
  'an Agent object without objectType': { statement: withObject({ mbox: 'mailto:a@example.com' }), path: 'object.id' },
  'an Agent object with two identifiers': { statement: withObject({ ...AGENT_OBJECT, openid: 'https://id.example.com/g' }), path: 'object' },
  'an unknown Activity property': { statement: withObject({ id: 'http://example.com/a', name: 'A' }), path: 'object.name' },
  'a definition that is a string': { statement: withObject({ id: 'http://example.com/a', definition: 'A quiz' }), path: 'object.definition' },
  'a definition name that is a string': { statement: withDefinition({ name: 'Quiz' }), path: 'object.definition.name' },
  'a definition description with a bad tag': { statement: withDefinition({ description: { something: 'x' } }), path: 'object.definition.description["something"]' },
  'a definition type without scheme': { statement: withDefinition({ type: 'adlnet.gov/expapi/activities/meeting' }), path: 'object.definition.type' },
  'a moreInfo without scheme': { statement: withDefinition({ moreInfo: 'virtualmeeting.example.com/345256' }), path: 'object.definition.moreInfo' },
  'an interactionType in the wrong case': { statement: withDefinition({ interactionType: 'true-faLse' }), path: 'object.definition.interactionType', reason: /exactly "true-false"/ },
  'an unknown interactionType': { statement: withDefinition({ interactionType: 'essay' }), path: 'object.definition.interactionType', reason: /one of true-false/ },
  'a numeric interactionType': { statement: withDefinition({ interactionType: 12345 }), path: 'object.definition.interactionType' },
  'correctResponsesPattern without interactionType': { statement: withDefinition({ correctResponsesPattern: ['true'] }), path: 'object.definition.correctResponsesPattern', reason: /requires "interactionType"/ },
  'a correctResponsesPattern entry that is not a string': { statement: withDefinition({ interactionType: 'numeric', correctResponsesPattern: [4] }), path: 'object.definition.correctResponsesPattern[0]' },
  'a correctResponsesPattern that is a string': { statement: withDefinition({ interactionType: 'numeric', correctResponsesPattern: '4' }), path: 'object.definition.correctResponsesPattern' },
  'choices without interactionType': { statement: withDefinition({ choices: [{ id: 'a' }] }), path: 'object.definition.choices', reason: /"choice" or "sequencing"/ },
  'scale on a choice interaction': { statement: withDefinition({ interactionType: 'choice', scale: [{ id: 'a' }] }), path: 'object.definition.scale', reason: /not used by interactionType "choice"/ },
  'steps on a true-false interaction': { statement: withDefinition({ interactionType: 'true-false', steps: [{ id: 'a' }] }), path: 'object.definition.steps' },
  'repeated interaction component ids': { statement: withDefinition({ interactionType: 'choice', choices: [{ id: 'a' }, { id: 'a' }] }), path: 'object.definition.choices[1].id', reason: /distinct/ },
  'an interaction component without id': { statement: withDefinition({ interactionType: 'likert', scale: [{ description: { en: 'ok' } }] }), path: 'object.definition.scale[0].id' },
  'an interaction component with an extra property': { statement: withDefinition({ interactionType: 'matching', source: [{ id: 'a', name: 'A' }] }), path: 'object.definition.source[0].name' },
  'an interaction component with a bad description': { statement: withDefinition({ interactionType: 'performance', steps: [{ id: 'a', description: { 'en-US': 5 } }] }), path: 'object.definition.steps[0].description["en-US"]' },
  'a component list that is not an array': { statement: withDefinition({ interactionType: 'matching', target: { id: 'a' } }), path: 'object.definition.target' },
  'a definition extension key that is not an IRI': { statement: withDefinition({ extensions: { 'not.valid.com/extension': 1234 } }), path: 'object.definition.extensions["not.valid.com/extension"]', reason: /IRI/ },
  'definition extensions that are a string': { statement: withDefinition({ extensions: 'x' }), path: 'object.definition.extensions' },
  'an unknown definition property': { statement: withDefinition({ title: { en: 'x' } }), path: 'object.definition.title' },
  'a StatementRef without id': { statement: withObject({ objectType: 'StatementRef' }), path: 'object.id', reason: /required/ },
  'a StatementRef id that is not a UUID': { statement: withObject({ objectType: 'StatementRef', id: 'http://example.com/s/1' }), path: 'object.id' },
  'a StatementRef with a definition': { statement: withObject({ ...STATEMENT_REF, definition: {} }), path: 'object.definition' },
  'a SubStatement with an id': { statement: withObject({ ...subStatementObject(), id: '8f87ccde-bb56-4c2e-ab83-44982ef22df0' }), path: 'object.id', reason: /not allowed in a SubStatement/ },
  'a SubStatement with stored': { statement: withObject({ ...subStatementObject(), stored: '2013-05-18T05:32:34.804Z' }), path: 'object.stored' },
  'a SubStatement with version': { statement: withObject({ ...subStatementObject(), version: '1.0.0' }), path: 'object.version' },
  'a SubStatement with authority': { statement: withObject({ ...subStatementObject(), authority: ADA }), path: 'object.authority' },
  'a nested SubStatement': { statement: withObject({ ...subStatementObject(), object: subStatementObject() }), path: 'object.object.objectType', reason: /cannot contain another SubStatement/ },
  'a SubStatement without verb': { statement: withObject(without(subStatementObject(), 'verb')), path: 'object.verb' },
  'a SubStatement with a bad timestamp': { statement: withObject({ ...subStatementObject(), timestamp: 'should fail' }), path: 'object.timestamp' },
  'a SubStatement with an invalid actor': { statement: withObject({ ...subStatementObject(), actor: { objectType: 'Agent' } }), path: 'object.actor' },
  'a voiding Statement whose object is an Activity': { statement: withProps({ verb: { id: 'http://adlnet.gov/expapi/verbs/voided' } }), path: 'object', reason: /StatementRef/ },
  'a voiding SubStatement whose object is an Activity': { statement: withObject({ ...subStatementObject(), verb: { id: 'http://adlnet.gov/expapi/verbs/voided' } }), path: 'object.object' },

  // Result (§2.4.5)
  'a scaled score above 1': { statement: withResult({ score: { scaled: 1.01 } }), path: 'result.score.scaled', reason: /between -1 and 1/ },
  'a scaled score below -1': { statement: withResult({ score: { scaled: -1.00001 } }), path: 'result.score.scaled' },
  'a raw score above max': { statement: withResult({ score: { raw: 101, min: 0, max: 100 } }), path: 'result.score.raw' },
  'a raw score below min': { statement: withResult({ score: { raw: -1, min: 0 } }), path: 'result.score.raw' },
  'min not below max': { statement: withResult({ score: { min: 10, max: 10 } }), path: 'result.score.min', reason: /less than "max"/ },
  'a score as a quoted number': { statement: withResult({ score: { max: '100' } }), path: 'result.score.max', reason: /not a quoted string/ },
  'a score that is a number': { statement: withResult({ score: 95 }), path: 'result.score' },
  'an unknown score property': { statement: withResult({ score: { percent: 95 } }), path: 'result.score.percent' },
  'success as a string': { statement: withResult({ success: 'true' }), path: 'result.success', reason: /boolean/ },
  'completion as a number': { statement: withResult({ completion: 1 }), path: 'result.completion' },
  'a numeric response': { statement: withResult({ response: 12345 }), path: 'result.response' },
  'a duration mixing weeks and days': { statement: withResult({ duration: 'P4W1D' }), path: 'result.duration', reason: /ISO 8601 duration/ },
  'a duration with nothing after T': { statement: withResult({ duration: 'PT' }), path: 'result.duration' },
  'a duration with a fraction before the last unit': { statement: withResult({ duration: 'P1.5DT1H' }), path: 'result.duration' },
  'a duration in the alternative format': { statement: withResult({ duration: 'P0003-01-29T04:35:59' }), path: 'result.duration' },
  'a duration with an unknown designator': { statement: withResult({ duration: 'PA1H0M0S' }), path: 'result.duration' },
  'a numeric duration': { statement: withResult({ duration: 12345 }), path: 'result.duration' },
  'result extensions that are a number': { statement: withResult({ extensions: 12345 }), path: 'result.extensions' },
  'a result extension key that is not an IRI': { statement: withResult({ extensions: { 'example.com/extension/wrong': 1 } }), path: 'result.extensions["example.com/extension/wrong"]' },
  'an unknown result property': { statement: withResult({ passed: true }), path: 'result.passed' },

  // Context (§2.4.6)
  'a registration that is not a UUID': { statement: withContext({ registration: 'should fail' }), path: 'context.registration' },
  'a null registration': { statement: withContext({ registration: null }), path: 'context.registration', reason: /null/ },
  'an instructor without identifier': { statement: withContext({ instructor: { name: 'T' } }), path: 'context.instructor' },
  'an instructor that is a string': { statement: withContext({ instructor: 'should fail' }), path: 'context.instructor' },
  'a team that is an Agent': { statement: withContext({ team: ADA }), path: 'context.team.objectType', reason: /must be a Group/ },
  'contextActivities that is a string': { statement: withContext({ contextActivities: 'x' }), path: 'context.contextActivities' },
  'an unknown contextActivities key': { statement: withContext({ contextActivities: { consequences: [{ id: 'http://example.com/a' }] } }), path: 'context.contextActivities.consequences', reason: /parent, grouping, category, other/ },
  'a context activity without id': { statement: withContext({ contextActivities: { parent: [{ objectType: 'Activity' }] } }), path: 'context.contextActivities.parent[0].id' },
  'a context activity that is an Agent': { statement: withContext({ contextActivities: { grouping: [AGENT_OBJECT] } }), path: 'context.contextActivities.grouping[0].objectType' },
  'a context activity that is a string': { statement: withContext({ contextActivities: { category: 'http://example.com/c' } }), path: 'context.contextActivities.category' },
  'revision when the object is an Agent': { statement: withContext({ revision: 'r1' }, AGENT_OBJECT), path: 'context.revision', reason: /only allowed when the Statement's object is an Activity/ },
  'platform when the object is a StatementRef': { statement: withContext({ platform: 'p' }, STATEMENT_REF), path: 'context.platform' },
  'platform when the object is a SubStatement': { statement: withContext({ platform: 'p' }, subStatementObject()), path: 'context.platform' },
  'a numeric revision': { statement: withContext({ revision: 12345 }), path: 'context.revision' },
  'an invalid context language': { statement: withContext({ language: 'something' }), path: 'context.language', reason: /RFC 5646/ },
  'a context statement in lower case objectType': { statement: withContext({ statement: { objectType: 'statementref', id: STATEMENT_REF.id } }), path: 'context.statement.objectType', reason: /case-sensitive/ },
  'a context statement without objectType': { statement: withContext({ statement: { id: STATEMENT_REF.id } }), path: 'context.statement.objectType' },
  'a context statement id that is not a UUID': { statement: withContext({ statement: { objectType: 'StatementRef', id: 'x' } }), path: 'context.statement.id' },
  'a context extension key that is not an IRI': { statement: withContext({ extensions: { 'example.com/x': 1 } }), path: 'context.extensions["example.com/x"]' },
  'an unknown context property': { statement: withContext({ location: 'x' }), path: 'context.location' },
  'contextAgents in a 1.0.3 request': { statement: withContext({ contextAgents: [CTX_AGENT] }), path: 'context.contextAgents', reason: /xAPI 2\.0/, versions: V1 },
  'a contextAgent with the wrong objectType': { statement: withContext({ contextAgents: [{ ...CTX_AGENT, objectType: 'Agent' }] }), path: 'context.contextAgents[0].objectType', versions: V2 },
  'a contextAgent without objectType': { statement: withContext({ contextAgents: [{ agent: ADA }] }), path: 'context.contextAgents[0].objectType', versions: V2 },
  'a contextAgent without agent': { statement: withContext({ contextAgents: [{ objectType: 'contextAgent' }] }), path: 'context.contextAgents[0].agent', versions: V2 },
  'a contextAgent whose agent is a Group': { statement: withContext({ contextAgents: [{ ...CTX_AGENT, agent: { objectType: 'Group', mbox: 'mailto:g@example.com' } }] }), path: 'context.contextAgents[0].agent.objectType', versions: V2 },
  'a contextAgent with an invalid agent': { statement: withContext({ contextAgents: [{ ...CTX_AGENT, agent: { key: 'Should fail' } }] }), path: 'context.contextAgents[0].agent.key', versions: V2 },
  'empty relevantTypes': { statement: withContext({ contextAgents: [{ ...CTX_AGENT, relevantTypes: [] }] }), path: 'context.contextAgents[0].relevantTypes', reason: /at least one/, versions: V2 },
  'relevantTypes that are not IRIs': { statement: withContext({ contextAgents: [{ ...CTX_AGENT, relevantTypes: ['abc'] }] }), path: 'context.contextAgents[0].relevantTypes[0]', versions: V2 },
  'contextAgents that is an object': { statement: withContext({ contextAgents: CTX_AGENT }), path: 'context.contextAgents', versions: V2 },
  'a contextGroup whose group is an Agent': { statement: withContext({ contextGroups: [{ objectType: 'contextGroup', group: ADA }] }), path: 'context.contextGroups[0].group.objectType', versions: V2 },
  'a contextGroup with an extra property': { statement: withContext({ contextGroups: [{ objectType: 'contextGroup', group: { objectType: 'Group', mbox: 'mailto:t@example.com' }, member: [] }] }), path: 'context.contextGroups[0].member', versions: V2 },
  'a contextGroup with relevantTypes that are not IRIs': { statement: withContext({ contextGroups: [{ objectType: 'contextGroup', group: { objectType: 'Group', mbox: 'mailto:t@example.com' }, relevantTypes: ['abc'] }] }), path: 'context.contextGroups[0].relevantTypes[0]', versions: V2 },

  // Authority (§2.4.9)
  'an identified Group as authority': { statement: withProps({ authority: { objectType: 'Group', mbox: 'mailto:g@example.com', member: [ADA, { account: { homePage: 'http://example.com', name: 'app' } }] } }), path: 'authority', reason: /must be anonymous/ },
  'an authority Group of three': { statement: withProps({ authority: { objectType: 'Group', member: [ADA, ADA, { account: { homePage: 'http://example.com', name: 'app' } }] } }), path: 'authority.member', reason: /exactly two/ },
  'an authority Group of one': { statement: withProps({ authority: { objectType: 'Group', member: [{ account: { homePage: 'http://example.com', name: 'app' } }] } }), path: 'authority.member' },
  'an authority Group without the OAuth consumer': { statement: withProps({ authority: { objectType: 'Group', member: [ADA, { mbox: 'mailto:b@example.com' }] } }), path: 'authority.member', reason: /account/ },
  'an authority without identifier': { statement: withProps({ authority: { objectType: 'Agent' } }), path: 'authority' },

  // Attachments (§2.4.11)
  'attachments that are an object': { statement: withProps({ attachments: { usageType: 'http://example.com/u' } }), path: 'attachments', reason: /array/ },
  'an attachment that is a string': { statement: withProps({ attachments: ['should fail'] }), path: 'attachments[0]' },
  'an attachment without usageType': { statement: withAttachment({}, 'usageType'), path: 'attachments[0].usageType', reason: /required/ },
  'a usageType that is not an IRI': { statement: withAttachment({ usageType: 'should fail' }), path: 'attachments[0].usageType' },
  'an attachment without display': { statement: withAttachment({}, 'display'), path: 'attachments[0].display' },
  'an attachment display that is a string': { statement: withAttachment({ display: 'x' }), path: 'attachments[0].display' },
  'an attachment description with a bad tag': { statement: withAttachment({ description: { something: 'x' } }), path: 'attachments[0].description["something"]' },
  'a numeric contentType': { statement: withAttachment({ contentType: 12345 }), path: 'attachments[0].contentType' },
  'a contentType that is not a media type': { statement: withAttachment({ contentType: 'pdf' }), path: 'attachments[0].contentType', reason: /media type/ },
  'a length that is a string': { statement: withAttachment({ length: 'should fail' }), path: 'attachments[0].length' },
  'a fractional length': { statement: withAttachment({ length: 2.5 }), path: 'attachments[0].length', reason: /integer/ },
  'a negative length': { statement: withAttachment({ length: -1 }), path: 'attachments[0].length' },
  'an attachment without sha2': { statement: withAttachment({}, 'sha2'), path: 'attachments[0].sha2' },
  'a numeric sha2': { statement: withAttachment({ sha2: 12345 }), path: 'attachments[0].sha2' },
  'a sha2 that is not hex': { statement: withAttachment({ sha2: 'not-a-hash' }), path: 'attachments[0].sha2', reason: /SHA-2/ },
  'a fileUrl without scheme': { statement: withAttachment({ fileUrl: 'over.there.com/file.txt' }), path: 'attachments[0].fileUrl' },
  'an unknown attachment property': { statement: withAttachment({ data: 'aGVsbG8=' }), path: 'attachments[0].data' },
};

describe('validateStatement rejects invalid Statements', () => {
  const rows = Object.entries(cases).flatMap(([name, c]) =>
    (c.versions ?? ['1.0.3', '2.0.0']).map((version) => [name, version, c] as const),
  );

  it.each(rows)('%s (%s)', (_name, version, c) => {
    const issues = validateStatement(c.statement, version);
    const atPath = issues.filter((issue) => issue.path === c.path);
    expect(atPath).not.toHaveLength(0);
    for (const issue of atPath) expect(issue.reason.length).toBeGreaterThan(10);
    if (c.reason !== undefined) expect(atPath.map((issue) => issue.reason).join(' | ')).toMatch(c.reason);
  });

  it('reports every problem, not just the first', () => {
    const statement = withProps({
      id: 'wrong',
      actor: { mbox: 'ada@example.com' },
      verb: { id: 'not an iri' },
      result: { success: 'yes', score: { scaled: 2 } },
    });
    expect(validateStatement(statement, '1.0.3').map((issue) => issue.path)).toEqual([
      'id',
      'actor.mbox',
      'verb.id',
      'result.score.scaled',
      'result.success',
    ]);
  });
});
