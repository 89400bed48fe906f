// Reads a JSON array of strings on stdin; writes, for each, the console's own live count (sms-segments.mjs).
import { smsSegments } from '../../main/resources/static/assets/console/sms-segments.mjs'
let input = ''
process.stdin.setEncoding('utf8')
process.stdin.on('data', chunk => { input += chunk })
process.stdin.on('end', () => {
  process.stdout.write(JSON.stringify(JSON.parse(input).map(text => smsSegments(text))))
})
