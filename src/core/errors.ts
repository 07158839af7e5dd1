/**
 * Domain errors: a stable code, a Chinese message for the user, the HTTP status,
 * and the field (and row, for imports) at fault. The one error handler in
 * `src/server` maps them to `{ code, message, field?, details? }`.
 */
export class AppError extends Error {
  /** The form field (or ledger column) at fault, where there is one. */
  readonly field?: string;
  /** What the answer carries beyond the message (a file limit, the rows at fault…). */
  readonly details?: unknown;
  /** `at`: the field at fault and the details, where there are any. */
  constructor(
    readonly code: string,
    message: string,
    readonly status: number = 400,
    at: { field?: string | undefined; details?: unknown } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.field = at.field;
    this.details = at.details;
  }
}

export const errors = {
  validation: (field: string, message: string, details?: unknown) => new AppError('VALIDATION', message, 400, { field, details }),
  notFound: (what = '记录') => new AppError('NOT_FOUND', `${what}不存在或无权访问`, 404),
  forbidden: (message = '没有执行此操作的权限') => new AppError('FORBIDDEN', message, 403),
  unauthenticated: (message = '请先登录') => new AppError('UNAUTHENTICATED', message, 401),
  conflict: (message = '记录已被他人修改，请刷新后重试') => new AppError('CONFLICT', message, 409),
  duplicate: (field: string, message: string) => new AppError('DUPLICATE', message, 409, { field }),
  gate: (code: string, message: string) => new AppError(code, message, 422),
};
