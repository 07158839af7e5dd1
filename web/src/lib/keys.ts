/**
 * The items of a list that has no ids (messages, paragraphs, the parts of a sentence), each
 * with a React key made from its content — a repeat gets `#2`, `#3`… — so a key follows its
 * item rather than its position.
 */
export function withKeys<T>(items: readonly T[], text: (item: T) => string): Array<{ key: string; item: T }> {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const t = text(item);
    const n = (seen.get(t) ?? 0) + 1;
    seen.set(t, n);
    return { key: n === 1 ? t : `${t}#${n}`, item };
  });
}
