// Problem codes the stores act on, beyond showing them.

/** The user cancelled a sign-in or a request for one more permission: not an error. */
export const CANCELLED = 'auth.cancelled';

/** The backend has forgotten the sign-in (expired or withdrawn): the UI must return to sign-in. */
export const SIGNED_OUT: ReadonlySet<string> = new Set([
  'chat.signed_out',
  'auth.expired',
  'auth.not_signed_in',
  'workspace.signed_out',
]);
