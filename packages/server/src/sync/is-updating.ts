/**
 * The wrapper's `isUpdating`: a boolean, or the strings the national portal adapters send
 * ("True"/"False"). Absent reads as false. It is only a hint of what the sender believes.
 */
export function readIsUpdating(value: unknown): boolean | undefined {
  if (value === undefined || value === null) return false;
  if (value === true || value === 'True' || value === 'true') return true;
  if (value === false || value === 'False' || value === 'false') return false;
  return undefined;
}
