/** The environment the server's settings come from, and how a variable is read from it. */

export type Environment = Readonly<Record<string, string | undefined>>;

/** A variable's value, or undefined when it is unset or empty (`VAR=` in an env file means unset). */
export function readVariable(env: Environment, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value;
}
