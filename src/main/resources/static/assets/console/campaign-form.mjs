// Counts each message's SMS segments as the organiser types, with the fields filled in as the preview fills them.
// Without JavaScript the Preview button gives the same figures from the server.
import { smsSegments, nonGsm7Characters } from '/assets/console/sms-segments.mjs'

const SAMPLE = { answered: '3', questions: '6', remaining: '3' }

function describe (template) {
  const text = template.replace(/\{(answered|questions|remaining)\}/g, (_, field) => SAMPLE[field])
  if (text.length === 0) return ''
  const count = smsSegments(text)
  const texts = count.segments === 1 ? '1 text message' : `${count.segments} text messages`
  const left = `${count.remaining} ${count.remaining === 1 ? 'character' : 'characters'} left` +
    (count.segments === 1 ? '' : ' in the last one')
  let words = `${texts} to each person. ${left}.`
  if (count.encoding === 'UCS-2') {
    words += ` Because of ${nonGsm7Characters(text)}, each text holds 70 characters, not 160.`
  }
  return words
}

for (const box of document.querySelectorAll('textarea[data-sms-count]')) {
  const shown = document.createElement('div')
  shown.className = 'govuk-hint cv-sms-count'
  shown.id = `${box.id}-count`
  const announced = document.createElement('div')
  announced.className = 'govuk-visually-hidden'
  announced.setAttribute('aria-live', 'polite')
  box.after(shown, announced)
  box.setAttribute('aria-describedby', [box.getAttribute('aria-describedby'), shown.id].filter(Boolean).join(' '))
  let quiet
  const update = () => {
    shown.textContent = describe(box.value)
    clearTimeout(quiet)
    // Screen readers hear the count once the typing stops, not at every key.
    quiet = setTimeout(() => { announced.textContent = shown.textContent }, 1000)
  }
  box.addEventListener('input', update)
  shown.textContent = describe(box.value)
}
