// The bureau's chart colours, apart from ECharts itself so a page can import them without loading it.

/** Colours of the bureau's charts: 政务蓝 first; deadline states as the tags show them. */
export const PALETTE = ['#1f4e8c', '#3a8ee6', '#2fa58c', '#e6a23c', '#8e6cc8', '#d9534f', '#5b7083'];
export const STATUS_COLORS = { overdue: '#d9363e', dueSoon: '#fa8c16', ok: '#3a8ee6' } as const;
