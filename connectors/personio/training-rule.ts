import type { PersonioConfig } from './config';

/** An attendance period as GET /company/attendances lists it (Personio API v1). */
export interface AttendancePeriod {
  id: number | string;
  type?: string;
  attributes: AttendanceAttributes;
}

export interface AttendanceAttributes {
  employee: number | string;
  /** YYYY-MM-DD */
  date: string;
  /** hh:mm, wall-clock time in the company's zone */
  start_time?: string | null;
  end_time?: string | null;
  /** minutes */
  break?: number | null;
  comment?: string | null;
  updated_at?: string | null;
  status?: string | null;
  project?: { id: number | string; type?: string; attributes?: { name?: string; active?: boolean } } | null;
}

export function isAttendancePeriod(value: unknown): value is AttendancePeriod {
  if (typeof value !== 'object' || value === null) return false;
  const { id, attributes } = value as Partial<AttendancePeriod>;
  return (typeof id === 'number' || typeof id === 'string') && typeof attributes === 'object' && attributes !== null && typeof attributes.date === 'string';
}

/** Why a period counts as training, for the logs and the statement's activity. */
export type TrainingMatch = { by: 'project id' | 'project name'; project: string } | { by: 'comment keyword'; keyword: string };

/**
 * Whether an attendance period is training: booked on a training project (by id or name), or
 * with a training keyword in its comment. Anything else is work time and stays out of the LRS.
 */
export function trainingMatch(attributes: AttendanceAttributes, config: PersonioConfig): TrainingMatch | undefined {
  const project = attributes.project;
  if (project) {
    if (config.trainingProjectIds.some((id) => String(id) === String(project.id))) return { by: 'project id', project: String(project.id) };
    const name = project.attributes?.name?.trim().toLowerCase();
    if (name && config.trainingProjectNames.some((n) => n.trim().toLowerCase() === name)) return { by: 'project name', project: String(project.id) };
  }
  const comment = attributes.comment?.toLowerCase() ?? '';
  const keyword = config.trainingCommentKeywords.find((k) => k.trim() !== '' && comment.includes(k.trim().toLowerCase()));
  return keyword ? { by: 'comment keyword', keyword } : undefined;
}

/** The rule has to name something, or no attendance would ever be training. */
export function trainingRuleProblem(config: PersonioConfig): string | undefined {
  const empty = config.trainingProjectIds.length + config.trainingProjectNames.length + config.trainingCommentKeywords.length === 0;
  return empty ? 'set at least one of trainingProjectIds, trainingProjectNames or trainingCommentKeywords: without them no attendance is training' : undefined;
}
