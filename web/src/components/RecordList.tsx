import { Children, Fragment, isValidElement, type ReactNode, useEffect, useMemo, useState } from 'react';
import { Button, Card, Checkbox, Flex, Form, Popover, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, SettingOutlined } from '@ant-design/icons';
import type { ColumnType, SorterResult } from 'antd/es/table/interface';
import { useApi } from '../api/useApi';
import { ErrorAlert } from './ErrorAlert';
import { PAGE_SIZES, type ListQuery, serverQuery } from './useListQuery';

/** A column of a record list: antd's column, with the server's sort name and an enum filter where it has them. */
export interface RecordColumn<T> extends ColumnType<T> {
  key: string;
  title: string;
  /** The name the server sorts on (its whitelist of indexed columns); absent: not sortable. */
  sortKey?: string;
  /** An enum column: the query parameter it filters on and its values. */
  filter?: { param: string; options: ReadonlyArray<{ label: string; value: string }> };
  /** Hidden unless the user shows it (column chooser). */
  defaultHidden?: boolean;
  /** Always shown (the record's number): not in the chooser. */
  fixedShown?: boolean;
}

export interface RecordListProps<T> {
  /** Remembers the chosen columns (localStorage) under this name. */
  listKey: string;
  /** The list's query in the URL ({@link useListQuery}). */
  query: ListQuery;
  /**
   * The server's paged list: answers `{ total, items }` for `?<filters>&sort&order&page&pageSize`; a list
   * counting up to a cap also `totalCapped` (said "10,000+") and `cursor` (the next page: `after=<cursor>`).
   */
  endpoint: string;
  /** The server's export of exactly the filtered rows (same filters, no page): a download link. */
  exportEndpoint?: string;
  columns: RecordColumn<T>[];
  rowKey: keyof T & string;
  /** The search form's fields (Form.Item with `name` = the query parameter); 查询 and 重置 come with it. */
  searchFields?: ReactNode;
  /** Above the table, left of the tools (e.g. a status switch). */
  toolbar?: ReactNode;
  /** Batch actions on the selected rows: rendered when rows are selected; `done` clears the selection and reloads. */
  batch?: (selected: T[], done: () => void) => ReactNode;
  /** What the count says: 共 N 件. */
  unit?: string;
  testId?: string;
  /** Query values the search form shows (the form's own shape, e.g. a year as a date): from the URL's values. */
  toForm?: (values: Record<string, string>) => Record<string, unknown>;
  /** The form's values as query parameters (undefined: the filter is cleared). */
  fromForm?: (values: Record<string, unknown>) => Record<string, string | undefined>;
  /** A new value reloads the page of rows (after an action on a row outside the batch actions). */
  reloadKey?: number;
}

/** A list page's answer: its rows and total; a capped list also says so and gives the next page's cursor. */
interface ListAnswer<T> {
  total: number;
  items: T[];
  totalCapped?: boolean;
  cursor?: string | null;
}

const storageKey = (listKey: string) => `fazhi.list.${listKey}.hidden`;

/** How an active filter reads: its field's Chinese name and the value's. */
interface FilterLabel {
  label: string;
  text: (value: string) => string;
}

/** The value as its control shows it: a select's option label, a year picker's "2022年", else as typed. */
function valueText(control: ReactNode): (value: string) => string {
  if (!isValidElement<{ options?: ReadonlyArray<{ label?: ReactNode; value?: unknown }>; picker?: string }>(control)) return (v) => v;
  const { options, picker } = control.props;
  if (options) return (v) => String(options.find((o) => String(o.value) === v)?.label ?? v);
  if (picker === 'year') return (v) => `${v}年`;
  return (v) => v;
}

/** The search form's fields by query parameter (each Form.Item with a `name` and a `label`, inside fragments too). */
function searchFieldLabels(node: ReactNode, into = new Map<string, FilterLabel>()): Map<string, FilterLabel> {
  for (const child of Children.toArray(node)) {
    if (!isValidElement<{ name?: unknown; label?: ReactNode; children?: ReactNode }>(child)) continue;
    const { name, label, children } = child.props;
    if (child.type === Fragment) searchFieldLabels(children, into);
    else if (typeof name === 'string' && typeof label === 'string') into.set(name, { label, text: valueText(Children.toArray(children)[0]) });
  }
  return into;
}

/** A cell cut to its column's width with an ellipsis, the whole text on hover. */
const CUT = { display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

/**
 * With the table scrolling sideways (`max-content`), a cell whose content is rendered (a link to the
 * record, a tag) takes its whole width and ignores the column's `ellipsis`: an `ellipsis` column with a
 * width gets its rendered cell wrapped to that width, cut, and titled with the value.
 */
function cutToWidth<T>(col: ColumnType<T>): Partial<ColumnType<T>> {
  const { render, width } = col;
  if (!col.ellipsis || typeof width !== 'number' || !render) return {};
  return {
    render: (value: unknown, record: T, index: number) => {
      const cell = render(value, record, index);
      // A render that sets cell props ({ children, props }) is left as it is.
      if (cell && typeof cell === 'object' && !isValidElement(cell) && 'children' in cell) return cell;
      return (
        <span style={{ ...CUT, maxWidth: width - 16 }} title={typeof value === 'string' || typeof value === 'number' ? String(value) : undefined}>
          {cell as ReactNode}
        </span>
      );
    },
  };
}

/** The list's active filters (search form and column filters) as removable tags, with 清除全部; none: nothing shown. */
function ActiveFilters<T>({ query, columns, searchFields }: { query: ListQuery; columns: RecordColumn<T>[]; searchFields?: ReactNode }) {
  const labels = useMemo(() => {
    const m = searchFieldLabels(searchFields);
    for (const c of columns)
      if (c.filter) {
        const options = c.filter.options;
        // An option not (yet) among the choices is not shown by its key: the tag names the column alone.
        m.set(c.filter.param, { label: c.title, text: (v) => options.find((o) => o.value === v)?.label ?? '已筛选' });
      }
    return m;
  }, [columns, searchFields]);
  const active = [...labels].filter(([param]) => query.values[param]);
  if (!active.length) return null;
  // A filter with a default (the latest year) is set empty, "all", or its default would come back.
  const cleared = (param: string) => (param in query.defaults ? '' : undefined);
  return (
    <Flex align="center" gap={4} wrap style={{ padding: '0 16px 12px' }} data-testid="list-filters">
      <Typography.Text type="secondary">已筛选：</Typography.Text>
      {active.map(([param, l]) => (
        <Tag
          key={param}
          // Named for what it removes (not antd's 关闭, which a dialog's close button also says).
          closable={{ 'aria-label': `移除筛选：${l.label}` }}
          onClose={(e) => {
            e.preventDefault();
            query.setFilters({ [param]: cleared(param) });
          }}
          style={{ maxWidth: '100%', whiteSpace: 'normal', marginInlineEnd: 4 }}
          data-testid={`list-filter-${param}`}
        >
          {l.label}：{l.text(query.values[param]!)}
        </Tag>
      ))}
      <Button
        type="link"
        size="small"
        onClick={() => query.setFilters(Object.fromEntries(active.map(([param]) => [param, cleared(param)])))}
        data-testid="list-filters-clear"
      >
        清除全部
      </Button>
    </Flex>
  );
}

function readHidden<T>(listKey: string, columns: RecordColumn<T>[]): string[] {
  try {
    const s = localStorage.getItem(storageKey(listKey));
    if (s) return JSON.parse(s) as string[];
  } catch {
    /* no storage: the defaults */
  }
  return columns.filter((c) => c.defaultHidden).map((c) => c.key);
}

/**
 * One list for every module: a search form (查询/重置), server-side column sort and enum filters,
 * the active filters as removable tags (已筛选：期限：已逾期 ×, 清除全部), a column chooser remembered per list, page sizes 10/20/50/100, the whole query in the URL, the
 * export of exactly the filtered rows and batch actions on the selected rows.
 */
export function RecordList<T extends object>(props: RecordListProps<T>) {
  const { listKey, query, endpoint, exportEndpoint, columns, rowKey, searchFields, toolbar, batch, unit = '条', testId } = props;
  const res = useApi<ListAnswer<T>>(`${endpoint}${serverQuery(query, { paged: true })}`);
  // The cursors of the pages before this one (paging by cursor): 上一页 goes back to the last one.
  const [trail, setTrail] = useState<string[]>([]);
  // Back to page numbers (a filter, a sort, 回到第一页): the trail is over.
  useEffect(() => {
    if (!query.after) setTrail([]);
  }, [query.after]);
  const [hidden, setHidden] = useState<string[]>(() => readHidden(listKey, columns));
  const [selected, setSelected] = useState<T[]>([]);
  const [form] = Form.useForm();
  const { toForm, fromForm, reloadKey } = props;

  // biome-ignore lint/correctness/useExhaustiveDependencies: reloadKey is the trigger; the first render loads anyway
  useEffect(() => {
    if (reloadKey) res.reload();
  }, [reloadKey]);

  // The form follows the URL (back/forward, a shared link, 重置).
  // biome-ignore lint/correctness/useExhaustiveDependencies: the URL's values are the form's source
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(toForm ? toForm(query.values) : query.values);
  }, [JSON.stringify(query.values)]);

  const chooseColumns = (keys: string[]) => {
    setHidden(keys);
    try {
      localStorage.setItem(storageKey(listKey), JSON.stringify(keys));
    } catch {
      /* not remembered */
    }
  };

  const shown = useMemo(
    () =>
      columns
        .filter((c) => c.fixedShown || !hidden.includes(c.key))
        .map((c): ColumnType<T> => {
          const { sortKey, filter, defaultHidden: _h, fixedShown: _f, ...col } = c;
          return {
            ...col,
            ...cutToWidth(col),
            ...(sortKey
              ? {
                  sorter: true,
                  sortOrder: query.sort === sortKey ? (query.order === 'desc' ? 'descend' : 'ascend') : null,
                  sortDirections: ['ascend', 'descend'],
                }
              : {}),
            ...(filter
              ? {
                  filters: filter.options.map((o) => ({ text: o.label, value: o.value })),
                  filterMultiple: false,
                  filteredValue: query.values[filter.param] ? [query.values[filter.param]!] : null,
                }
              : {}),
          };
        }),
    [columns, hidden, query],
  );

  const exportHref = exportEndpoint ? `${exportEndpoint}${serverQuery(query, { paged: false })}` : null;
  const total = res.data?.total ?? 0;
  const capped = !!res.data?.totalCapped;
  const totalText = capped ? `${total.toLocaleString('en-US')}+` : String(total);
  // Page numbers reach the cap; past it the list pages on by cursor.
  const lastNumbered = Math.max(1, Math.ceil(total / query.pageSize));
  const nextCursor = res.data?.cursor ?? null;
  const cursorNext = () => {
    if (!nextCursor) return;
    setTrail((t) => [...t, query.after ?? '']);
    query.setAfter(nextCursor);
  };
  const cursorPrev = () => {
    const prev = trail.at(-1);
    setTrail((t) => t.slice(0, -1));
    if (prev) query.setAfter(prev);
    else query.setAfter(undefined, lastNumbered);
  };
  const done = () => {
    setSelected([]);
    res.reload();
  };

  return (
    <Card styles={{ body: { padding: 0 } }}>
      {searchFields ? (
        <Form
          form={form}
          layout="inline"
          style={{ padding: '12px 16px 0', rowGap: 12 }}
          data-testid="list-search"
          onFinish={(v: Record<string, unknown>) => {
            if (fromForm) query.setFilters(fromForm(v));
            else query.setFilters(Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x == null || x === '' ? undefined : String(x)])));
          }}
        >
          {searchFields}
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit">
                查询
              </Button>
              <Button onClick={() => query.reset()}>重置</Button>
            </Space>
          </Form.Item>
        </Form>
      ) : null}
      <Flex justify="space-between" align="center" gap={8} wrap style={{ padding: '12px 16px' }}>
        <Space wrap style={{ minWidth: 0, maxWidth: '100%' }}>
          {/* A long switch (8 statuses) scrolls within a narrow screen instead of widening the page. */}
          {toolbar ? <div style={{ maxWidth: 'calc(100vw - 64px)', overflowX: 'auto' }}>{toolbar}</div> : null}
          {batch && selected.length ? (
            <Space wrap data-testid="list-batch">
              <Typography.Text>已选 {selected.length} 项</Typography.Text>
              {batch(selected, done)}
            </Space>
          ) : null}
        </Space>
        <Space wrap>
          {exportHref ? (
            <Button icon={<DownloadOutlined />} href={exportHref} download data-testid="list-export" disabled={!total}>
              导出筛选结果（{totalText}
              {unit}）
            </Button>
          ) : null}
          <Popover
            trigger="click"
            placement="bottomRight"
            title="显示的列"
            content={
              <Checkbox.Group
                style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
                value={columns.filter((c) => !c.fixedShown && !hidden.includes(c.key)).map((c) => c.key)}
                onChange={(keys) => chooseColumns(columns.filter((c) => !c.fixedShown && !keys.includes(c.key)).map((c) => c.key))}
                options={columns.filter((c) => !c.fixedShown).map((c) => ({ label: c.title, value: c.key }))}
              />
            }
          >
            <Button icon={<SettingOutlined />} data-testid="list-columns">
              列
            </Button>
          </Popover>
        </Space>
      </Flex>
      <ActiveFilters query={query} columns={columns} searchFields={searchFields} />
      <ErrorAlert error={res.error} onRetry={res.reload} />
      <Table<T>
        rowKey={rowKey}
        size="middle"
        data-testid={testId}
        loading={res.loading}
        dataSource={res.data?.items ?? []}
        columns={shown}
        // Wider than its card (a narrow screen, extra columns): the table scrolls, not the page.
        scroll={{ x: 'max-content' }}
        rowSelection={
          batch
            ? {
                selectedRowKeys: selected.map((r) => r[rowKey] as unknown as string),
                onChange: (_keys, rows) => setSelected(rows),
              }
            : undefined
        }
        onChange={(_pagination, filters, sorter, extra) => {
          if (extra.action === 'sort') {
            const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<T> | undefined;
            const col = columns.find((c) => c.key === s?.columnKey);
            query.setSort(col?.sortKey, s?.order === 'descend' ? 'desc' : s?.order === 'ascend' ? 'asc' : undefined);
          } else if (extra.action === 'filter') {
            const patch: Record<string, string | undefined> = {};
            for (const c of columns) if (c.filter) patch[c.filter.param] = (filters[c.key]?.[0] as string | undefined) ?? undefined;
            query.setFilters(patch);
          }
        }}
        pagination={
          query.after
            ? false
            : {
                current: query.page,
                pageSize: query.pageSize,
                total,
                showSizeChanger: true,
                pageSizeOptions: PAGE_SIZES.map(String),
                showTotal: (n) => (capped ? `共 ${totalText} ${unit}` : `共 ${n} ${unit}`),
                onChange: (page, pageSize) => query.setPage(page, pageSize),
              }
        }
      />
      {capped && (query.after || query.page >= lastNumbered) ? (
        <Flex justify="flex-end" align="center" gap={8} wrap style={{ padding: '0 16px 16px' }} data-testid="list-cursor-pager">
          <Typography.Text type="secondary">
            {query.after
              ? `前 ${total.toLocaleString('en-US')} ${unit}之后的记录（共 ${totalText} ${unit}），逐页往后翻`
              : `页码只列到前 ${total.toLocaleString('en-US')} ${unit}，其后请逐页往后翻`}
          </Typography.Text>
          {query.after ? (
            <>
              <Button onClick={() => query.setPage(1, query.pageSize)}>回到第一页</Button>
              <Button onClick={cursorPrev}>上一页</Button>
            </>
          ) : null}
          <Button type="primary" disabled={!nextCursor} onClick={cursorNext} data-testid="list-cursor-next">
            下一页
          </Button>
        </Flex>
      ) : null}
    </Card>
  );
}
