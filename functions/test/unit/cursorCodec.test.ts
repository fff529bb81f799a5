import { decodeCursor, encodeCursor, InvalidCursorError } from '../../src/domain/paging/cursor';

const pair = ([value, id, ...rest]: readonly unknown[]) =>
  typeof value === 'number' && typeof id === 'string' && !rest.length ? { value, id } : undefined;

describe('one cursor codec for every paged list', () => {
  it('reads back what it wrote, strings, numbers and marks alike', () => {
    const cursor = encodeCursor(['2026-11-20T10:00:00.000Z', 'C-1|x', true, 42]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, (parts) => parts)).toEqual(['2026-11-20T10:00:00.000Z', 'C-1|x', true, 42]);
    expect(decodeCursor(encodeCursor([7, 'A']), pair)).toEqual({ value: 7, id: 'A' });
  });

  it.each([
    ['not base64url JSON', 'garbage'],
    ['JSON but not a list', Buffer.from('{"value":7,"id":"A"}').toString('base64url')],
    ['a string (whose characters a destructuring would take for parts)', Buffer.from('"7A"').toString('base64url')],
    ['a list its reader refuses (wrong types)', encodeCursor(['7', 'A'])],
    ['a list its reader refuses (a part too many)', encodeCursor([7, 'A', 'x'])],
    ['empty', ''],
  ])('refuses a cursor that is %s with InvalidCursorError naming the cursor field', (_what, cursor) => {
    let thrown: unknown;
    try {
      decodeCursor(cursor, pair);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidCursorError);
    expect(thrown).toMatchObject({
      message: 'The page cursor is not valid.',
      field: 'cursor',
      fieldMessage: 'is not valid',
    });
  });
});
