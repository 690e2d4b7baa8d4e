/**
 * Text clean-up for CSV fields.
 *
 * The challenge files are pipe-delimited with one record per line and no quoting, so a value may
 * not contain `|`, CR, LF or TAB: those are replaced by a space (then trimmed). Nothing else in a
 * title is changed, except the encoding repair below.
 */
export function sanitizeField(value: string): string {
  return value.replace(/[|\r\n\t]/g, " ").trim();
}

// Mac OS Roman, bytes 0x80–0xFF (0xCA is a no-break space, 0xF0 the Apple logo in the private use area).
const MAC_ROMAN_HIGH =
  "ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»…\u00a0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uf8ffÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ";

// Windows-1252, bytes 0x80–0x9F (0xA0–0xFF are the same code points as Latin-1).
const CP1252_C1 = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

function cp1252Char(byte: number): string {
  if (byte >= 0x80 && byte <= 0x9f) return CP1252_C1.charAt(byte - 0x80);
  return String.fromCharCode(byte);
}

/**
 * vega-datasets' movies.json has its non-ASCII titles decoded as Mac OS Roman although the bytes
 * were Windows-1252 ("LÈon" for "Léon", "AmÈlie", "Per qualche dollaro in pi˘", "2Ω" for "2½").
 * Re-encoding each character to its Mac Roman byte and decoding that as Windows-1252 undoes it.
 * Characters with no Mac Roman byte ("Alien³") and ones both encodings share ("Ri¢hie Ri¢h") are
 * left alone. This is applied to that one dataset only: every non-ASCII title in it was checked
 * and is either mis-decoded this way or unaffected by the repair.
 */
export function repairMacRomanMojibake(text: string): string {
  let out = "";
  for (const ch of text) {
    const index = ch.charCodeAt(0) >= 0x80 ? MAC_ROMAN_HIGH.indexOf(ch) : -1;
    out += index >= 0 ? cp1252Char(0x80 + index) : ch;
  }
  return out;
}
