import { fc } from '@fast-check/vitest';

/** One edit of a text: delete, insert or duplicate a piece, or cut the text short. */
export interface TextEdit {
  readonly kind: 'delete' | 'insert' | 'duplicate' | 'truncate';
  /** Where, wrapped around the text's length at the time of the edit. */
  readonly at: number;
  /** What `insert` inserts; its length also varies how much `delete` deletes. */
  readonly piece: string;
}

const PIECES = [
  '(',
  ')',
  '[',
  ']',
  '"',
  '\\',
  ' ',
  '.',
  ':',
  ' and ',
  ' or ',
  'not ',
  '\\"',
  '\n',
  '\u0000',
  '%',
];

const textEdit: fc.Arbitrary<TextEdit> = fc.record({
  kind: fc.constantFrom('delete', 'insert', 'duplicate', 'truncate'),
  at: fc.nat(),
  piece: fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 3 })),
});

/** Applies edits in order; positions wrap around the current length, so any plan applies. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const edit of edits) {
    const at = out.length === 0 ? 0 : edit.at % (out.length + 1);
    switch (edit.kind) {
      case 'delete':
        out = out.slice(0, at) + out.slice(at + 1 + (edit.piece.length % 3));
        break;
      case 'insert':
        out = out.slice(0, at) + edit.piece + out.slice(at);
        break;
      case 'duplicate': {
        const piece = out.slice(at, at + 1 + (edit.at % 12));
        out = out.slice(0, at) + piece + piece + out.slice(at);
        break;
      }
      case 'truncate':
        out = out.slice(0, at);
        break;
    }
  }
  return out;
}

/** A text after zero to four random edits: unbalanced brackets and quotes, cut literals. */
export function mutated(base: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(base, fc.array(textEdit, { maxLength: 4 })).map(([text, edits]) => applyEdits(text, edits));
}
