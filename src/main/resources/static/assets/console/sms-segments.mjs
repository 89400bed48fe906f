// How many SMS segments a text costs, counted as the server counts it (plainlanguage.SmsSegments; a test runs both
// over the same few hundred texts). GSM-7: 160 in one segment, 153 each once split, extension characters take two.
// Anything else makes the whole text UCS-2: 70 code units in one, 67 each once split, a character never split.
const BASIC = '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà'
const EXTENSION = '\f^{}\\[~]|€'

function isGsm7 (text) {
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i)
    if (!BASIC.includes(c) && !EXTENSION.includes(c)) return false
  }
  return true
}

function gsm7 (text) {
  let septets = 0
  for (let i = 0; i < text.length; i++) septets += EXTENSION.includes(text.charAt(i)) ? 2 : 1
  if (septets <= 160) return { encoding: 'GSM-7', units: septets, segments: 1, remaining: 160 - septets }
  let segments = 1
  let used = 0
  for (let i = 0; i < text.length; i++) {
    const size = EXTENSION.includes(text.charAt(i)) ? 2 : 1
    if (used + size > 153) {
      segments++
      used = 0
    }
    used += size
  }
  return { encoding: 'GSM-7', units: septets, segments, remaining: 153 - used }
}

function ucs2 (text) {
  const units = text.length
  if (units <= 70) return { encoding: 'UCS-2', units, segments: 1, remaining: 70 - units }
  let segments = 1
  let used = 0
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) {
    if (used + segment.length > 67 && used > 0) {
      segments++
      used = 0
    }
    used += segment.length
  }
  return { encoding: 'UCS-2', units, segments, remaining: 67 - used }
}

export function smsSegments (text) {
  return isGsm7(text) ? gsm7(text) : ucs2(text)
}

/** The characters that make a text UCS-2, each once, so the console can say what to change. */
export function nonGsm7Characters (text) {
  const out = []
  for (const c of text) {
    if ((c.length > 1 || (!BASIC.includes(c) && !EXTENSION.includes(c))) && !out.includes(c)) out.push(c)
  }
  return out.join('')
}
