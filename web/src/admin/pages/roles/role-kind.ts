import type { Role } from '../../../shared/api/types';

/** Built-in roles (the glossary's owner, order clerk, …) follow the code and cannot be edited or deleted. */
export const isBuiltIn = (r: Role): boolean => r.builtIn;
