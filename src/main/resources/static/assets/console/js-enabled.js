// Marks the page as having JavaScript, as GOV.UK Frontend expects, from a file: the Content-Security-Policy allows no
// inline script. It runs first thing in <body>, before anything is drawn.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '')
