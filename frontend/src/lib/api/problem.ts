// AppProblem is the typed form of backend/problem.Problem. Wails rejects a bound method's promise
// with the Go error's text, which for a Problem is its JSON encoding.

export interface ProblemData {
  code: string;
  message: string;
  fix?: string;
  params?: Record<string, string>;
  detail?: string;
  retryable?: boolean;
}

export class AppProblem extends Error {
  readonly code: string;
  readonly fix: string;
  readonly params: Record<string, string>;
  readonly detail: string;
  readonly retryable: boolean;

  constructor(data: ProblemData) {
    super(data.message);
    this.name = 'AppProblem';
    this.code = data.code;
    this.fix = data.fix ?? '';
    this.params = data.params ?? {};
    this.detail = data.detail ?? '';
    this.retryable = data.retryable ?? false;
  }
}

/** Code of the problem made from a rejection that is not a Problem's JSON. */
export const UNEXPECTED = 'unexpected';

function isProblemData(v: unknown): v is ProblemData {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return typeof o.code === 'string' && o.code !== '' && typeof o.message === 'string';
}

function stringParams(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof v === 'object' && v !== null) {
    for (const [k, val] of Object.entries(v)) {
      if (typeof val === 'string') out[k] = val;
    }
  }
  return out;
}

/** toProblem turns whatever a binding rejected with into an AppProblem. */
export function toProblem(reason: unknown): AppProblem {
  if (reason instanceof AppProblem) return reason;
  let text: string;
  if (typeof reason === 'string') text = reason;
  else if (reason instanceof Error) text = reason.message;
  else if (isProblemData(reason)) return new AppProblem({ ...reason, params: stringParams(reason.params) });
  else text = String(reason);

  try {
    const parsed: unknown = JSON.parse(text);
    if (isProblemData(parsed)) {
      return new AppProblem({
        code: parsed.code,
        message: parsed.message,
        fix: typeof parsed.fix === 'string' ? parsed.fix : '',
        params: stringParams(parsed.params),
        detail: typeof parsed.detail === 'string' ? parsed.detail : '',
        retryable: parsed.retryable === true,
      });
    }
  } catch {
    // not JSON: a plain Go error or a runtime failure
  }
  return new AppProblem({ code: UNEXPECTED, message: '', detail: text });
}
