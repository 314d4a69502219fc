// Problem codes the stores act on, beyond showing them. Typed by the generated ProblemCode, so a
// code renamed or removed in Go fails to compile here.
import type { ProblemCode } from '../api/problems.gen';

/** The user cancelled a sign-in or a request for one more permission: not an error. */
export const CANCELLED: ProblemCode = 'auth.cancelled';

/** The file dialog was closed without a choice: not an error, and no sign-in follows. */
export const NO_FILE: ProblemCode = 'workspace.no_file';
