/**
 * Client text as it appears in an error detail: at most `max` characters, so a hostile path or
 * value of a megabyte is never echoed back whole.
 */
export function clip(text: string, max = 100): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}
