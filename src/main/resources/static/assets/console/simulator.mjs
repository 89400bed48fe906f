// The simulator without page reloads: the form is sent in the background and the replies are added to the thread.
// Without this script the same form posts and the page comes back with the thread drawn on the server.
const form = document.getElementById('compose')
const log = document.getElementById('thread')
const list = document.getElementById('thread-list')
const input = document.getElementById('message')

const speakers = { person: 'You: ', bot: 'Covenant Voices: ', note: 'Note: ' }

function show (bubble) {
  const empty = list.querySelector('.cv-thread__empty')
  if (empty) {
    empty.remove()
  }
  const item = document.createElement('li')
  item.className = 'cv-bubble cv-bubble--' + bubble.from
  if (bubble.language) {
    item.lang = bubble.language
  }
  const who = document.createElement('span')
  who.className = 'govuk-visually-hidden'
  who.textContent = speakers[bubble.from] || ''
  const text = document.createElement('span')
  text.className = 'cv-bubble__text'
  text.textContent = bubble.text
  item.append(who, text)
  list.appendChild(item)
}

function scrollToEnd () {
  log.scrollTop = log.scrollHeight
}

if (form && log && list && input) {
  scrollToEnd()
  form.addEventListener('submit', async (event) => {
    if (!input.value.trim()) {
      return // the server explains what is wrong, in the error summary
    }
    event.preventDefault()
    const button = form.querySelector('button[type=submit]')
    const text = input.value
    button.disabled = true
    try {
      const response = await fetch(form.action, {
        method: 'POST',
        headers: { 'X-Requested-With': 'simulator', Accept: 'application/json' },
        body: new URLSearchParams(new FormData(form)),
        credentials: 'same-origin'
      })
      const type = response.headers.get('Content-Type') || ''
      if (!type.includes('application/json')) {
        // Signed out, or the page timed out: let the browser go where the server sends it.
        form.submit()
        return
      }
      const body = await response.json()
      if (response.ok) {
        body.bubbles.forEach(show)
        input.value = ''
      } else {
        show({ from: 'note', text: body.error || 'That message was not sent.' })
      }
    } catch (e) {
      show({ from: 'note', text: 'The service is not answering. Try again.' })
    } finally {
      button.disabled = false
      scrollToEnd()
      input.focus()
    }
  })
}
