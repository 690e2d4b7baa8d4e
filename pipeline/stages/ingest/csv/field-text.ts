/** Turning a field's bytes into text; malformed UTF-8 becomes U+FFFD here (it is reported elsewhere). */
const decoder = new TextDecoder("utf-8");

export function decodeField(bytes: Uint8Array, quoted: boolean): string {
  const text = decoder.decode(bytes);
  // Inside a quoted field `""` stands for one quote; outside quotes a quote is literal.
  return quoted && text.includes('"') ? text.replaceAll('""', '"') : text;
}

/** For messages: a value cut to `max` characters, JSON-quoted so spaces and empties show. */
export function showValue(text: string, max = 40): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}
