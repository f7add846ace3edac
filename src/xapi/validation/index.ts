/**
 * The xAPI statement validator (xAPI 1.0.3 and 2.0.0 / IEEE 9274.1.1), shared by the
 * normalize worker and the built-in LRS. Pure: values in, issues out; nothing is mutated.
 */
export type { XapiVersion } from '../xapi-version';
export type { ValidationIssue } from './issues';
export { validateStatement } from './statement.rules';
export { validateAgent } from './agent.rules';
export { validateActivityId } from './activity.rules';
export { isIri, isIrl, isUri, isMailtoIri } from './iri';
export { isLanguageTag, isLanguageMap } from './language-tag';
export { isUuid, isSha1Hex, isSha2Hex, isMediaType, isStatementVersion } from './primitives';
export { isIsoTimestamp, isIsoDuration, parseIsoTimestamp, toUtcTimestamp } from './timestamp';
export type { TimestampOptions, TimestampParts } from './timestamp';
