/**
 * What the LRS knows of an Activity, merged from every statement that carries its definition
 * (xAPI 1.0.3 Communication §2.5: "the LRS SHOULD return the most complete definition";
 * the conformance suite checks that two statements' language maps come back merged).
 */
export type ActivityDefinition = { [key: string]: unknown };

const LANGUAGE_MAPS = ['name', 'description'] as const;
const INTERACTION_COMPONENTS = ['choices', 'scale', 'source', 'target', 'steps'] as const;

/**
 * A newer definition on top of an older one: language maps and extensions are merged
 * key by key (newer wins per key), interaction component lists take the newer list with
 * each component's description merged with the older one of the same id, and every other
 * property (type, moreInfo, interactionType, correctResponsesPattern …) is the newer one's.
 */
export function mergeDefinitions(older: ActivityDefinition | undefined, newer: ActivityDefinition): ActivityDefinition {
  if (!older) return newer;
  const merged: ActivityDefinition = { ...older, ...newer };
  for (const key of [...LANGUAGE_MAPS, 'extensions']) {
    if (isObject(older[key]) && isObject(newer[key])) merged[key] = { ...older[key], ...newer[key] };
  }
  for (const key of INTERACTION_COMPONENTS) {
    const before = older[key];
    const after = newer[key];
    if (Array.isArray(before) && Array.isArray(after)) merged[key] = after.map((component: unknown) => withOlderDescription(component, before));
  }
  return merged;
}

function withOlderDescription(component: unknown, older: unknown[]): unknown {
  if (!isObject(component)) return component;
  const previous = older.find((c) => isObject(c) && c.id === component.id);
  if (!isObject(previous) || !isObject(previous.description) || !isObject(component.description)) return component;
  return { ...component, description: { ...previous.description, ...component.description } };
}

/**
 * Every definition a statement gives for `activityId`, in the order they appear: the
 * object, the context activities, and the same places inside a SubStatement object.
 */
export function definitionsIn(statement: unknown, activityId: string): ActivityDefinition[] {
  const found: ActivityDefinition[] = [];
  const visitActivity = (activity: unknown) => {
    if (isObject(activity) && activity.id === activityId && isObject(activity.definition)) found.push(activity.definition);
  };
  const visitContext = (context: unknown) => {
    if (!isObject(context) || !isObject(context.contextActivities)) return;
    for (const list of Object.values(context.contextActivities)) {
      for (const activity of Array.isArray(list) ? list : [list]) visitActivity(activity);
    }
  };
  const visitObject = (object: unknown, depth: number) => {
    if (!isObject(object)) return;
    if (object.objectType === undefined || object.objectType === 'Activity') visitActivity(object);
    if (object.objectType === 'SubStatement' && depth === 0 && isObject(object)) {
      visitObject(object.object, depth + 1);
      visitContext(object.context);
    }
  };
  if (isObject(statement)) {
    visitObject(statement.object, 0);
    visitContext(statement.context);
  }
  return found;
}

function isObject(value: unknown): value is { [key: string]: unknown } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
