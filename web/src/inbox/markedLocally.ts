import type { ListInboxOutput, MarkInboxReadInput } from '../../../functions/src/domain/contracts/types';

/** Marks entries read in a copy of the inbox, so the bell drops at once rather than at the next poll. */
export function markedLocally(inbox: ListInboxOutput, input: MarkInboxReadInput, now: string): ListInboxOutput {
  const ids = new Set(input.ids ?? []);
  let marked = 0;
  const items = inbox.items.map((item) => {
    if (item.readAt || !(input.all || ids.has(item.id))) return item;
    marked += 1;
    return { ...item, readAt: now };
  });
  return { items, unread: input.all ? 0 : Math.max(0, inbox.unread - marked) };
}
