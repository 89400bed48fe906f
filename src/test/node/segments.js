// Reads a JSON array of strings on stdin; writes, for each, Twilio's segment count and encoding.
const { SegmentedMessage } = require('sms-segments-calculator');
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', chunk => { input += chunk; });
process.stdin.on('end', () => {
  const out = JSON.parse(input).map(text => {
    const message = new SegmentedMessage(text, 'auto');
    return { segments: message.segmentsCount, encoding: message.encodingName };
  });
  process.stdout.write(JSON.stringify(out));
});
