// The WebService integration called by a SOAP client of another implementation (npm soap), as a local system would:
// reads the WSDL, submits readings (one of them for an unknown point, which must come back refused), fetches the
// commands sent down, and checks that a call without a token is refused with a typed fault.
//   node soap-client.mjs <base-url> <bearer-token> <point-id>
// Prints one JSON object with what it saw; exits 1 when a check fails.
import soap from 'soap';

const [base, token, point] = process.argv.slice(2);
if (!base || !token || !point) {
  console.error('usage: node soap-client.mjs <base-url> <bearer-token> <point-id>');
  process.exit(2);
}
const wsdl = new URL('soap/integration?wsdl', base).toString();
const report = { wsdl, checks: [] };
const check = (name, ok, detail) => report.checks.push({ name, ok: Boolean(ok), detail });

const client = await soap.createClientAsync(wsdl);
client.addHttpHeader('Authorization', `Bearer ${token}`);
const description = client.describe();
const port = description.IntegrationService?.IntegrationPort ?? {};
check('wsdl operations', port.SubmitReadings && port.FetchCommands, Object.keys(port));

const now = Date.now();
const [submitted] = await client.SubmitReadingsAsync({
  system: '中控系统 DCS-1',
  reading: [
    { pointId: point, time: new Date(now - 2000).toISOString(), value: 3.25, quality: 'GOOD' },
    { pointId: point, time: new Date(now - 1000).toISOString(), value: 3.5 },
    { pointId: 'no-such-point', time: new Date(now).toISOString(), value: 1 },
  ],
});
const result = submitted.result;
const refused = [].concat(result.refused ?? []);
report.submit = result;
check('two readings accepted', Number(result.accepted) === 2, result.accepted);
check('unknown point refused with its index and reason', refused.length === 1 && Number(refused[0].index) === 2
  && /no point no-such-point/.test(refused[0].reason), refused);

const [fetched] = await client.FetchCommandsAsync({ since: new Date(0).toISOString(), limit: 50 });
report.commands = [].concat(fetched?.command ?? []);
check('commands fetched', Array.isArray(report.commands), report.commands.length);

const anonymous = await soap.createClientAsync(wsdl);
try {
  await anonymous.SubmitReadingsAsync({ system: 'x', reading: [{ pointId: point, time: new Date().toISOString(), value: 1 }] });
  check('no token: refused', false, 'the call was accepted');
} catch (error) {
  const fault = error?.root?.Envelope?.Body?.Fault;
  const text = JSON.stringify(fault ?? error.message);
  check('no token: refused', /UNAUTHENTICATED/.test(text), text.slice(0, 300));
}

console.log(JSON.stringify(report, null, 2));
process.exit(report.checks.every((c) => c.ok) ? 0 : 1);
